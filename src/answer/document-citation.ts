import type { Chunk, StoredDocument } from '../index/types.js';
import type { Quote } from '../quotes/types.js';
import type { Citation } from './types.js';

/** A citation of one whole paragraph of `document` (with the quote it is cited for, if any). */
export function citationOf(
  n: number,
  document: StoredDocument,
  paragraph: Chunk,
  quote: Quote | null,
): Citation {
  return {
    n,
    doc: document.id,
    title: document.meta.title,
    paragraph: paragraph.paragraph,
    ...(paragraph.page ? { page: paragraph.page } : {}),
    text: paragraph.text,
    speaker: quote?.speaker ?? null,
    quote: quote?.text ?? null,
    kind: quote?.kind ?? null,
    role: quote?.role ?? null,
    url: document.meta.url,
    publisher: document.meta.publisher,
    date: document.meta.date,
  };
}
