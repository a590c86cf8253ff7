import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CorpusDocument } from '../../src/corpus/types.js';
import { chunkDocument } from '../../src/index/chunk-document.js';
import { extractQuotes } from '../../src/quotes/extract-quotes.js';

const TEXT =
  'Councilor Tomas Brandt asked whether the city had priced the repairs. Director Lena Okoro replied that a survey had been done in May.';

describe('chunks carry what was said, not what was asked', () => {
  it('leaves a reported question out of the passage quotes answers and checks read as claims', () => {
    const document: CorpusDocument = {
      id: 'corpus/council.md',
      path: '/corpus/council.md',
      meta: { title: 'Council' } as CorpusDocument['meta'],
      paragraphs: [{ id: 'corpus/council.md#1', number: 1, text: TEXT, start: 0, end: TEXT.length }],
      contentHash: '',
    };
    const quotes = extractQuotes({ paragraphs: document.paragraphs });
    assert.ok(quotes.some((q) => q.question === true && q.speaker === 'Tomas Brandt'));
    const [chunk] = chunkDocument(document, quotes);
    assert.deepEqual(
      chunk?.quotes.map((q) => q.speaker),
      ['Lena Okoro'],
    );
  });
});
