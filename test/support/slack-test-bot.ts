import { after } from 'node:test';
import pino from 'pino';
import type { BotServices } from '../../src/bot-services.js';
import { createBotServices } from '../../src/bot-services.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { createSlackApp, type SlackBot } from '../../src/slack/create-slack-app.js';
import type { DeliveryPolicy } from '../../src/slack/delivery/delivery-policy.js';
import { EVENTS_PATH } from '../../src/slack/events-path.js';
import type { ListenerEntry } from '../../src/slack/listener-registry.js';
import { FileStateStore } from '../../src/store/file-state-store.js';
import type { EncryptedInstallationStore } from '../../src/store/installation-store.js';
import type { FeedbackEntry, StateStore } from '../../src/store/state-store.js';
import { bundledIndexCopy } from './shared-index.js';
import { CLIENT_ID, CLIENT_SECRET, SlackApiStandIn, STAND_IN_TOKEN } from './slack-api-stand-in.js';
import {
  type AppResponse,
  eventEnvelope,
  type SendOptions,
  SIGNING_SECRET,
  sendToApp,
} from './slack-signed-requests.js';
import { tempDir } from './temp-dir.js';

export interface LogLine {
  level: number;
  msg: string;
  slackError?: string | null;
  [key: string]: unknown;
}

export interface TestBot {
  standIn: SlackApiStandIn;
  bot: SlackBot;
  url: string;
  /** The bot's HTTP server (OAuth routes live beside EVENTS_PATH). */
  baseUrl: string;
  logs: LogLine[];
  feedback: FeedbackEntry[];
  /** Sends a signed request and waits until the work it started is done. */
  send(body: string, options?: SendOptions): Promise<AppResponse>;
  /** Sends an Events API event (optionally with a fixed event id) and waits for its work. */
  event(
    event: Record<string, unknown>,
    options?: SendOptions & { eventId?: string; teamId?: string },
  ): Promise<AppResponse>;
  errors(): LogLine[];
  state: StateStore;
  /** Stops the bot, closes its state and (when it made it) the stand-in; later calls do nothing. */
  stop(): Promise<void>;
}

let services: Promise<BotServices> | undefined;

/** The real core over the real bundled corpus, from a copy of the index shared by the test run. */
export function realServices(): Promise<BotServices> {
  services ??= (async () => {
    const config = loadConfig({
      env: { WHOSAID_INDEX_DIR: await bundledIndexCopy(), WHOSAID_LOG_LEVEL: 'silent' },
      dotenvPath: null,
    });
    return createBotServices(await openSearchContext(config), { k: config.topK });
  })();
  return services;
}

/** A logger that keeps its lines in memory, so tests can check what was logged. */
export function memoryLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}

export interface TestBotOptions {
  services?: BotServices;
  autoAnswerChannels?: string[];
  botChannels?: string[];
  pageSize?: number;
  listeners?: readonly ListenerEntry[];
  admins?: { users?: string[]; channel?: string };
  /** The collections folder and the defaults (as `serve` passes them); default only `news`. */
  collections?: { dir?: string; defaults?: string[] };
  /** The bot's state folder (a restart is a second bot over the same folder); default a fresh one. */
  stateDir?: string;
  /** A state store of the test's own (e.g. in PostgreSQL) instead of a folder; closed by `stop`. */
  state?: StateStore;
  /** A stand-in shared with an earlier bot (a restart talks to the same Slack); default a fresh one. */
  standIn?: SlackApiStandIn;
  /** The outbox's retry policy; default fast retries that give up after 10 s. */
  deliveryPolicy?: Partial<DeliveryPolicy>;
  workQueue?: { concurrency: number; capacity: number };
  /** Deadline of every Web API call; default 2 s. */
  apiTimeoutMs?: number;
  /** Keep memory-log lines (default true; load runs turn it off to measure the bot, not the log). */
  keepLogs?: boolean;
  /** Keep feedback in the state store (the default of `serve`) instead of the test's list. */
  storeFeedback?: boolean;
  /**
   * Many workspaces (OAuth) over these installations, with the stand-in's client id and secret: no
   * SLACK_BOT_TOKEN, each workspace installs through /slack/install. The test closes the store.
   */
  installations?: EncryptedInstallationStore;
}

/** The state secret OAuth test bots sign install states with. */
export const STATE_SECRET = 'stand-in-state-secret-0123456789';

function silentLogger(): { logger: Logger; lines: LogLine[] } {
  return { logger: pino({ level: 'silent' }), lines: [] };
}

/**
 * The same app `whosaid serve` runs, over HTTP on a free port, talking to a fresh Web API stand-in.
 * Progress is shown at once (delay 0) so the tests need no timing. It is stopped after the test file
 * unless the test stops it first (each bot is stopped exactly once).
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const test = await createTestBot(options);
  after(test.stop);
  return test;
}

/** As startTestBot, without registering its stop with node:test (load runs outside the test runner). */
export async function createTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const standIn = options.standIn ?? (await SlackApiStandIn.start({ pageSize: options.pageSize }));
  const { logger, lines } = options.keepLogs === false ? silentLogger() : memoryLogger();
  const feedback: FeedbackEntry[] = [];
  const state =
    options.state ?? (await FileStateStore.open(options.stateDir ?? (await tempDir('whosaid-state-')))).store;
  const bot = await createSlackApp({
    settings: {
      mode: 'http',
      botToken: options.installations ? undefined : STAND_IN_TOKEN,
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: standIn.apiUrl,
      port: 0,
      ...(options.installations
        ? {
            oauth: {
              clientId: CLIENT_ID,
              clientSecret: CLIENT_SECRET,
              stateSecret: STATE_SECRET,
              // Unused here: the store passed in already holds its keys.
              tokenKeys: { current: Buffer.alloc(32), previous: [] },
            },
          }
        : {}),
    },
    ...(options.installations ? { installations: options.installations } : {}),
    services: options.services ?? (await realServices()),
    logger,
    autoAnswerChannels: options.autoAnswerChannels,
    botChannels: options.botChannels,
    ...(options.listeners ? { listeners: options.listeners } : {}),
    admins: options.admins,
    ...(options.collections ? { collections: options.collections } : {}),
    clientOptions: { retryConfig: { retries: 0 } },
    state,
    ...(options.storeFeedback
      ? {}
      : { feedback: { record: (entry: FeedbackEntry) => void feedback.push(entry) } }),
    progressDelayMs: 0,
    apiTimeoutMs: options.apiTimeoutMs ?? 2_000,
    ...(options.workQueue ? { workQueue: options.workQueue } : {}),
    deliveryPolicy: { firstRetryMs: 10, maxRetryMs: 100, giveUpAfterMs: 10_000, ...options.deliveryPolicy },
  });
  const { port } = await bot.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}${EVENTS_PATH}`;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await bot.stop();
      await state.close();
      if (!options.standIn) await standIn.close();
    })();
    return stopped;
  };
  const send = async (body: string, sendOptions?: SendOptions) => {
    const response = await sendToApp(url, body, sendOptions);
    await bot.idle();
    return response;
  };
  return {
    standIn,
    bot,
    url,
    baseUrl,
    logs: lines,
    feedback,
    send,
    event: (event, eventOptions = {}) =>
      send(eventEnvelope(event, eventOptions.eventId, eventOptions.teamId), eventOptions),
    errors: () => lines.filter((line) => line.level >= 50),
    state,
    stop,
  };
}
