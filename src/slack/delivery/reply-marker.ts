import type { WebClient } from '@slack/web-api';
import type { CitedSource } from '../../answer/follow-up-question.js';

/** The metadata event type on every reply the outbox posts. */
const EVENT_TYPE = 'whosaid_reply';
/** The metadata event type on a streamed answer, which does not go through the outbox. */
const ANSWER_EVENT_TYPE = 'whosaid_answer';
/** A safety stop for a thread's pagination (Slack recommends pages of at most 200 messages). */
const MAX_PAGES = 25;

/**
 * The metadata that marks part `part` of delivery `delivery`: Slack keeps it with the message and
 * returns it from conversations.replies with include_all_metadata, which is how a post whose outcome
 * was unknown (a timeout, a 5xx) is found instead of being sent twice.
 * https://docs.slack.dev/messaging/message-metadata
 */
export function replyMarker(delivery: string, part: number, sources?: readonly CitedSource[]) {
  return {
    event_type: EVENT_TYPE,
    event_payload: {
      delivery,
      part,
      ...(sources ? { sources: sources.map((source) => ({ ...source })) } : {}),
    },
  };
}

/** The metadata of a streamed answer (not an outbox delivery): only the passages it cites. */
export function answerMarker(sources: readonly CitedSource[]) {
  return {
    event_type: ANSWER_EVENT_TYPE,
    event_payload: { sources: sources.map((source) => ({ ...source })) },
  };
}

/**
 * The passages an answer message cites, from its metadata (either kind above); undefined for any other
 * message, or a later part of a long answer. Read back from Slack, so every entry is checked.
 */
export function citedSourcesOf(metadata: unknown): CitedSource[] | undefined {
  const { event_type: type, event_payload: payload } = (metadata ?? {}) as {
    event_type?: unknown;
    event_payload?: { sources?: unknown };
  };
  if ((type !== EVENT_TYPE && type !== ANSWER_EVENT_TYPE) || !Array.isArray(payload?.sources))
    return undefined;
  return payload.sources.flatMap((entry: unknown) => {
    const { doc, paragraph } = (entry ?? {}) as { doc?: unknown; paragraph?: unknown };
    return typeof doc === 'string' && Number.isInteger(paragraph)
      ? [{ doc, paragraph: paragraph as number }]
      : [];
  });
}

interface MarkedMessage {
  metadata?: { event_type?: string; event_payload?: { delivery?: unknown; part?: unknown } };
}

/** Whether the thread already holds part `part` of delivery `delivery`. Failures are thrown. */
export async function alreadyPosted(
  client: WebClient,
  where: { channel: string; threadTs: string },
  delivery: string,
  part: number,
): Promise<boolean> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await client.conversations.replies({
      channel: where.channel,
      ts: where.threadTs,
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = ((response.messages ?? []) as MarkedMessage[]).some(
      ({ metadata }) =>
        metadata?.event_type === EVENT_TYPE &&
        metadata.event_payload?.delivery === delivery &&
        metadata.event_payload?.part === part,
    );
    if (found) return true;
    cursor = response.response_metadata?.next_cursor || undefined;
    if (!cursor) return false;
  }
  return false;
}
