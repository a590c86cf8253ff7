import type { BotServices } from '../bot-services.js';
import type { Logger } from '../logger.js';
import type { BotIdentity } from './bot-identity.js';
import type { RecentKeys } from './recent-keys.js';
import type { UserNames } from './user-names.js';
import type { AnswerCatalog } from './views/answer-blocks.js';

/** One click on an answer's feedback buttons. */
export interface FeedbackEntry {
  value: string;
  user: string;
  channel: string | undefined;
  /** The answer message the buttons belong to. */
  messageTs: string | undefined;
  threadTs: string | undefined;
  at: string;
}

export interface FeedbackRecorder {
  record(entry: FeedbackEntry): void | Promise<void>;
}

/** What every listener receives: the core services plus the adapter's own small pieces of state. */
export interface SlackDeps {
  services: BotServices;
  logger: Logger;
  identity: BotIdentity;
  /** Channels where questions are answered without a mention, when the documents support an answer. */
  autoAnswerChannels: ReadonlySet<string>;
  /** Channels where other bots' messages and mentions are answered; elsewhere they are ignored. */
  botChannels: ReadonlySet<string>;
  /** Who may add documents: these users, and anyone in the admin channel. */
  admins: { users: ReadonlySet<string>; channel: string | undefined };
  /** Event ids and channel+ts already handled (Slack retries; a mention also arrives as a message). */
  seen: RecentKeys;
  /** Threads (`channel:thread_ts`) the bot has answered in: follow-ups there need no mention. */
  answeredThreads: RecentKeys;
  names: UserNames;
  feedback: FeedbackRecorder;
  /** Show progress when work takes longer than this (0 shows it at once). */
  progressDelayMs: number;
  catalog(): AnswerCatalog;
}

export function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

/**
 * Claims one delivery of a message: false when its event id or its channel+ts was seen before, so a
 * question is answered exactly once. https://docs.slack.dev/apis/events-api/#retries
 */
export function claimDelivery(
  deps: SlackDeps,
  eventId: string | undefined,
  channel: string,
  ts: string,
): boolean {
  const byEvent = eventId ? deps.seen.claim(`event:${eventId}`) : true;
  const byMessage = deps.seen.claim(`message:${channel}:${ts}`);
  return byEvent && byMessage;
}

/**
 * Whether a message's author is one the bot answers: never itself, and another bot only in a channel
 * configured for it (WHOSAID_BOT_CHANNELS) — two bots answering each other would loop forever.
 */
export function answersAuthor(
  deps: SlackDeps,
  message: { channel: string; user?: string | undefined; bot_id?: string | undefined },
): boolean {
  if (message.user === deps.identity.botUserId || message.bot_id === deps.identity.botId) return false;
  return message.bot_id === undefined || deps.botChannels.has(message.channel);
}
