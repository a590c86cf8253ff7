import { withoutMention } from './question-text.js';

/**
 * Links in Slack message text arrive as `<https://…>` or `<https://…|label>`
 * (https://docs.slack.dev/messaging/formatting-message-text#linking-urls); only http(s) ones count.
 */
const SLACK_LINK = /<(https?:\/\/[^>|\s]+)(?:\|[^>]*)?>/i;

export function firstLink(text: string | undefined): string | null {
  const url = SLACK_LINK.exec(text ?? '')?.[1];
  // Slack escapes & < > inside the URL as entities; the server wants the URL as written.
  return url ? url.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : null;
}

/**
 * "@whosaid add <link>": the link to add, or null when the mention is something else (a question
 * that merely contains the word "add" does not start with it followed by a link).
 */
function addRequestLink(text: string | undefined, botUserId: string): string | null {
  const withoutBot = withoutMention(text, botUserId);
  const match = /^(?:please\s+)?add\s+(<[^>]+>)/i.exec(withoutBot);
  return match ? firstLink(match[1]) : null;
}

/**
 * "@whosaid follow <feed link>" (or "subscribe to <link>"): the feed to follow, or null when the
 * mention is something else.
 */
function followRequestLink(text: string | undefined, botUserId: string): string | null {
  const withoutBot = withoutMention(text, botUserId);
  const match = /^(?:please\s+)?(?:follow|subscribe\s+to)\s+(?:the\s+)?(?:feed\s+)?(<[^>]+>)/i.exec(
    withoutBot,
  );
  return match ? firstLink(match[1]) : null;
}

/** "add <link>" or "follow <feed link>": what to do with which link, or null for anything else. */
export function linkRequest(
  text: string | undefined,
  botUserId: string,
): { url: string; kind: 'add' | 'follow' } | null {
  const added = addRequestLink(text, botUserId);
  if (added) return { url: added, kind: 'add' };
  const followed = followRequestLink(text, botUserId);
  return followed ? { url: followed, kind: 'follow' } : null;
}
