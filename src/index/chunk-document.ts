import type { CorpusDocument, Paragraph } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import { splitSentences } from '../text/sentences.js';
import type { Chunk } from './types.js';

/** News paragraphs are short; a longer one is split at sentence ends so each vector stays focused. */
const MAX_CHUNK_CHARS = 1200;

/** One chunk per paragraph (or per sentence-aligned part of a long one), each with its quotes. */
export function chunkDocument(document: CorpusDocument, quotes: Quote[]): Omit<Chunk, 'label'>[] {
  return document.paragraphs.flatMap((paragraph) => {
    const parts = splitLongParagraph(paragraph);
    return parts.map((part, index) => ({
      id: parts.length === 1 ? paragraph.id : `${paragraph.id}.${index + 1}`,
      doc: document.id,
      paragraph: paragraph.number,
      ...(paragraph.page ? { page: paragraph.page } : {}),
      text: paragraph.text.slice(part.start - paragraph.start, part.end - paragraph.start),
      start: part.start,
      end: part.end,
      quotes: quotes.filter(
        (quote) => quote.paragraph === paragraph.number && quote.start < part.end && quote.end > part.start,
      ),
    }));
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
