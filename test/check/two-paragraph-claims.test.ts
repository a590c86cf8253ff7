import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GoldQuote, twoParagraphQuotes } from '../../scripts/lib/check-variants.js';

const quote = (paragraph: number, text: string): GoldQuote => ({
  paragraph,
  kind: 'direct',
  speaker: 'Ana Ruiz',
  text,
});

describe('two-paragraph claims of the check evaluation', () => {
  it('joins a quote left open at the end of a paragraph with the one opening the next', () => {
    const paragraphs = [
      '“We will rebuild the pier before the summer season and we will not wait for the state,',
      '“because the town cannot afford another lost year,” Ruiz said.',
    ];
    const pairs = twoParagraphQuotes(
      [
        quote(1, 'We will rebuild the pier before the summer season and we will not wait for the state,'),
        quote(2, 'because the town cannot afford another lost year,'),
      ],
      paragraphs,
    );
    assert.equal(pairs.length, 1);
    assert.match(pairs[0]?.claim ?? '', /state because the town/);
  });

  it('does not join two quotes with narration between: those are words from two places', () => {
    const paragraphs = [
      'The pier, Ruiz said, was “not going to survive another winter storm.” She said repairs would start soon.',
      '“We will rebuild it before the summer season,” Ruiz said.',
    ];
    const pairs = twoParagraphQuotes(
      [
        quote(1, 'not going to survive another winter storm.'),
        quote(2, 'We will rebuild it before the summer season,'),
      ],
      paragraphs,
    );
    assert.deepEqual(pairs, []);
  });
});
