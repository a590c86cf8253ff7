import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_TOKEN, SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { SIGNING_SECRET } from '../support/slack-signed-requests.js';
import { SlackSocketStandIn } from '../support/slack-socket-stand-in.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'whosaid.js');
const PROBE = join(ROOT, 'test', 'load', 'process-probe.mjs');

/** What process-probe.mjs reports from inside the bot. */
export interface Probe {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  cpuMs: number;
  cpuAtLastResponseMs: number;
  responses: number;
  spaces: Record<string, number>;
}

export interface ServeProcess {
  /** The events URL (HTTP mode); empty in Socket Mode. */
  url: string;
  standIn: SlackApiStandIn;
  /** Slack's Socket Mode endpoint the bot is connected to (Socket Mode only). */
  socket: SlackSocketStandIn | undefined;
  /** Memory (after a full GC) and CPU time of the bot's process, asked by signal. */
  probe(): Promise<Probe>;
  stop(): Promise<void>;
}

/**
 * `whosaid serve` as Slack meets it: the built bin in a process of its own (HTTP on a free port, or
 * with `socketMode` connected to a Socket Mode stand-in; the given index, a fresh state folder),
 * talking to a Web API stand-in in this process. Nothing of the measuring side (stand-ins, sender)
 * shares the bot's event loop or heap.
 */
export async function startServeProcess(options: {
  indexDir: string;
  env?: Record<string, string>;
  socketMode?: boolean;
}): Promise<ServeProcess> {
  const standIn = await SlackApiStandIn.start();
  standIn.recordCalls = false;
  const socket = options.socketMode ? await SlackSocketStandIn.start() : undefined;
  standIn.socketUrl = socket?.url;
  const stateDir = join(await tempDir('whosaid-load-state-'), 'state');
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', PROBE, BIN, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      WHOSAID_INDEX_DIR: options.indexDir,
      WHOSAID_STATE_DIR: stateDir,
      SLACK_BOT_TOKEN: STAND_IN_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      PORT: '0',
      WHOSAID_LOG_LEVEL: 'info',
      ...(socket ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let buffer = '';
  const lineWaiters: ((line: string) => boolean)[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      for (const waiter of [...lineWaiters])
        if (waiter(line)) lineWaiters.splice(lineWaiters.indexOf(waiter), 1);
      newline = buffer.indexOf('\n');
    }
  });
  const nextLine = <T>(read: (line: string) => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      lineWaiters.push((line) => {
        const value = read(line);
        if (value !== undefined) resolve(value);
        return value !== undefined;
      });
      exited.then((code) => reject(new Error(`whosaid serve exited (${code})`)));
    });
  const port = socket
    ? await nextLine((line) => (line.includes('connected to Slack (Socket Mode)') ? '' : undefined))
    : await nextLine((line) => /listening on port (\d+) at \/slack\/events/.exec(line)?.[1]);
  return {
    url: socket ? '' : `http://127.0.0.1:${port}/slack/events`,
    standIn,
    socket,
    probe: () => {
      const reply = nextLine((line) =>
        line.startsWith('PROBE ') ? (JSON.parse(line.slice('PROBE '.length)) as Probe) : undefined,
      );
      child.kill('SIGUSR2');
      return reply;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await socket?.close();
      await standIn.close();
    },
  };
}
