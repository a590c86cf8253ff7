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
    start: 0,
    quotes,
    score: 1,
    coverage: 1,
    conceptCoverage: 1,
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

  it('accepts an ellipsis only between parts of three or more words, in order, on word boundaries', () => {
    const kept = verifySentence('Ortiz said "We did what ... had to do" [1].', context);
    assert.equal(kept.text, 'Ortiz said "We did what ... had to do" [1].');
    assert.equal(
      verifySentence('Ortiz said "We did wha" [1].', context).text,
      null,
      'not a whole word of the passage',
    );
    for (const misquote of ['"We did ... had to do"', '"had to do ... We did what"']) {
      const result = verifySentence(`Ortiz said ${misquote} [1].`, context);
      assert.equal(
        result.text,
        'Ortiz said “We did what we had to do” [1].',
        `${misquote} is replaced by the stored quote`,
      );
      assert.equal(result.removed[0]?.kind, 'quote');
    }
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

  it('drops claims pinned on a speaker who is not quoted saying them', () => {
    for (const claim of [
      'Ana Ortiz said taxes will double next year [1].',
      'Sam Lee said the mayor did what she had to do [2].',
      'Vladimir Putin said the budget is a disaster [2].',
      'According to Sam Lee, the council approved the budget on Tuesday [2].',
    ]) {
      const result = verifySentence(claim, context);
      assert.equal(result.text, null, claim);
      assert.equal(result.removed.at(-1)?.kind, 'attribution', claim);
    }
    assert.notEqual(verifySentence('Sam Lee said the budget is a disaster [2].', context).text, null);
    assert.notEqual(
      verifySentence('According to Ana Ortiz, they did what they had to do [1].', context).text,
      null,
    );
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
