import type { InstallationQuery } from '@slack/bolt';
import type { BotServices } from '../bot-services.js';
import type { Logger } from '../logger.js';
import type { FeedbackEntry, StateStore } from '../store/state-store.js';
import type { BotIdentity } from './bot-identity.js';
import type { InstallationRef } from './delivery/pending-reply.js';
import type { UserNames } from './user-names.js';
import type { AnswerCatalog } from './views/answer-blocks.js';
import type { SlackMessage } from './views/block-types.js';
import type { WorkQueue } from './work-queue.js';

export interface FeedbackRecorder {
  record(entry: FeedbackEntry): void | Promise<void>;
}

interface ReplySender {
  send(
    where: { channel: string; threadTs: string; user: string; installation?: InstallationRef },
    messages: SlackMessage[],
  ): Promise<void>;
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
  /**
   * Collections: the registry's folder (absent: only `news` exists) and what unbound channels and DMs
   * read. Channel bindings are in `state`.
   */
  collections: { dir: string | undefined; defaults: readonly string[] };
  /** Who may add documents: these users, and anyone in the admin channel. */
  admins: { users: ReadonlySet<string>; channel: string | undefined };
  /**
   * Durable state: event ids and channel+ts already handled (Slack retries; a mention also arrives as a
   * message), threads the bot answered in (follow-ups need no mention), the outbox, feedback.
   */
  state: StateStore;
  /** Where answer, quote and summary work runs, off the request path (bounded). */
  work: WorkQueue;
  /**
   * Where every threaded reply goes to be posted (durably, retried, never twice): the outbox, with the
   * request's installation attached (installation-deps.ts).
   */
  outbox: ReplySender;
  names: UserNames;
  feedback: FeedbackRecorder;
  /**
   * The OAuth installations (many workspaces), for `app_uninstalled` and `tokens_revoked`; absent
   * with one workspace (SLACK_BOT_TOKEN).
   */
  installations?: { deleteInstallation(query: InstallationQuery<boolean>): Promise<void> };
  /** Show progress when work takes longer than this (0 shows it at once). */
  progressDelayMs: number;
  /** Roles and the document count for answer views, as the services' scope sees them. */
  catalog(services: BotServices): AnswerCatalog;
}

/**
 * How long an event id is remembered: Slack retries a delivery it thinks failed three times, the last
 * about 5 minutes after the first (https://docs.slack.dev/apis/events-api/#retries); an hour covers that
 * with room for a restart in between, and for a pending reply that is still being delivered.
 */
const DEDUPE_TTL_MS = 60 * 60 * 1000;
/** Follow-ups without a mention are answered in threads the bot answered during the last week. */
const ANSWERED_THREAD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Remembers that the bot answered in a thread, so follow-ups there need no mention. */
export async function markThreadAnswered(deps: SlackDeps, channel: string, threadTs: string): Promise<void> {
  await deps.state.claim(threadKey(channel, threadTs), ANSWERED_THREAD_TTL_MS);
}

export function threadAnswered(deps: SlackDeps, channel: string, threadTs: string): Promise<boolean> {
  return deps.state.has(threadKey(channel, threadTs));
}

function threadKey(channel: string, threadTs: string): string {
  return `thread:${channel}:${threadTs}`;
}

/**
 * Claims one delivery of a message: false when its channel+ts was seen before (also by a previous run
 * of the bot, or by another replica: the claims are durable and shared), so a question is answered
 * exactly once. One key decides: a retry of an event and the `message` copy of a mention (another
 * event id) have the same channel+ts. Claiming the event id as well and requiring both would let two
 * replicas, each claiming both keys at once, win one key each — and then neither would answer.
 * https://docs.slack.dev/apis/events-api/#retries
 */
export async function claimDelivery(deps: SlackDeps, channel: string, ts: string): Promise<boolean> {
  const claimed = await deps.state.claim(`message:${channel}:${ts}`, DEDUPE_TTL_MS);
  if (!claimed)
    deps.logger.debug(
      { channel, ts },
      'delivery already claimed (a retry, a second copy, or another replica)',
    );
  return claimed;
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
