import { type QuoteDated, quoteDate } from './quote-dates.js';
import type { Passage } from './types.js';

/**
 * The dates a question or a /quote query asks about ("latest", "since Monday", "last week", "in 2023",
 * "before October"), read against `now` (the caller's clock: core code never reads the time itself)
 * and applied to when each quote was said (the attribution's date, else the document's).
 */
export interface DateRange {
  /** First day included (ISO), or null. */
  since: string | null;
  /** First day no longer included (ISO), or null. */
  before: string | null;
  /** Newest first. */
  latest: boolean;
  /** How the words were read, for a note: `"since Monday" (from 2026-11-30)`. */
  reading: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A month's name or its abbreviation, as a regular expression source (match case-insensitively). */
export const MONTH = `(?:${MONTHS.join('|')}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?)`;

/** 0–11 for a month's name or abbreviation ("Sept.", "november"), or -1. */
export function monthIndex(word: string): number {
  const lower = word.toLowerCase();
  return lower.length < 3 ? -1 : MONTHS.findIndex((name) => lower.startsWith(name.slice(0, 3)));
}
/** A stretch of time a phrase names: its first day and the first day after it. */
const PERIOD = `(?:\\d{4}-\\d{2}-\\d{2}|${MONTH}(?:\\s+\\d{4})?|\\d{4}|${WEEKDAYS.join('|')}|today|yesterday|(?:last|this|past)\\s+(?:week|month|year))`;
/** "in 2023 and 2024", "in March or in April": periods a question names together, any of which it means. */
const PERIODS = `${PERIOD}(?:\\s*(?:,|\\band\\b|\\bor\\b|&)\\s*(?:in\\s+)?${PERIOD})*`;
const BOUNDED = new RegExp(`\\b(since|after|before|until|in|during)\\s+(${PERIODS})\\b`, 'gi');
const ONE_PERIOD = new RegExp(`\\b${PERIOD}\\b`, 'gi');
/** "between 2023 and 2024", "from March to June": the stretch from the first period to the end of the second. */
const BETWEEN = new RegExp(
  `\\b(?:between|from)\\s+(${PERIOD})\\s+(?:and|to|until|through)\\s+(${PERIOD})\\b`,
  'gi',
);
const ALONE = /\b(?:(?:last|this|past)\s+(?:week|month|year)|yesterday|today)\b/gi;
/** "Latest", "most recent", "newest": the order asked for, whatever the topic. */
const LATEST = /\b(?:the\s+)?(?:latest|most\s+recent(?:ly)?|newest|recently|lately)\b/gi;

interface Span {
  start: string;
  end: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));

