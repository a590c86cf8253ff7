import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'whosaid.js');

export interface ServeProcess {
  child: ChildProcess;
  port: string;
  /** Everything it logged so far (stderr). */
  log(): string;
  exit: Promise<number | null>;
}

/**
 * `whosaid serve` from the built binary (`npm run build` first), with exactly `env` (plus PATH), once
 * it listens over HTTP. Killed after the test file whatever happens, so it never outlives the test.
 */
export async function startServe(cwd: string, env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  after(() => {
    child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', () => {
      const match = /listening on port (\d+) at \/slack\/events/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    exit.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${stderr}`)));
  });
  return { child, port, log: () => stderr, exit };
}
