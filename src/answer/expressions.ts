import type { ExpectedKind } from './analyze-question.js';

// The expressions English answers "how many", "how much", "how long" and "when" with. Shared by the
// answerability evidence (does a passage hold one?) and the lead line (which one answers?).

/** Numbers other than bare years, and number words. */
const QUANTITY =
  /(?:\$\s?\d|\b\d+(?:[.,]\d+)*\s*(?:%|percent|million|billion|thousand)|\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\b|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|several|few|many|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b)/i;
const TIME =
  /\b(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|since|ago|last\s+(?:week|month|year)|this\s+(?:week|month|year))\b/i;
/**
 * "$3.2 billion", "40%", "billions of dollars", "the majority of": how much is a measure or a share of a
 * whole, not a count.
 */
const AMOUNT =
  /(?:[$€£]\s?\d|\b\d[\d,.]*\s*(?:%|percent|million|billion|trillion|thousand|dollars?|euros?|pounds?)\b|\b(?:hundreds|thousands|millions|billions|trillions)\s+of\b|\b(?:million|billion|trillion)\b|\b(?:the\s+)?(?:majority|minority|bulk|half|most|all|none)\s+of\b)/i;
/** "two years", "a few weeks", "since 2022": how long is a stretch of time. */
const DURATION =
  /(?:\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|few|many)\s+(?:(?:more|full|long)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b|\bsince\s+(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|last)\b|\bfor\s+(?:years|months|weeks|days|decades)\b)/i;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
/**
 * A time limit: "by Oct. 6", "no later than Friday", "within 30 days", "the deadline". A deadline is a
 * time phrase after a preposition of limit (by, until, before, within), never a bare date — a date alone
 * dates an event, and the document's own date is when it was written.
 */
export const DEADLINE = new RegExp(
  String.raw`\b(?:by|until|till|no\s+later\s+than|before|within|due)\s+(?:the\s+(?:end|close|middle)\s+of\s+)?(?:(?:this|next)\s+)?(?:(?:${MONTHS})\.?(?:\s+\d{1,2})?|${WEEKDAYS}|(?:19|20)\d\d|tomorrow|(?:week|month|year)\b|\d{1,3}\s+(?:business\s+)?(?:days|weeks|months))\b|\bdeadlines?\b`,
  'i',
);
/** A day, not only a month or a year: "Sept. 15", "15 September", "Friday", "2023-09-15". */
export const DAY = new RegExp(
  String.raw`\b(?:(?:${MONTHS})\.?\s+\d{1,2}\b|\d{1,2}\s+(?:${MONTHS})\b|(?:${WEEKDAYS})\b|(?:19|20)\d\d-\d\d-\d\d\b)`,
  'i',
);

/** A day, or "today"/"yesterday", which name one in a document dated to the day. */
export const DAY_OR_TODAY = new RegExp(String.raw`${DAY.source}|\b(?:today|yesterday)\b`, 'i');

export const EXPRESSIONS: Record<ExpectedKind, RegExp> = {
  count: QUANTITY,
  amount: AMOUNT,
  duration: DURATION,
  time: TIME,
};
