import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { chunkDocument } from '../../src/index/chunk-document.js';
import type { Quote } from '../../src/quotes/types.js';

const STORY = [
  '"We will finish the bridge by June," said Mayor Ana Ortiz.',
  'The council voted on Tuesday, and the finance office said it would review the costs.',
  '“Nobody asked us,” the union said, adding that a strike was possible.',
].join(' ');

/** One paragraph of `length` characters, the story repeated with no line break. */
function oneLineDocument(length: number): CorpusDocument {
  const text = `${STORY} `.repeat(Math.ceil(length / (STORY.length + 1))).slice(0, length);
  return {
    id: 'corpus/one-line.txt',
    path: '/corpus/one-line.txt',
    meta: { title: 'One line' } as CorpusDocument['meta'],
    paragraphs: [{ id: 'corpus/one-line.txt#1', number: 1, text, start: 0, end: text.length }],
    contentHash: '',
  };
}

/**
 * Every quotation of the line as a quote, found by its marks (the extraction itself is measured in
 * test/quotes/long-input.test.ts; here only chunking counts).
 */
function quotesOf(document: CorpusDocument): Quote[] {
  const text = document.paragraphs[0]?.text ?? '';
  const quotes: Quote[] = [];
  for (const match of text.matchAll(/"[^"]*"|“[^”]*”/g)) {
    const start = match.index ?? 0;
    quotes.push({ paragraph: 1, start, end: start + match[0].length, text: match[0] } as Quote);
  }
  return quotes;
}

/** CPU time of one chunking, in ms (steadier than wall time on a shared machine). */
function chunkCpuMs(document: CorpusDocument, quotes: Quote[]): number {
  const started = process.cpuUsage();
  chunkDocument(document, quotes);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * The ratio of the least CPU times of the two inputs over several runs, measured alternately: other
 * processes can only add to a run's time, and alternating keeps a burst of load from landing on one
 * input's runs only.
 */
function cpuRatio(small: [CorpusDocument, Quote[]], large: [CorpusDocument, Quote[]], runs = 9): number {
  let smallest = Number.POSITIVE_INFINITY;
  let largest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    smallest = Math.min(smallest, chunkCpuMs(...small));
    largest = Math.min(largest, chunkCpuMs(...large));
  }
  return largest / Math.max(1, smallest);
}

describe('a single huge line', () => {
  it('is chunked in linear time: each part gets exactly the quotes that overlap it', () => {
    const small = oneLineDocument(200_000);
    const large = oneLineDocument(800_000);
    const smallQuotes = quotesOf(small);
    const largeQuotes = quotesOf(large);
    const chunks = chunkDocument(large, largeQuotes);
    assert.ok(chunks.length > 100, `${chunks.length} chunks`);
    // The same answer as comparing every part with every quote.
    for (const chunk of chunks) {
      const expected = largeQuotes.filter((quote) => quote.start < chunk.end && quote.end > chunk.start);
      assert.deepEqual(chunk.quotes, expected, chunk.id);
    }
    // Comparing every part with every quote made 4× the input cost ~16×; a sweep costs ~4×.
    const ratio = cpuRatio([small, smallQuotes], [large, largeQuotes]);
    assert.ok(ratio < 6, `4× the input took ${ratio.toFixed(1)}× the CPU time`);
  });
});
