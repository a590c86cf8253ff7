const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FORMAT = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

const MONTH_YEAR = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** The month or year a date falls in ("October 2024", "2024"), or the one before it. */
function periodOf(date: Date, previous: boolean, year: boolean): string {
  if (year) return String(date.getUTCFullYear() - (previous ? 1 : 0));
  const month = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - (previous ? 1 : 0), 1));
  return MONTH_YEAR.format(month);
}

/**
 * A relative time ("today", "on Friday", "yesterday", "earlier this month", "last year") read against the document's own date, the way a
 * reader of that day would: "today" is the date itself, a weekday the latest such day on or before it,
 * "this month" or "last year" the period the date falls in or the one before.
 * Returns the reading with how it was made, or null when the phrase is not relative or the date unknown.
 */
export function resolveRelativeDate(phrase: string, documentDate: string | null): string | null {
  if (!documentDate || !/^\d{4}-\d{2}-\d{2}/.test(documentDate)) return null;
  const date = new Date(`${documentDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  const word = phrase
    .toLowerCase()
    .replace(/^on\s+/, '')
    .trim();
  const period = /^(?:(?:earlier|later)\s+)?(this|last)\s+(month|year)$/.exec(word);
  if (period)
    return `${periodOf(date, period[1] === 'last', period[2] === 'year')} (read against the document's date, ${documentDate.slice(0, 10)})`;
  const shifted = new Date(date);
  if (word === 'today') {
    // the document's date itself
  } else if (word === 'yesterday') shifted.setUTCDate(date.getUTCDate() - 1);
  else if (WEEKDAYS.includes(word)) {
    const back = (date.getUTCDay() - WEEKDAYS.indexOf(word) + 7) % 7;
    shifted.setUTCDate(date.getUTCDate() - back);
  } else return null;
  return `${FORMAT.format(shifted)} (read against the document's date, ${documentDate.slice(0, 10)})`;
}

/** A document's date as a reader says it: "Friday, September 15, 2023"; null unless a full date. */
export function spokenDate(documentDate: string | null): string | null {
  if (!documentDate || !/^\d{4}-\d{2}-\d{2}/.test(documentDate)) return null;
  const date = new Date(`${documentDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : FORMAT.format(date);
}

/** "2023-09" → "September 2023"; null for a full date (resolved elsewhere) or none. */
export function partialDate(date: string | null): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(date ?? '');
  if (!match) return null;
  const month = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(month);
}
