import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

const ORAL_HISTORY = [
  'The historical society recorded these accounts in 2026.',
  '**Doris Kettleman, 86, night operator at the exchange in 1977**',
  'I came on at eleven. The board was already lit up, every line. Walt Pruitt called and said, “Doris, you start telling people to get out.”',
  'I asked him, “On whose authority?”',
  '**Tomasz Wierzbicki, 79, who ran the hardware store**',
  'My neighbour, Hal Birch, was yelling, “It’s at the post office, Tom!”',
  '## Afterword',
  'I thank everyone who shared a memory with us.',
  '**Constance Obi**',
  'Kettleman died in March, weeks after this interview was recorded.',
].join('\n');

describe('passages headed by their speaker (oral histories, published remarks)', () => {
  const quotes = extract(ORAL_HISTORY);

  it('credits each first-person paragraph under a heading to the person it names, whole', () => {
    const first = quoteWith(quotes, 'I came on at eleven');
    assert.equal(first.speaker, 'Doris Kettleman');
    assert.equal(first.kind, 'direct');
    assert.ok(first.text.endsWith('to get out.”'), first.text);
    assert.equal(quoteWith(quotes, 'I asked him').speaker, 'Doris Kettleman');
    assert.equal(quoteWith(quotes, 'My neighbour').speaker, 'Tomasz Wierzbicki');
  });

  it('credits remembered words inside a passage to who said them, passed on by the narrator', () => {
    const inner = quotes.find((q) => q.text === 'Doris, you start telling people to get out.');
    assert.equal(inner?.speaker, 'Walt Pruitt');
    assert.equal(inner?.via, 'Doris Kettleman');
    assert.equal(quotes.find((q) => q.text === 'On whose authority?')?.speaker, 'Doris Kettleman');
    assert.equal(quotes.find((q) => q.text.startsWith('It’s at the post office'))?.speaker, 'Hal Birch');
  });

  it('ends a passage at a heading naming no one, and never takes the writer’s narration for the narrator', () => {
    noQuoteWith(quotes, 'I thank everyone');
    noQuoteWith(quotes, 'Kettleman died in March');
  });
});
