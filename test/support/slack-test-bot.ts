import { after } from 'node:test';
import pino from 'pino';
import type { BotServices } from '../../src/bot-services.js';
import { createBotServices } from '../../src/bot-services.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { createSlackApp, type SlackBot } from '../../src/slack/create-slack-app.js';
import { EVENTS_PATH } from '../../src/slack/events-path.js';
import type { ListenerEntry } from '../../src/slack/listener-registry.js';
import type { FeedbackEntry } from '../../src/slack/slack-deps.js';
import { bundledIndexCopy } from './shared-index.js';
import { SlackApiStandIn, STAND_IN_TOKEN } from './slack-api-stand-in.js';
import {
  type AppResponse,
  eventEnvelope,
  type SendOptions,
  SIGNING_SECRET,
  sendToApp,
} from './slack-signed-requests.js';

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
  logs: LogLine[];
  feedback: FeedbackEntry[];
  /** Sends a signed request and waits until the work it started is done. */
  send(body: string, options?: SendOptions): Promise<AppResponse>;
  /** Sends an Events API event (optionally with a fixed event id) and waits for its work. */
  event(event: Record<string, unknown>, options?: SendOptions & { eventId?: string }): Promise<AppResponse>;
  errors(): LogLine[];
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

/**
 * The same app `whosaid serve` runs, over HTTP on a free port, talking to a fresh Web API stand-in.
 * Progress is shown at once (delay 0) so the tests need no timing.
 */
export async function startTestBot(
  options: {
    services?: BotServices;
    autoAnswerChannels?: string[];
    botChannels?: string[];
    pageSize?: number;
    listeners?: readonly ListenerEntry[];
    admins?: { users?: string[]; channel?: string };
  } = {},
): Promise<TestBot> {
  const standIn = await SlackApiStandIn.start({ pageSize: options.pageSize });
  const { logger, lines } = memoryLogger();
  const feedback: FeedbackEntry[] = [];
  const bot = await createSlackApp({
    settings: {
      mode: 'http',
      botToken: STAND_IN_TOKEN,
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      apiUrl: standIn.apiUrl,
      port: 0,
    },
    services: options.services ?? (await realServices()),
    logger,
    autoAnswerChannels: options.autoAnswerChannels,
    botChannels: options.botChannels,
    ...(options.listeners ? { listeners: options.listeners } : {}),
    admins: options.admins,
    clientOptions: { retryConfig: { retries: 0 } },
    feedback: { record: (entry) => void feedback.push(entry) },
    progressDelayMs: 0,
  });
  const { port } = await bot.start();
  const url = `http://127.0.0.1:${port}${EVENTS_PATH}`;
  after(async () => {
    await bot.stop();
    await standIn.close();
  });
  const send = async (body: string, sendOptions?: SendOptions) => {
    const response = await sendToApp(url, body, sendOptions);
    await bot.idle();
    return response;
  };
  return {
    standIn,
    bot,
    url,
    logs: lines,
    feedback,
    send,
    event: (event, eventOptions = {}) => send(eventEnvelope(event, eventOptions.eventId), eventOptions),
    errors: () => lines.filter((line) => line.level >= 50),
  };
}
