import { MAX_QUESTION_CHARS } from '../answer/ask.js';

/**
 * How much of one person's input the bot reads (README, "Limits"). Each bound is far above what the
 * input is for and keeps what one message can cost small, whatever its length.
 */
export const INPUT_LIMITS = {
  /** A question: the core's own limit (answer/ask.ts). */
  question: MAX_QUESTION_CHARS,
  /** `/quote` text: a speaker's name or a topic; longer text is no better a query. */
  quoteQuery: 500,
  /** One thread message read for a summary: Slack's own advice for a message's length (chat.postMessage, "Truncating content"). */
  threadMessage: 4000,
} as const;

/** Cuts text to at most `max` characters, at a space when one is near, so no word is cut in two. */
export function cutToLength(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return { text: (space > max * 0.8 ? head.slice(0, space) : head).trimEnd(), cut: true };
}

export function charactersText(count: number): string {
  return `${count.toLocaleString('en')} characters`;
}
