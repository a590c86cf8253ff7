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

  it("credits a reaction list's quotes to the name labelling each bullet", () => {
    const quotes = extract(
      [
        '**What they’re saying:** The Orrin Harbor Board voted 4-1 to close the landing, board chair Ada Voss said.',
        '- **Sen. Pia Lindqvist (D-Minn.)**: “The river deserves better.”',
        '- **Voss**, in a text to the Ledger: “We will keep a skiff on call.”',
        '**Why it matters:** “Closed” means no ferry until 2029.',
      ].join('\n'),
    );
    assert.equal(quoteWith(quotes, 'deserves better').speaker, 'Pia Lindqvist');
    assert.equal(quoteWith(quotes, 'skiff on call').speaker, 'Ada Voss');
    // A section label is the writer's heading, not a speaker.
    assert.equal(quotes.find((q) => q.text === 'Closed')?.speaker ?? null, null);
  });
});