/** The days a period names, or null when it needs a clock and none was given, or names no date. */
function periodOf(text: string, now: Date | null): Span | null {
  const word = text.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(word)) {
    const day = new Date(`${word}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) return null;
    return { start: word, end: iso(utc(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1)) };
  }
  if (/^\d{4}$/.test(word)) return { start: `${word}-01-01`, end: `${Number(word) + 1}-01-01` };
  const month = monthIndex(word);
  const year = /(\d{4})$/.exec(word)?.[1];
  if (month >= 0 && year) return monthSpan(Number(year), month);
  if (!now) return null;
  const today = utc(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const shift = (days: number) => utc(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days);
  // A month without a year is the latest one that has begun: "before October", asked in March, is last year's.
  if (month >= 0) return monthSpan(today.getUTCFullYear() - (month > today.getUTCMonth() ? 1 : 0), month);
  if (word === 'today') return { start: iso(today), end: iso(shift(1)) };
  if (word === 'yesterday') return { start: iso(shift(-1)), end: iso(today) };
  const weekday = WEEKDAYS.indexOf(word);
  if (weekday >= 0) {
    // The latest such day before today (on a Monday, "since Monday" means a week ago).
    const back = (today.getUTCDay() - weekday + 7) % 7 || 7;
    return { start: iso(shift(-back)), end: iso(shift(-back + 1)) };
  }
  const [which, unit] = word.split(' ');
  // Calendar weeks start on Monday (ISO 8601); "past week" is the seven days up to today.
  const monday = shift(-((today.getUTCDay() + 6) % 7));
  const sinceMonday = (weeks: number) =>
    iso(utc(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() + 7 * weeks));
  if (unit === 'week') {
    if (which === 'past') return { start: iso(shift(-7)), end: iso(shift(1)) };
    return which === 'last'
      ? { start: sinceMonday(-1), end: sinceMonday(0) }
      : { start: sinceMonday(0), end: sinceMonday(1) };
  }
  if (unit === 'month') {
    if (which === 'past') return { start: iso(shift(-30)), end: iso(shift(1)) };
    return monthSpan(today.getUTCFullYear(), today.getUTCMonth() - (which === 'last' ? 1 : 0));
  }
  if (unit === 'year') {
    if (which === 'past') return { start: iso(shift(-365)), end: iso(shift(1)) };
    const y = today.getUTCFullYear() - (which === 'last' ? 1 : 0);
    return { start: `${y}-01-01`, end: `${y + 1}-01-01` };
  }
  return null;
}

function monthSpan(year: number, month: number): Span {
  return { start: iso(utc(year, month, 1)), end: iso(utc(year, month + 1, 1)) };
}

/**
 * The dates a text asks about and the text without those words (so "latest" or "last week" is not
 * searched for as a topic). Null dates when it names none, or only relative ones and `now` is null.
 */
export function readQuestionDates(text: string, now: Date | null): { dates: DateRange | null; rest: string } {
  let since: string | null = null;
  let before: string | null = null;
  const readings: string[] = [];
  const narrow = (from: string | null, to: string | null) => {
    if (from && (!since || from > since)) since = from;
    if (to && (!before || to < before)) before = to;
  };
  // Periods asked "in" widen one another ("in 2023 and in 2024" is either year); the bounds of
  // "since", "before" … narrow what they allow.
  let within: Span | null = null;
  const widen = (span: Span) => {
    // ISO dates order as strings: the earliest start and the latest end.
    within = within
      ? {
          start: [span.start, within.start].sort()[0] as string,
          end: [span.end, within.end].sort()[1] as string,
        }
      : span;
  };

  let rest = text.replace(BETWEEN, (whole, first: string, last: string) => {
    if (/^(?:may|march|august)\b/.test(first) || /^(?:may|march|august)\b/.test(last)) return whole;
    const [from, to] = [periodOf(first, now), periodOf(last, now)];
    if (!from || !to) return whole;
    narrow(from.start, to.end);
    readings.push(`“${whole}”`);
    return ' ';
  });
  rest = rest.replace(BOUNDED, (whole, word: string, periods: string) => {
    // "May", "March" and "August" are also English words: lower case, they are the word, not the month.
    if (/^(?:may|march|august)\b/.test(periods)) return whole;
    const spans = [...periods.matchAll(ONE_PERIOD)].map((match) => periodOf(match[0], now));
    const span = spans[0];
    if (!span || spans.some((each) => each === null)) return whole;
    const how = word.toLowerCase();
    if (how === 'since') narrow(span.start, null);
    else if (how === 'after') narrow(span.end, null);
    else if (how === 'before') narrow(null, span.start);
    else if (how === 'until') narrow(null, span.end);
    else for (const each of spans as Span[]) widen(each);
    readings.push(`“${whole}”`);
    return ' ';
  });
  const asked = within as Span | null;
  if (asked) narrow(asked.start, asked.end);
  rest = rest.replace(ALONE, (whole: string) => {
    const span = periodOf(whole, now);
    if (!span) return whole;
    narrow(span.start, span.end);
    readings.push(`“${whole}”`);
    return ' ';
  });
  let latest = false;
  rest = rest.replace(LATEST, (whole: string) => {
    latest = true;
    readings.push(`“${whole.trim()}”`);
    return ' ';
  });
  rest = rest
    .replace(/\s+([?.!,])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (readings.length === 0) return { dates: null, rest: text };
  const bounds = [since ? `from ${since}` : '', before ? `before ${before}` : ''].filter(Boolean).join(', ');
  const reading = `${readings.join(' and ')} read as ${[bounds, latest ? 'newest first' : ''].filter(Boolean).join(', ')}`;
  return { dates: { since, before, latest, reading }, rest };
}

/** Whether a date (ISO; null when unknown) lies in the range: an undated item is in no range. */
function inRange(date: string | null, range: DateRange): boolean {
  if (range.since === null && range.before === null) return true;
  if (!date) return false;
  return (range.since === null || date >= range.since) && (range.before === null || date < range.before);
}

/** Quotes in the range, newest first when the range asks for the latest. */
export function applyDates<T extends QuoteDated>(hits: readonly T[], range: DateRange): T[] {
  const kept = hits.filter((hit) => inRange(quoteDate(hit), range));
  if (!range.latest) return kept;
  return kept
    .map((hit, i) => ({ hit, i, date: quoteDate(hit) ?? '' }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.i - b.i)
    .map((entry) => entry.hit);
}

/**
 * When a passage's words were said: the newest date its quotes give (a 2023 interview quoted in a 2024
 * article is from 2023), else the document's date.
 */
function passageDate(passage: Passage): string | null {
  const dated = passage.quotes
    .map((quote) => quoteDate({ when: quote.when, date: passage.date }))
    .filter((date): date is string => date !== null)
    .sort();
  return dated.at(-1) ?? quoteDate({ when: null, date: passage.date });
}

/**
 * Retrieved passages in the range (or undated), in relevance order. "The latest" puts the newest first only among the
 * passages that cover the question as well as the best one does: a date breaks ties of evidence, it never
 * lifts a passage about something else above one that answers.
 */
export function datedPassages(passages: readonly Passage[], range: DateRange): Passage[] {
  // An undated passage stays: nothing shows it is outside the range, and the documents it comes from
  // (a statement, a letter without a date line) may be the only ones that answer.
  const kept = passages.filter((passage) => {
    const date = passageDate(passage);
    return date === null || inRange(date, range);
  });
  if (!range.latest) return kept;
  const best = Math.max(...kept.map((passage) => passage.coverage));
  const tied = kept.filter((passage) => passage.coverage === best);
  const newest = tied
    .map((passage, i) => ({ passage, i, date: passageDate(passage) ?? '' }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.i - b.i)
    .map((entry) => entry.passage);
  return [...newest, ...kept.filter((passage) => passage.coverage !== best)];
}
