import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Passage } from '../../src/answer/types.js';
import { splitAnswerSentences, verifySentence } from '../../src/answer/verify-answer.js';
import { buildSpeakerDirectory } from '../../src/quotes/speaker-directory.js';
import type { Quote } from '../../src/quotes/types.js';
import { Wordnet } from '../../src/text/wordnet.js';

function quote(text: string, speaker: string, role: string | null, kind: Quote['kind'] = 'direct'): Quote {
  return {
    text,
    kind,
    speaker,
    role,
    members: [],
    via: null,
    cue: 'said',
    confidence: 0.9,
    paragraph: 1,
    start: 0,
    end: text.length,
  };
}

function passage(text: string, quotes: Quote[]): Passage {
  return {
    chunkId: 'x#1',
    doc: 'x.md',
    title: 'X',
    publisher: null,
    date: null,
    url: null,
    paragraph: 1,
    text,
    quotes,
    score: 1,
    coverage: 1,
  };
}

const ortiz = quote('We did what we had to do,', 'Ana Ortiz', 'mayor');
const lee = quote('The budget is a disaster', 'Sam Lee', 'council member');
const passages = [
  passage(
    '"We did what we had to do," said Mayor Ana Ortiz after the council approved the budget on Tuesday.',
    [ortiz],
  ),
  passage('Council member Sam Lee called it "a disaster" and said: "The budget is a disaster".', [lee]),
];
const context = { passages, speakers: buildSpeakerDirectory([ortiz, lee]), wordnet: new Wordnet() };

describe('verifySentence', () => {
  it('keeps a cited sentence whose quote is verbatim, allowing quote-mark and space differences', () => {
    const result = verifySentence(
      'Mayor Ana Ortiz said “We did  what we had to do” after the vote [1].',
      context,
    );
    assert.equal(result.removed.length, 0);
    assert.equal(result.text, 'Mayor Ana Ortiz said “We did  what we had to do” after the vote [1].');
    assert.deepEqual(result.cited, [1]);
    assert.equal(result.quotes[0]?.quote.speaker, 'Ana Ortiz');
  });

  it('drops a sentence with no citation, and citation numbers that were never given', () => {
    assert.equal(verifySentence('The council approved the budget.', context).text, null);
    const result = verifySentence('The council approved the budget on Tuesday [1][3].', context);
    assert.equal(result.text, 'The council approved the budget on Tuesday [1].');
    assert.deepEqual(
      result.removed.map((removal) => removal.text),
      ['[3]'],
    );
  });

  it('replaces a near quote by the stored verbatim quote, and drops an invented one', () => {
    const near = verifySentence('Ortiz said "We did what we needed to do" [1].', context);
    assert.equal(near.text, 'Ortiz said “We did what we had to do” [1].');
    assert.equal(near.removed[0]?.kind, 'quote');
    const invented = verifySentence('Ortiz said "taxes will fall next year" [1].', context);
    assert.equal(invented.text, null);
  });

  it('accepts an ellipsis only when every part is in the passage, in order', () => {
    assert.notEqual(verifySentence('Ortiz said "We did ... had to do" [1].', context).text, null);
    const reordered = verifySentence('Ortiz said "had to do ... We did" [1].', context);
    assert.equal(
      reordered.text,
      'Ortiz said “We did what we had to do” [1].',
      'replaced by the quote as stored',
    );
    assert.equal(reordered.removed[0]?.kind, 'quote');
  });

  it('corrects a quote credited to the wrong speaker', () => {
    const result = verifySentence('Ana Ortiz said "The budget is a disaster" [2].', context);
    assert.equal(result.text, 'Sam Lee, a council member, said: “The budget is a disaster” [2]');
    assert.equal(result.removed[0]?.kind, 'attribution');
  });

  it('drops a claim that a person said something the cited passage does not attribute to them', () => {
    const result = verifySentence('Sam Lee said the council approved the budget on Tuesday [1].', context);
    assert.equal(result.text, null);
    assert.match(result.removed.at(-1)?.reason ?? '', /attribute nothing to Sam Lee/);
  });

  it('drops sentences the cited passage does not support, links it does not contain, and orders to the reader', () => {
    assert.equal(verifySentence('The governor vetoed the highway plan in March [1].', context).text, null);
    assert.equal(verifySentence('Read more at https://example.org/budget [1].', context).text, null);
    assert.equal(verifySentence('Contact the council about the budget [1].', context).text, null);
  });
});

describe('splitAnswerSentences', () => {
  it('keeps citations with their sentence and does not split at abbreviations or inside links', () => {
    assert.deepEqual(
      splitAnswerSentences(
        'Sen. Reed spoke in Washington, D.C. on Friday. [1] See https://x.org/a.b [2].\n- A bullet [1].',
      ),
      ['Sen. Reed spoke in Washington, D.C. on Friday [1].', 'See https://x.org/a.b [2].', 'A bullet [1].'],
    );
  });
});
