import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, quoteWith } from './helpers.js';

describe('relatives the text names in apposition', () => {
  const couple = [
    'The board’s treasurer, Alan Mbeki, said the district could not keep paying for the building.',
    'His wife, Grace Mbeki, who was elected two years after him, voted against it. She said the district had never studied sharing it.',
    'The board president, Victor Lindahl, said he had gone into the meeting undecided.',
    'Her husband said a delay would push the decision past the deadline.',
    'Her husband, asked about the split, laughed. "She’s usually right," he said.',
  ].join('\n');

  it('gives the relative the gender of the kin noun, so "She said" finds her', () => {
    assert.equal(quoteWith(extract(couple), 'never studied sharing').speaker, 'Grace Mbeki');
  });

  it('reads "her husband" through the relation stated the other way ("his wife, Grace")', () => {
    const quotes = extract(couple);
    assert.equal(quoteWith(quotes, 'push the decision').speaker, 'Alan Mbeki');
    // The relative as the sentence's subject is who "he" means, not the last man who spoke.
    assert.equal(quoteWith(quotes, 'usually right').speaker, 'Alan Mbeki');
  });

  it('credits a relative the text never named to no one', () => {
    const quotes = extract(
      ['Grace Mbeki voted against the plan.', 'Her brother said the vote was rushed.'].join('\n'),
    );
    assert.equal(quotes.find((q) => q.text.includes('vote was rushed'))?.speaker ?? null, null);
  });
});
