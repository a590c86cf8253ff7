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
export const EXPRESSIONS: Record<ExpectedKind, RegExp> = {
  count: QUANTITY,
  amount: AMOUNT,
  duration: DURATION,
  time: TIME,
};
