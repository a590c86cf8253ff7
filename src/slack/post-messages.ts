import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './views/block-types.js';

/**
 * Posts one or more messages in order (a long reply is split to stay within Slack's limits) and
 * returns the ts of the first. Link previews are off: sources are listed, not unfurled.
 */
export async function postMessages(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  messages: SlackMessage[],
): Promise<string | undefined> {
  let first: string | undefined;
  for (const message of messages) {
    const posted = await client.chat.postMessage({
      channel,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    first ??= posted.ts;
  }
  return first;
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
