import type { SearchContext } from './search-context.js';

/** A whole paragraph of a document with where it comes from and the quotes attributed in it. */
export interface Passage {
  doc: string;
  title: string;
  paragraph: number;
  page?: number;
  /** The paragraph verbatim (a long paragraph's parts joined again). */
  text: string;
  url: string | null;
  publisher: string | null;
  date: string | null;
  quotes: { text: string; kind: 'direct' | 'indirect'; speaker: string | null; role: string | null }[];
}

/**
 * The paragraph a citation names (`doc`, `paragraph` as `ask --json` gives them), so a reader or an agent
 * can check a citation against its source. Only attributed quotes are listed: an unattributed one would
 * say nothing about who said it.
 */
export async function passageOf(
  context: SearchContext,
  doc: string,
  paragraph: number,
): Promise<Passage | null> {
  const document = context.documents.get(doc);
  if (!document) return null;
  const chunk = (await context.store.paragraphs([`${doc}#${paragraph}`])).get(`${doc}#${paragraph}`);
  if (!chunk) return null;
  return {
    doc,
    title: document.meta.title,
    paragraph,
    ...(chunk.page ? { page: chunk.page } : {}),
    text: chunk.text,
    url: document.meta.url,
    publisher: document.meta.publisher ?? document.meta.source,
    date: document.meta.date,
    quotes: chunk.quotes
      .filter((quote) => quote.speaker !== null)
      .map((quote) => ({ text: quote.text, kind: quote.kind, speaker: quote.speaker, role: quote.role })),
  };
}
