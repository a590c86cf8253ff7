import type { Quote } from '../quotes/types.js';

/** What dating a quote needs: the attribution's date, and the document's. */
export type QuoteDated = Pick<Quote, 'when'> & { date: string | null };

/**
 * When a quote was said, as an ISO date for filtering and ordering: the date its attribution gives
 * when that is a full date or a year ("in a 2023 interview" → 2023-01-01, the start of what is known),
 * else the document's date. Null when neither is known.
 */
export function quoteDate(hit: QuoteDated): string | null {
  const written = hit.when?.source === 'text' ? hit.when.text : null;
  if (written) {
    if (/^\d{4}$/.test(written)) return `${written}-01-01`;
    const parsed = Date.parse(written.replace(/\./g, ''));
    if (!Number.isNaN(parsed) && /\d{4}/.test(written)) return new Date(parsed).toISOString().slice(0, 10);
  }
  return hit.date && /^\d{4}-\d{2}-\d{2}/.test(hit.date) ? hit.date.slice(0, 10) : null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * `--since`: an ISO date, "today", "yesterday", a weekday (the latest one before today), or "N days
 * ago" / "N weeks ago", read against `now`. Null when the text is none of these.
 */
export function parseSince(text: string, now: Date): string | null {
  const word = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(word) && !Number.isNaN(Date.parse(word))) return word;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const ago = /^(\d{1,4})\s+(day|week)s?\s+ago$/.exec(word);
  let back: number | null = null;
  if (word === 'today') back = 0;
  else if (word === 'yesterday') back = 1;
  else if (WEEKDAYS.includes(word)) back = (day.getUTCDay() - WEEKDAYS.indexOf(word) + 7) % 7 || 7;
  else if (ago) back = Number(ago[1]) * (ago[2] === 'week' ? 7 : 1);
  if (back === null) return null;
  day.setUTCDate(day.getUTCDate() - back);
  return day.toISOString().slice(0, 10);
}

/** Quotes said on or after `since` (undated ones are left out: nothing shows they are recent). */
export function quotesSince<T extends QuoteDated>(hits: readonly T[], since: string): T[] {
  return hits.filter((hit) => (quoteDate(hit) ?? '') >= since);
}

/** Newest first; undated quotes last, in their order. */
export function latestFirst<T extends QuoteDated>(hits: readonly T[]): T[] {
  return hits
    .map((hit, i) => ({ hit, i, date: quoteDate(hit) ?? '' }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.i - b.i)
    .map((entry) => entry.hit);
}
