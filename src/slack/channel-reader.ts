import type { WebClient } from '@slack/web-api';
import type { BotIdentity } from './bot-identity.js';
import { slackErrorCode } from './slack-api-errors.js';
import { collectMessages, type ThreadRead } from './thread-reader.js';

/** What a channel summary reads: the last day. */
export const CHANNEL_WINDOW_HOURS = 24;
/** Messages per page (Slack recommends no more than 200) and pages at most: 1,000 messages. */
const PAGE_SIZE = 200;
const MAX_PAGES = 5;
/** Members per page, and pages at most: membership is confirmed in channels of up to 10,000 people. */
const MEMBERS_PAGE_SIZE = 200;
const MAX_MEMBER_PAGES = 50;

export interface ChannelRead extends ThreadRead {
  /** Whether the window held more messages than are read (the newest are kept). */
  capped: boolean;
}

/**
 * The channel's top-level messages of the last `CHANNEL_WINDOW_HOURS`, oldest first, with cursor
 * pagination up to a cap (the newest kept when there are more). Replies inside threads are not part
 * of the channel's history; a thread has its own summary.
 * https://docs.slack.dev/reference/methods/conversations.history
 */
export async function readRecentChannel(
  client: WebClient,
  identity: BotIdentity,
  channel: string,
  now: Date,
): Promise<ChannelRead> {
  const oldest = (now.getTime() / 1000 - CHANNEL_WINDOW_HOURS * 3600).toFixed(6);
  const read: ChannelRead = { messages: [], cut: 0, capped: false };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.conversations.history({
      channel,
      oldest,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    collectMessages(response.messages, identity, read);
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
    if (page === MAX_PAGES - 1) read.capped = true;
  }
  // Slack lists history newest first; a summary reads a conversation in the order it was held.
  read.messages.sort((a, b) => Number(a.ts) - Number(b.ts));
  return read;
}

export interface Membership {
  bot: boolean;
  /** False also when the member list was longer than what is read: not confirmed is not a member. */
  user: boolean;
}

/**
 * Whether the bot and `user` are members of `channel`: the bot from conversations.info (`is_member`,
 * as the bot's token sees it; a private channel it is not in is "channel_not_found"), the user from
 * conversations.members, paginated. https://docs.slack.dev/reference/methods/conversations.members
 */
export async function membershipOf(client: WebClient, channel: string, user: string): Promise<Membership> {
  let bot: boolean;
  try {
    bot = (await client.conversations.info({ channel })).channel?.is_member === true;
  } catch (error) {
    if (slackErrorCode(error) === 'channel_not_found') return { bot: false, user: false };
    throw error;
  }
  if (!bot) return { bot, user: false };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_MEMBER_PAGES; page += 1) {
    const response = await client.conversations.members({
      channel,
      limit: MEMBERS_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    if (response.members?.includes(user)) return { bot, user: true };
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return { bot, user: false };
}
