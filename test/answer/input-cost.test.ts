import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import { findQuotesFor } from '../../src/answer/find-quotes.js';
import { medianTime } from '../support/median-time.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

const names = (length: number) =>
  'Meyer Nelson Isaacson Reed Shaheen '.repeat(Math.ceil(length / 35)).slice(0, length);

// Scaling, not timing: 8× the input may cost at most ~4× more than linear. Matching a whole long text
// against every speaker with typos forgiven was quadratic (8× the input, ~170× the time).
describe('what one long input can cost', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
    await findQuotesFor(fixture.context, names(100));
  });

  it('grows about linearly with the length of a /quote query and of a question', async () => {
    const quoteShort = await medianTime(() => findQuotesFor(fixture.context, names(250)));
    const quoteLong = await medianTime(() => findQuotesFor(fixture.context, names(2000)));
    assert.ok(
      quoteLong < Math.max(quoteShort, 5) * 32,
      `/quote: ${quoteShort.toFixed(1)} ms → ${quoteLong.toFixed(1)} ms`,
    );
    const askShort = await medianTime(() => ask(fixture.context, { question: names(250), k: 5 }));
    const askLong = await medianTime(() => ask(fixture.context, { question: names(2000), k: 5 }));
    assert.ok(
      askLong < Math.max(askShort, 5) * 32,
      `ask: ${askShort.toFixed(1)} ms → ${askLong.toFixed(1)} ms`,
    );
  });
});
