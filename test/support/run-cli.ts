import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a `whosaid` command line in this process, as the binary would (same parsing, actions, exit
 * codes), with its output captured and only `env` as its environment (no .env file is read).
 */
export async function runWhosaid(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: { WHOSAID_LOG_LEVEL: 'silent', ...env },
    dotenvPath: null,
    exitCode: 0,
    debug: false,
  };
  const status = await runCli(['node', 'whosaid', ...args], io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** A command's io that writes nowhere, for calling actions directly with only `env`. */
export function silentIo(env: Record<string, string>) {
  return { stdout: { write: () => true }, stderr: { write: () => true }, env, exitCode: 0, debug: false };
}
