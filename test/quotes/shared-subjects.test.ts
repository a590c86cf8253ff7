import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('reported clauses whose verb shares the subject of the sentence', () => {
  it('credits "X <verb>ed … and said …" and "noted that …, and argued that …" to X, as two clauses', () => {
    const quotes = extract(
      [
        'Rosalind Achebe, the union’s negotiator, accused the operators of bad faith and said they had never meant to protect a job.',
        'State Rep. Gloria Benavides noted that the legislature had approved $40 million last spring, and argued that the authority should have applied for it.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'never meant to protect').speaker, 'Rosalind Achebe');
    const noted = quoteWith(quotes, 'approved $40 million');
    assert.equal(noted.text, 'the legislature had approved $40 million last spring');
    assert.equal(quoteWith(quotes, 'should have applied').speaker, 'Gloria Benavides');
  });

  it('credits ", saying that …" and ", ruling that …" to the subject of the verb before them', () => {
    const quotes = extract(
      [
        'Mayor Leon Tarrant criticized the timeline, saying that the authority had known about corrosion since 2022.',
        'Judge Warren Pell dismissed the suit last year, ruling that the tenants had to sue one by one.',
        // The participle follows an object clause with its own comma: whose words they are is unclear.
        'The report, which Tarrant ordered, came out Friday, saying that repairs were late.',
        'The party won, ruling party officials said.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'known about corrosion').speaker, 'Leon Tarrant');
    assert.equal(quoteWith(quotes, 'sue one by one').speaker, 'Warren Pell');
    noQuoteWith(quotes, 'repairs were late');
  });
});
