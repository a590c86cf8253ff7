// The labelled quotes for the bundled corpus. The Axios gold is exhaustive: every gold quote must be
// found with the right speaker and nothing else may be reported. The related-documents gold lists only
// some quotes: those must be found, and nothing reported may lack a speaker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { OVERLAP_THRESHOLD, quoteOverlap } from '../../scripts/lib/quote-overlap.js';
import { loadDocument } from '../../src/corpus/load-document.js';
import { extractQuotes } from '../../src/quotes/extract-quotes.js';
import type { Quote } from '../../src/quotes/types.js';
import { assertVerbatim } from './helpers.js';

interface GoldQuote {
  doc?: string;
  paragraph?: number;
  kind: 'direct' | 'indirect';
  speaker: string | string[];
  text: string;
  via?: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

function readGold(name: string): { doc?: string; quotes: GoldQuote[] } {
  return JSON.parse(readFileSync(`${root}test/fixtures/${name}`, 'utf8'));
}

async function extractFile(doc: string): Promise<Quote[]> {
  const document = await loadDocument(`${root}${doc}`);
  const quotes = extractQuotes({ paragraphs: document.paragraphs, speakerHints: document.meta.speakers });
  assertVerbatim(quotes, document.paragraphs);
  return quotes;
}

function findGold(quotes: readonly Quote[], gold: GoldQuote): Quote {
  const best = quotes
    .filter((q) => q.kind === gold.kind)
    .map((q) => ({ q, overlap: quoteOverlap(q.text, gold.text) }))
    .sort((a, b) => b.overlap - a.overlap)[0];
  assert.ok(
    best && best.overlap >= OVERLAP_THRESHOLD,
    `found ${gold.kind} quote ${JSON.stringify(gold.text)}`,
  );
  return best.q;
}

function assertSpeaker(quote: Quote, gold: GoldQuote): void {
  const names = Array.isArray(gold.speaker) ? gold.speaker : [gold.speaker];
  const reported = [quote.speaker, ...quote.members];
  assert.ok(
    reported.some((name) => name !== null && names.includes(name)),
    `speaker of ${JSON.stringify(gold.text)}: got ${quote.speaker}, want ${names.join(' | ')}`,
  );
}

describe('gold quotes for the bundled corpus', () => {
  it('finds every Axios gold quote with its speaker and reports nothing else', async () => {
    const gold = readGold('axios-musk-putin-spacex.quotes.json');
    const quotes = await extractFile(gold.doc ?? '');
    for (const g of gold.quotes) {
      const quote = findGold(quotes, g);
      assertSpeaker(quote, g);
      if (g.paragraph !== undefined) assert.equal(quote.paragraph, g.paragraph, JSON.stringify(g.text));
      if (g.via) assert.equal(quote.via, g.via);
    }
    for (const quote of quotes) {
      const matched = gold.quotes.some(
        (g) => g.kind === quote.kind && quoteOverlap(quote.text, g.text) >= OVERLAP_THRESHOLD,
      );
      assert.ok(matched, `spurious ${quote.kind} quote ${JSON.stringify(quote.text)}`);
    }
  });

  it('finds the labelled quotes of the related documents and reports nothing without a speaker', async () => {
    const gold = readGold('related-documents.quotes.json');
    for (const doc of new Set(gold.quotes.map((g) => g.doc ?? ''))) {
      const quotes = await extractFile(doc);
      for (const g of gold.quotes.filter((q) => q.doc === doc)) assertSpeaker(findGold(quotes, g), g);
      for (const quote of quotes) assert.ok(quote.speaker, `a speaker for ${JSON.stringify(quote.text)}`);
    }
  });
});
