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

  it('reads a bare surname shared by relatives as the person introduced first, not the relative named last', () => {
    const quotes = extract(
      [
        'At four in the morning the ovens at Panadería Ortiz are ticking, and Lucía Ortiz is arguing with a sack of rye.',
        'Her son, Mateo Ortiz, is more open to the idea. "I think closed is a dirtier word," he says.',
        'Councilwoman Grace Idowu, who grew up eating Ernesto Ortiz’s pan dulce, says she is drafting a grant. "It buys time," she says.',
        'Ortiz taps the bottom of a loaf, listens, nods. "Ask the landlord," she says.',
      ].join('\n'),
    );
    // "Ortiz" is Lucía Ortiz, not the shop named after the family nor the father named last.
    assert.equal(quoteWith(quotes, 'Ask the landlord').speaker, 'Lucía Ortiz');
    assert.equal(quoteWith(quotes, 'dirtier word').speaker, 'Mateo Ortiz');
  });

  it('skips an age written in words as an appositive, never a role', () => {
    const quote = quoteWith(
      extract('Her son, Mateo Ortiz, twenty-six, says the family has talked about it.'),
      'talked',
    );
    assert.equal(quote.speaker, 'Mateo Ortiz');
    assert.equal(quote.role, null);
  });

  it('credits "He told me, ‘…’" after "My dad …" to the father the text named for the speaker', () => {
    const quotes = extract(
      [
        'Colin Petrakis, 31, and Jerome Whitlock, 29, were charged.',
        'Ellen Castellane, whose father, Vincent Castellane, opened the store in 1972, said the burglary had cost the family $90,000.',
        '"My dad is 81. He came in that morning and sat down on the floor," she said. "He told me, \'Fifty years, and I never once thought about the roof.\'"',
      ].join('\n'),
    );
    const inner = quotes.find((q) => q.text.startsWith('Fifty years'));
    assert.ok(inner, 'the inner quote is reported');
    assert.equal(inner.speaker, 'Vincent Castellane');
    assert.equal(inner.via, 'Ellen Castellane');
    // "opened the store in 1972" is a predicate, not his role.
    assert.equal(inner.role, null);
  });

  it('credits "My father said, ‘…’" at the opening of a quote to the father the text named', () => {
    const quotes = extract(
      [
        'Arturo Bellini learned the trade from his father, Enzo Bellini, who had learned it in Campobasso.',
        '“My father said, ‘The shoe is sacred. Your scraps are not,’” Bellini said.',
      ].join('\n'),
    );
    const inner = quotes.find((q) => q.text.startsWith('The shoe is sacred'));
    assert.equal(inner?.speaker, 'Enzo Bellini');
    assert.equal(inner?.via, 'Arturo Bellini');
  });

  it('gives no inner speaker for "my brother told me" when the text never named the brother', () => {
    const quotes = extract('"My brother told me, \'Sell the farm,\' and I laughed," said Ana Ruiz.');
    assert.equal(
      quotes.some((q) => q.text === 'Sell the farm,'),
      false,
    );
  });

  it('reads "Her verdict: “…”" as her words, "Ortiz" being the woman the story is about, not her shop', () => {
    const quotes = extract(
      [
        'At four in the morning the ovens at Panadería Ortiz are ticking, and Lucía Ortiz is arguing with a sack of rye.',
        'Ruben Castellanos, who owns the hardware store, thinks bakeries close.',
        'Ortiz has heard this before. Her verdict: “Ruben sells hammers. Hammers don’t go stale.”',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'Ruben sells hammers').speaker, 'Lucía Ortiz');
  });
});
