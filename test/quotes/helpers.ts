import assert from 'node:assert/strict';
import type { SpeakerHint } from '../../src/corpus/types.js';
import { extractQuotes } from '../../src/quotes/extract-quotes.js';
import type { DocumentInfo, ParagraphInput, Quote } from '../../src/quotes/types.js';

/** Every non-empty line is a paragraph (as in the bundled news texts); offsets are into `text`. */
function paragraphsOf(text: string): ParagraphInput[] {
  const paragraphs: ParagraphInput[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ number: paragraphs.length + 1, text: line, start: offset });
    offset += line.length + 1;
  }
  return paragraphs;
}

/** The invariant every quote must keep: its text is the verbatim slice of its paragraph at its offsets. */
export function assertVerbatim(quotes: readonly Quote[], paragraphs: readonly ParagraphInput[]): void {
  for (const q of quotes) {
    const paragraph = paragraphs.find((p) => p.number === q.paragraph);
    assert.ok(paragraph, `paragraph ${q.paragraph} exists`);
    assert.equal(paragraph.text.slice(q.start - paragraph.start, q.end - paragraph.start), q.text);
  }
}

/** Extracts from a text block (one paragraph per line) and checks the offsets invariant. */
export function extract(
  text: string,
  speakerHints: SpeakerHint[] = [],
  document: DocumentInfo = {},
): Quote[] {
  const paragraphs = paragraphsOf(text);
  const quotes = extractQuotes({ paragraphs, speakerHints, document });
  assertVerbatim(quotes, paragraphs);
  return quotes;
}

/** The quote whose text contains `fragment`; fails the test when there is none. */
export function quoteWith(quotes: readonly Quote[], fragment: string): Quote {
  const quote = quotes.find((q) => q.text.includes(fragment));
  assert.ok(
    quote,
    `a quote containing ${JSON.stringify(fragment)} in ${JSON.stringify(quotes.map((q) => q.text))}`,
  );
  return quote;
}

export function noQuoteWith(quotes: readonly Quote[], fragment: string): void {
  const quote = quotes.find((q) => q.text.includes(fragment));
  assert.equal(quote, undefined, `no quote containing ${JSON.stringify(fragment)}`);
}
