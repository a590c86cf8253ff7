import type { CorpusDocument, Paragraph } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import { splitSentences } from '../text/sentences.js';
import type { Chunk } from './types.js';

/** News paragraphs are short; a longer one is split at sentence ends so each vector stays focused. */
const MAX_CHUNK_CHARS = 1200;

/** One chunk per paragraph (or per sentence-aligned part of a long one), each with its quotes. */
export function chunkDocument(document: CorpusDocument, quotes: Quote[]): Omit<Chunk, 'label'>[] {
  const byParagraph = new Map<number, Quote[]>();
  // A reported question asserts nothing: passages carry the quotes answers and checks read as what
  // someone said, so a question stays out of them (the quote store still lists it as asked).
  for (const quote of quotes.filter((q) => !q.question)) {
    const list = byParagraph.get(quote.paragraph);
    if (list) list.push(quote);
    else byParagraph.set(quote.paragraph, [quote]);
  }
  return document.paragraphs.flatMap((paragraph) => {
    const parts = splitLongParagraph(paragraph);
    const quotesOf = quotesPerPart(parts, byParagraph.get(paragraph.number) ?? []);
    return parts.map((part, index) => ({
      id: parts.length === 1 ? paragraph.id : `${paragraph.id}.${index + 1}`,
      doc: document.id,
      paragraph: paragraph.number,
      ...(paragraph.page ? { page: paragraph.page } : {}),
      text: paragraph.text.slice(part.start - paragraph.start, part.end - paragraph.start),
      start: part.start,
      end: part.end,
      quotes: quotesOf[index] ?? [],
    }));
  });
}

/**
 * The quotes overlapping each part, in one sweep over parts and quotes in order (a part of a long
 * paragraph is compared only with the quotes open at that point, never with all of them: a single
 * 5 MB line has thousands of each). Quotes keep the order they were given in.
 */
function quotesPerPart(parts: { start: number; end: number }[], quotes: Quote[]): Quote[][] {
  if (parts.length === 1) return [quotes];
  const order = quotes
    .map((quote, index) => ({ quote, index }))
    .sort((a, b) => a.quote.start - b.quote.start);
  let next = 0;
  let open: { quote: Quote; index: number }[] = [];
  return parts.map((part) => {
    for (let item = order[next]; item && item.quote.start < part.end; item = order[++next]) open.push(item);
    open = open.filter(({ quote }) => quote.end > part.start);
    return open
      .slice()
      .sort((a, b) => a.index - b.index)
      .map(({ quote }) => quote);
  });
}

function splitLongParagraph(paragraph: Paragraph): { start: number; end: number }[] {
  if (paragraph.text.length <= MAX_CHUNK_CHARS) return [{ start: paragraph.start, end: paragraph.end }];
  const parts: { start: number; end: number }[] = [];
  let partStart = 0;
  for (const sentence of splitSentences(paragraph.text)) {
    if (sentence.end - partStart > MAX_CHUNK_CHARS && sentence.start > partStart) {
      parts.push({ start: partStart, end: sentence.start });
      partStart = sentence.start;
    }
  }
  parts.push({ start: partStart, end: paragraph.text.length });
  return parts.map((part) => ({ start: paragraph.start + part.start, end: paragraph.start + part.end }));
}
