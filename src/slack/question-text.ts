import { readableSlackText } from './slack-text.js';

/** A message's Slack markup with the mentions of the bot removed (and trimmed). */
export function withoutMention(text: string | undefined, botUserId: string): string {
  return (text ?? '').replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').trim();
}

/** The question in a message: mentions of the bot removed, Slack markup made readable. */
export function questionText(text: string | undefined, botUserId: string): string {
  return readableSlackText(withoutMention(text, botUserId)).replace(/\s+/g, ' ').trim();
}

/** "@whosaid summarize" (or "summarise this thread, please"). */
export function isSummarizeRequest(question: string): boolean {
  return /^(?:please\s+)?summari[sz]e\b/i.test(question);
}

/**
 * Whether a message in an auto-answer channel reads as a question: it ends with "?" or opens like one.
 * Other chatter is left alone even when the documents happen to match it.
 */
export function looksLikeQuestion(text: string): boolean {
  return (
    /\?\s*$/.test(text) ||
    /^(?:who|what|when|where|why|how|which|whom|whose|did|does|do|is|are|was|were|has|have|had|can|could|should|would|will)\b/i.test(
      text,
    )
  );
}

/** A message addressed to someone else (it mentions a person other than the bot). */
export function mentionsSomeoneElse(text: string | undefined, botUserId: string): boolean {
  return [...(text ?? '').matchAll(/<@([UW][A-Z0-9]+)/g)].some((match) => match[1] !== botUserId);
}
