import type { SlackMessage } from '../views/block-types.js';

/** Why the last attempt failed, for the final note to the asker (a network failure is not a refusal). */
export type LastFailure = 'unreachable' | 'ratelimited' | 'busy';

/**
 * Which installation a reply belongs to (OAuth: many workspaces), as Bolt's installationStore looks it
 * up. Only the ids are stored with the reply, never a token: the token is fetched when it is posted,
 * so an uninstalled workspace's replies are not posted with a token it revoked.
 */
export interface InstallationRef {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}

/** One reply in the outbox: the messages to post in a thread, and how far delivery got. */
export interface PendingReply {
  /** Absent with one workspace (SLACK_BOT_TOKEN). */
  installation?: InstallationRef;
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
    typeof reply.nextAttemptAt === 'number' &&
    (reply.installation === undefined || isInstallationRef(reply.installation));
  return valid ? (reply as PendingReply) : null;
}

function isInstallationRef(value: unknown): value is InstallationRef {
  const ref = value as Partial<InstallationRef> | null;
  return (
    typeof ref === 'object' &&
    ref !== null &&
    typeof ref.isEnterpriseInstall === 'boolean' &&
    ['string', 'undefined'].includes(typeof ref.teamId) &&
    ['string', 'undefined'].includes(typeof ref.enterpriseId)
  );
}
