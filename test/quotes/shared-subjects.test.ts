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

  it('ends a clause where "and she warned that …" opens the next act, and reads time adjuncts and passives', () => {
    const quotes = extract(
      [
        'Janet Pirozzi estimated that members would lose $4 million, and she warned that some buyers would not come back.',
        'The Department of Environmental Quality on Wednesday extended the advisory, saying repeat tests had again found E. coli.',
        'It was later confirmed by the Tri-River Bridge Authority that the walkway would reopen Wednesday.',
        'The plan was announced by the mayor on Friday.',
        'Beatrice Aebischer said about 140 communities lay in zones that geologists classify as high-risk.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'lose $4 million').text, 'members would lose $4 million');
    assert.equal(quoteWith(quotes, 'buyers would not').speaker, 'Janet Pirozzi');
    assert.equal(quoteWith(quotes, 'E. coli').speaker, 'Department of Environmental Quality');
    assert.equal(quoteWith(quotes, 'walkway would reopen').speaker, 'Tri-River Bridge Authority');
    noQuoteWith(quotes, 'on Friday');
    // "said about 140 … that …": the clause opens at the number, not at the relative "that".
    assert.equal(
      quoteWith(quotes, '140 communities').text,
      'about 140 communities lay in zones that geologists classify as high-risk',
    );
  });
});

describe('descriptions before names and quoted tails', () => {
  it('reads "Dutch stroke Femke de Ruiter said" and a quoted tail after a mid-sentence attribution', () => {
    const quotes = extract(
      [
        'Dutch stroke Femke de Ruiter said her crew had "nothing left" in the final 300 meters.',
        'Judge Harriet Lindgren dissented. Those differences, she warned, “will swallow the common questions.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'nothing left').speaker, 'Femke de Ruiter');
    assert.equal(quoteWith(quotes, 'nothing left').role, 'Dutch stroke');
    assert.equal(quoteWith(quotes, 'swallow the common').speaker, 'Harriet Lindgren');
  });
});
