import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { provenanceLine } from '../../src/quotes/provenance-line.js';
import type { DocumentInfo, Quote } from '../../src/quotes/types.js';
import { runWhosaid } from '../support/run-cli.js';
import { extract, quoteWith } from './helpers.js';

const extractFrom = (text: string, document: DocumentInfo = {}): Quote[] => extract(text, [], document);

const WIRE = { publisher: 'Daily Ledger', date: '2025-03-14' };

describe('provenance of a quote', () => {
  it('names who it was said to, resolving "the paper" to the outlet named before', () => {
    const quotes = extractFrom(
      'Ana Ruiz, the mayor, spoke about the budget in a 2021 Harbor Times interview. "We cut what we could," she told the paper.',
      WIRE,
    );
    const quote = quoteWith(quotes, 'We cut');
    assert.equal(quote.speaker, 'Ana Ruiz');
    assert.equal(quote.saidTo, 'The Harbor Times');
    assert.deepEqual(quote.when, { text: '2021', source: 'text' });
    assert.equal(quote.relayedBy, 'Daily Ledger', 'the Ledger relays words said to the Times');
  });

  it('keeps the document as the addressee when the speaker told this outlet', () => {
    const quotes = extractFrom(
      'Omar Haddad, a city engineer, told the Daily Ledger that the bridge was safe.',
      WIRE,
    );
    const quote = quoteWith(quotes, 'bridge was safe');
    assert.equal(quote.saidTo, 'Daily Ledger');
    assert.equal(quote.relayedBy, null);
    assert.deepEqual(quote.when, { text: '2025-03-14', source: 'document' });
  });

  it('reads the date from the attribution, never from the quoted words', () => {
    const quotes = extractFrom(
      '"The line will open in 2030," Lena Park said Tuesday.\n"We start digging on Oct. 3, 2027," Park said.',
      WIRE,
    );
    assert.deepEqual(quoteWith(quotes, 'open in 2030').when, { text: 'Tuesday', source: 'text' });
    assert.deepEqual(quoteWith(quotes, 'start digging').when, { text: '2025-03-14', source: 'document' });
  });

  it('says who relayed words another outlet reported', () => {
    const quotes = extractFrom(
      'Tom Reyes acknowledged that the audit was "a formality," the Tribune reported.',
      WIRE,
    );
    const quote = quoteWith(quotes, 'a formality');
    assert.equal(quote.speaker, 'Tom Reyes');
    assert.equal(quote.relayedBy, 'The Tribune');
  });

  it('labels unnamed sources and never gives them the name of someone with that role', () => {
    const quotes = extractFrom(
      [
        'Maria Lopez, a senior official at the ministry, opened the talks on Monday.',
        '"We will review the rules," a senior official said.',
        'People familiar with the matter said the talks had stalled over pricing.',
        'According to a person familiar with the plans, the merger will be announced next week.',
        '"Nobody is voting on pricing," one council aide said.',
      ].join('\n'),
    );
    // "one council aide" is as unnamed as "a council aide".
    const aide = quoteWith(quotes, 'Nobody is voting');
    assert.equal(aide.speaker, 'a council aide');
    assert.equal(aide.unnamed, true);
    const official = quoteWith(quotes, 'review the rules');
    assert.equal(official.speaker, 'a senior official');
    assert.equal(official.unnamed, true);
    const people = quoteWith(quotes, 'stalled over pricing');
    assert.equal(people.speaker, 'people familiar with the matter');
    assert.equal(people.unnamed, true);
    assert.equal(quoteWith(quotes, 'merger will be announced').unnamed, true);
    assert.ok(quotes.every((q) => q.speaker !== 'Maria Lopez'));
  });

  it('keeps "a senior official at the commission" an unnamed person, not the commission', () => {
    const quotes = extractFrom(
      [
        'The Surface Freight Commission approved the merger on Tuesday.',
        'A senior official at the commission said the vote had been 3-2.',
      ].join('\n'),
    );
    const official = quoteWith(quotes, 'vote had been');
    assert.equal(official.speaker, 'a senior official at the commission');
    assert.equal(official.unnamed, true);
  });

  it('renders one short line', () => {
    assert.equal(
      provenanceLine({
        saidTo: 'The New York Times',
        when: { text: '2023', source: 'text' },
        relayedBy: 'Axios',
        unnamed: false,
      }),
      'said to The New York Times · 2023 · relayed by Axios',
    );
    assert.equal(provenanceLine({ when: { text: '2024-10-27', source: 'document' } }), '');
  });

  it('on the bundled corpus: Isaacson said it to The New York Times in 2023, relayed by Axios', async () => {
    const run = await runWhosaid(['extract', 'corpus/axios-musk-putin-spacex.md', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const isaacson = JSON.parse(run.stdout).filter(
      (q: { speaker: string }) => q.speaker === 'Walter Isaacson',
    );
    assert.ok(isaacson.length >= 1);
    for (const quote of isaacson) {
      assert.equal(quote.said_to, 'The New York Times');
      assert.deepEqual(quote.when, { text: '2023', source: 'text' });
      assert.equal(quote.relayed_by, 'Axios');
      assert.equal(quote.unnamed, false);
    }
    const plain = await runWhosaid(['extract', 'corpus/axios-musk-putin-spacex.md']);
    assert.match(plain.stdout, /Walter Isaacson.*said to The New York Times · 2023 · relayed by Axios/);
  });
});
