import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, noQuoteWith, quoteWith } from './helpers.js';

describe('speech that happened, speech that did not', () => {
  it('reports habitual speech ("He always said …") and not counterfactual speech ("would have said")', () => {
    const quotes = extract(
      [
        'Anton Vilensky taught cello in Porto for forty years.',
        'He would have said the piece was too slow. He always said everything was too long.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'everything was too long').speaker, 'Anton Vilensky');
    noQuoteWith(quotes, 'the piece was too slow');
  });

  it('credits "Once I told him, ‘…’" inside a quote to the speaker quoting herself', () => {
    const quotes = extract(
      '"Once I told him, ‘I am trying to play it correctly,’ and he laughed," said Lucia Ferreira.',
    );
    const inner = quoteWith(quotes, 'trying to play it correctly');
    assert.equal(inner.speaker, 'Lucia Ferreira');
    assert.equal(inner.via, null);
  });

  it('credits an inner quote introduced with where the words were written ("I wrote across the top of the page, “…”")', () => {
    const quotes = extract(
      'Lucia Ferreira said: "When I finished the draft I wrote across the top of the page, ‘Do not show anyone.’ My husband found it."',
    );
    const inner = quotes.find((q) => q.text === 'Do not show anyone.');
    assert.ok(inner, 'the inner quote is reported');
    assert.equal(inner.speaker, 'Lucia Ferreira');
  });

  it('credits an inner quote to a speaker described by a relative clause first', () => {
    const quotes = extract(
      [
        'IRENE: I remember the last season. Bud Larkin, who owned it then, came up to the patrol shack and said, "Irene, this hill loses money on purpose." And he laughed.',
        'MAYA: And then?',
      ].join('\n'),
      [{ name: 'Irene Castaño', role: 'ski patroller' }],
    );
    const inner = quotes.find((q) => q.text.startsWith('Irene, this hill'));
    assert.ok(inner, 'the inner quote is reported');
    assert.equal(inner.speaker, 'Bud Larkin');
  });
});
