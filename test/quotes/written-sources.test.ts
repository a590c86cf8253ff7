import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, quoteWith } from './helpers.js';

describe('written sources and the organisations behind them', () => {
  it('credits "analysts at X" to the firm, and "the firm" after them to the same firm', () => {
    const quotes = extract(
      [
        'Crestline Commercial Bank said in a statement that it had fixed the issue.',
        '"Payroll is the one product where customers have zero tolerance," wrote analysts at Barrow & Finch in a note to clients.',
        'The firm estimated that Fernlo could lose 5% to 8% of its customers this year.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'zero tolerance').speaker, 'Barrow & Finch');
    assert.equal(quoteWith(quotes, 'lose 5% to 8%').speaker, 'Barrow & Finch');
  });

  it('keeps one analyst, and other groups at a firm, as the unnamed people they are', () => {
    const quotes = extract(
      [
        'An analyst at Barrow & Finch said the merger would fail.',
        'Doctors at Barrow & Finch said the clinic was understaffed.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'merger would fail').speaker, 'an analyst');
    assert.equal(quoteWith(quotes, 'clinic was understaffed').speaker, 'doctors');
  });
});
