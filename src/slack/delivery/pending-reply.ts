import type { SlackMessage } from '../views/block-types.js';

/** Why the last attempt failed, for the final note to the asker (a network failure is not a refusal). */
export type LastFailure = 'unreachable' | 'ratelimited' | 'busy';

/** One reply in the outbox: the messages to post in a thread, and how far delivery got. */
export interface PendingReply {
  channel: string;
  threadTs: string;
  /** Who asked: the one told privately if the reply cannot be delivered. */
  user: string;
  messages: SlackMessage[];
  /** Messages posted so far (they go in order). */
  posted: number;
  /** The last post's outcome is unknown (timeout, 5xx): look for it in the thread before posting again. */
  uncertain: boolean;
  failures: number;
  lastFailure?: LastFailure;
  /** Milliseconds since the epoch. */
  nextAttemptAt: number;
}

/** A stored entry's body read back; anything else (an older or edited file) is not ours to post. */
export function asPendingReply(body: Record<string, unknown>): PendingReply | null {
  const reply = body as Partial<PendingReply>;
  const valid =
    typeof reply.channel === 'string' &&
    typeof reply.threadTs === 'string' &&
    typeof reply.user === 'string' &&
    Array.isArray(reply.messages) &&
    typeof reply.posted === 'number' &&
    typeof reply.uncertain === 'boolean' &&
    typeof reply.failures === 'number' &&
    typeof reply.nextAttemptAt === 'number';
  return valid ? (reply as PendingReply) : null;
}
