import type { StoredDocument } from '../index/types.js';

/** What a person adding a document wants to hear back: what it is, and who is quoted in it. */
export interface DocumentSummary {
  id: string;
  title: string;
  url: string | null;
  paragraphs: number;
  /** Quotes with a speaker found (quotes whose speaker is unknown are not counted as someone's). */
  quotes: number;
  /** Who is quoted most, with how many quotes; null when nobody is. */
  topSpeaker: { name: string; quotes: number } | null;
}

export function summarizeDocument(document: StoredDocument): DocumentSummary {
  const counts = new Map<string, number>();
  for (const quote of document.quotes)
    if (quote.speaker) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
  // Ties go to the speaker quoted first, which keeps the answer stable from run to run.
  const top = [...counts].reduce<[string, number] | null>(
    (best, entry) => (!best || entry[1] > best[1] ? entry : best),
    null,
  );
  return {
    id: document.id,
    title: document.meta.title,
    url: document.meta.url,
    paragraphs: document.paragraphCount,
    quotes: [...counts.values()].reduce((sum, count) => sum + count, 0),
    topSpeaker: top ? { name: top[0], quotes: top[1] } : null,
  };
}
