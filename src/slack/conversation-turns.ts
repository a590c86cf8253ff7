import type { WebClient } from '@slack/web-api';
import type { ConversationTurn } from '../answer/follow-up-question.js';
import type { BotIdentity } from './bot-identity.js';
import { citedSourcesOf } from './delivery/reply-marker.js';
import { cutToLength, INPUT_LIMITS } from './input-limits.js';
import { questionText } from './question-text.js';

/** The turns a follow-up is read against: the asker's and the bot's last two each. */
const MAX_TURNS = 4;
/** Messages per page, and pages at most: a follow-up costs at most this many reads of a long thread. */
const PAGE_SIZE = 100;
const MAX_PAGES = 3;

interface RawMessage {
  ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
  metadata?: unknown;
}

export interface TurnsRequest {
  channel: string;
  threadTs: string;
  /** The follow-up itself: only what came before it counts. */
  messageTs: string;
  /** The asker: other people's messages in a shared thread are not this conversation's turns. */
  user: string;
}

/**
 * The conversation before a follow-up, read from its thread (conversations.replies, bounded): the
 * asker's questions and the bot's answers, oldest first, each cut to a bounded length.
 * https://docs.slack.dev/reference/methods/conversations.replies
 */
export async function readEarlierTurns(
  client: WebClient,
  identity: BotIdentity,
  request: TurnsRequest,
): Promise<ConversationTurn[]> {
  const found: { ts: number; turn: ConversationTurn }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await client.conversations.replies({
      channel: request.channel,
      ts: request.threadTs,
      // The bot's answers record the passages they cite in their metadata.
      include_all_metadata: true,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of (response.messages ?? []) as RawMessage[]) {
      const turn = turnOf(message, identity, request);
      if (turn) found.push({ ts: Number(message.ts), turn });
    }
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  // Slack lists a thread oldest first; sorted anyway, as the order is what the reading depends on.
  return found
    .sort((a, b) => a.ts - b.ts)
    .slice(-MAX_TURNS)
    .map(({ turn }) => turn);
}

function turnOf(message: RawMessage, identity: BotIdentity, request: TurnsRequest): ConversationTurn | null {
  if (!message.ts || typeof message.text !== 'string' || Number(message.ts) >= Number(request.messageTs))
    return null;
  const fromBot = message.user === identity.botUserId || message.bot_id === identity.botId;
  if (!fromBot && message.user !== request.user) return null;
  const text = cutToLength(
    fromBot ? message.text : questionText(message.text, identity.botUserId),
    INPUT_LIMITS.threadMessage,
  ).text;
  if (!text) return null;
  const sources = fromBot ? citedSourcesOf(message.metadata) : undefined;
  return { from: fromBot ? 'bot' : 'asker', text, ...(sources ? { sources } : {}) };
}
