import type { WebClient } from '@slack/web-api';
import type { ThreadMessage } from '../summarize/types.js';
import type { BotIdentity } from './bot-identity.js';
import { cutToLength, INPUT_LIMITS } from './input-limits.js';

/** The fields of a conversations.replies message a summary uses (the SDK's type omits some). */
interface RawMessage {
  ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
  user_profile?: { real_name?: string; display_name?: string; name?: string };
}

/** Messages per page: Slack recommends no more than 200. https://docs.slack.dev/reference/methods/conversations.replies */
const PAGE_SIZE = 200;
/** A safety stop for runaway pagination (10,000 messages). */
const MAX_PAGES = 50;

export interface ThreadRead {
  messages: ThreadMessage[];
  /** How many messages were longer than INPUT_LIMITS.threadMessage and read only that far. */
  cut: number;
}

/** Reads a whole thread with cursor pagination (see collectMessages for what is kept). */
export async function readThread(
  client: WebClient,
  identity: BotIdentity,
  channel: string,
  threadTs: string,
): Promise<ThreadRead> {
  const read: ThreadRead = { messages: [], cut: 0 };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.conversations.replies({
      channel,
      ts: threadTs,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    collectMessages(response.messages, identity, read);
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return read;
}

/**
 * Adds a page of Slack messages to `read`: the bot's own left out (its answers and earlier summaries
 * are not what people said), each text cut to a bound so one summary's cost does not grow with the
 * length of any message in it.
 */
export function collectMessages(page: unknown[] | undefined, identity: BotIdentity, read: ThreadRead): void {
  for (const message of (page ?? []) as RawMessage[]) {
    if (!message.ts || message.user === identity.botUserId || message.bot_id === identity.botId) continue;
    const text =
      typeof message.text === 'string' ? cutToLength(message.text, INPUT_LIMITS.threadMessage) : undefined;
    if (text?.cut) read.cut += 1;
    read.messages.push({
      ts: message.ts,
      user: message.user,
      text: text?.text,
      bot_id: message.bot_id,
      subtype: message.subtype,
      user_profile: message.user_profile
        ? {
            real_name: message.user_profile.real_name,
            display_name: message.user_profile.display_name,
            name: message.user_profile.name,
          }
        : undefined,
    });
  }
}
