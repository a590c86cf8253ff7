import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './views/block-types.js';

/** Where a reply goes, and who asked for it. */
interface ReplyPlace {
  channel: string;
  threadTs: string;
  user: string;
}

/**
 * Posts one or more messages in order in a thread (a long reply is split to stay within Slack's
 * limits). They go through the durable outbox (delivery/outbox.ts): this resolves once they are
 * stored, and they are posted — retried through outages and restarts, never twice — after.
 */
export function postMessages(
  // Structural, not SlackDeps: the outbox itself uses tellPrivately from here.
  deps: { outbox: { send(where: ReplyPlace, messages: SlackMessage[]): Promise<void> } },
  where: ReplyPlace,
  messages: SlackMessage[],
): Promise<void> {
  return deps.outbox.send(where, messages);
}

/** A short private note to one person (errors, acknowledgements). Failures are the caller's to log. */
export async function tellPrivately(
  client: WebClient,
  where: { channel: string; user: string; threadTs?: string },
  text: string,
): Promise<void> {
  await client.chat.postEphemeral({
    channel: where.channel,
    user: where.user,
    text,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
}
