import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extract, quoteWith } from './helpers.js';

describe('pull quotes and blockquotes credited on the line after them', () => {
  it('credits a quote paragraph, or a blockquote without marks, to the name on the dash line after it', () => {
    const quotes = extract(
      [
        'For twenty years, Marta Quill has run the ferry landing at Orrin Point. The Orrin Harbor Board will close it in May.',
        '“The river does not care about budgets.”',
        '— Marta Quill, landing keeper',
        '> We will keep a skiff on call for every emergency.',
        '— Orrin Harbor Board, in a letter to residents',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'does not care about budgets').speaker, 'Marta Quill');
    const block = quoteWith(quotes, 'skiff on call');
    assert.equal(block.speaker, 'Orrin Harbor Board');
    assert.equal(block.text, 'We will keep a skiff on call for every emergency.');
    // The credit line is typography: it holds no quote of its own.
    assert.equal(quotes.filter((q) => q.text.includes('landing keeper')).length, 0);
  });

  it('credits nothing when the paragraph has prose of its own, or the dash opens dialogue', () => {
    const quotes = extract(
      [
        'Marta Quill has run the landing since 2004.',
        'She laughed at the idea. “The river does not care,” she said, and went back inside.',
        '— Marta Quill, landing keeper',
        '“Nobody asked us.”',
        '— Nobody called us, said a neighbour.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'does not care').cue, 'said');
    assert.equal(quotes.find((q) => q.text.includes('Nobody asked us'))?.cue === 'credit line', false);
  });

  it('credits a letter in blockquotes to the writer its closing names, by initial and surname', () => {
    const quotes = extract(
      [
        'The oldest letter in the folder came from a ferryman’s daughter, Ruth Calder, in 1961.',
        '> Dear Sirs, the landing has flooded twice this month and nobody has come to look at it.',
        '> Yours sincerely, Miss R. Calder',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'flooded twice').speaker, 'Ruth Calder');
    assert.equal(quotes.filter((q) => q.text.includes('Yours sincerely')).length, 0);
  });
});
