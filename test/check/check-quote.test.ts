import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { answerToJson } from '../../src/answer/answer-json.js';
import { ask } from '../../src/answer/ask.js';
import { checkQuote } from '../../src/check/check-quote.js';
import { findClaim } from '../../src/check/find-claim.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

const MEYER =
  'This is why you don’t let yourself get into a position where there’s only one provider of the service';

describe('checking a quotation against the bundled corpus', () => {
  let fixture: SearchFixture;
  const check = (claim: string, speaker?: string) => checkQuote(fixture.context, { claim, speaker });
  before(async () => {
    fixture = await searchFixture();
  });

  it('verbatim: the whole quotation, with case, punctuation and quote marks ignored', async () => {
    const result = await check(MEYER.toUpperCase().replace(/’/g, "'"), 'Dan Meyer');
    assert.equal(result.verdict, 'verbatim');
    assert.equal(result.said_by, 'Dan Meyer');
    assert.equal(result.citations[0]?.paragraph, 11);
    assert.match(result.original?.text ?? '', /only one provider of the service/);
  });

  it('shortened: a faithful excerpt, saying what was cut', async () => {
    const result = await check('you don’t let yourself get into a position … of the service', 'Meyer');
    assert.equal(result.verdict, 'shortened');
    assert.ok(
      result.diff.some((part) => part.op === 'cut' && /where there.s only one provider/.test(part.text)),
    );
    assert.ok(result.diff.some((part) => part.op === 'cut' && /This is why/.test(part.text)));
  });

  it('altered: one word added is named in a word diff, and never called verbatim', async () => {
    const result = await check('no other company has been able to make reusable rockets', 'Isaacson');
    assert.equal(result.verdict, 'altered');
    assert.equal(result.said_by, 'Walter Isaacson');
    assert.deepEqual(
      result.diff.filter((part) => part.op === 'added'),
      [{ op: 'added', text: 'has' }],
    );
    // The narration inside the quotation ("he told the paper") is not counted as left out.
    assert.ok(!result.diff.some((part) => /told the paper/.test(part.text)));
  });

  it('altered: a changed word shows the original beside it', async () => {
    const result = await check(
      'That can be a huge deal because you could lose control of your company that way',
    );
    assert.equal(result.verdict, 'altered');
    assert.deepEqual(
      result.diff.filter((part) => part.op === 'changed'),
      [{ op: 'changed', text: 'huge', original: 'big' }],
    );
  });

  it('offers a copy-ready line with who it was said to, when, and who relays it', async () => {
    const result = await check(
      'No other company been able to make reusable rockets, or get astronauts into orbit, or get some of these heavy satellites into high-Earth orbit',
    );
    assert.equal(result.verdict, 'verbatim');
    assert.equal(
      result.original?.copy_line,
      "“No other company been able to make reusable rockets, or get astronauts into orbit, or get some of these heavy satellites into high-Earth orbit,” Walter Isaacson, Musk's biographer, told The New York Times in 2023 (as relayed by Axios, Oct. 27, 2024).",
    );
  });

  it('misattributed: the words are there, said by someone else, who is named', async () => {
    const result = await check(
      'this is why you don’t let yourself get into a position where there’s only one provider',
      'Nelson',
    );
    assert.equal(result.verdict, 'misattributed');
    assert.equal(result.said_by, 'Dan Meyer');
    assert.equal(result.claimed_speaker, 'Nelson');
    assert.equal(result.wording, 'shortened');
    assert.match(result.summary, /Dan Meyer, not Nelson/);
  });

  it('a few ordinary words that happen to occur in another document do not make a splice', async () => {
    // "today issued the following" is narration of Reed's statement; Meyer's words are the claim.
    const result = await check(`Today issued the following: ${MEYER}`, 'Dan Meyer');
    assert.notEqual(result.verdict, 'spliced');
    assert.notEqual(result.verdict, 'verbatim');
    assert.equal(result.said_by, 'Dan Meyer');
  });

  it('spliced: two people’s words joined, each piece with its own source', async () => {
    const result = await check(
      'That can be a big deal because you could lose control of your company, or get astronauts into orbit, or get some of these heavy satellites into high-Earth orbit',
      'Dan Meyer',
    );
    assert.equal(result.verdict, 'spliced');
    assert.deepEqual(
      result.pieces.map((piece) => piece.original.speaker),
      ['Dan Meyer', 'Walter Isaacson'],
    );
    assert.equal(result.citations.length, 2);
  });

  it('paraphrase: a report in indirect speech put in quote marks', async () => {
    const result = await check(
      'Musk’s conversations with Putin would only have violated his security clearance if he failed to properly report them',
      'Dan Meyer',
    );
    assert.equal(result.verdict, 'paraphrase');
    assert.equal(result.said_by, 'Dan Meyer');
  });

  it('not found: an invented quotation gets the closest passages and no citation', async () => {
    const result = await check('We will move every launch to Texas before the end of next year', 'Elon Musk');
    assert.equal(result.verdict, 'not_found');
    assert.equal(result.citations.length, 0);
    assert.equal(result.original, null);
  });

  it('a question quoting a statement is checked, not searched, and ask --json carries quote_check', async () => {
    const answer = await ask(fixture.context, {
      question: `Did Nelson say "this is why you don't let yourself get into a position where there's only one provider"?`,
      k: 5,
    });
    assert.equal(answer.quoteCheck?.verdict, 'misattributed');
    assert.match(answer.answer, /Dan Meyer, not Nelson/);
    const json = answerToJson(answer) as { quote_check?: { verdict: string; said_by: string } };
    assert.equal(json.quote_check?.verdict, 'misattributed');
    assert.equal(json.quote_check?.said_by, 'Dan Meyer');
    assert.equal(answer.citations[0]?.speaker, 'Dan Meyer');
  });
});

describe('finding the quotation a question asks about', () => {
  it('reads the claim and the speaker the question names', async () => {
    assert.deepEqual(findClaim('Did Nelson say "this is why you don’t let yourself"?'), {
      claim: 'this is why you don’t let yourself',
      speaker: 'Nelson',
    });
    assert.deepEqual(findClaim('who said “only one provider of the service”?'), {
      claim: 'only one provider of the service',
      speaker: null,
    });
    assert.equal(findClaim('Is this quote right: „wir schaffen das, sagte sie“')?.speaker, null);
    // Swedish ”…” and Japanese 「…」 marks hold a claim as “…” does.
    assert.equal(
      findClaim('Did Berg say ”we will not close it this year”?')?.claim,
      'we will not close it this year',
    );
    assert.equal(
      findClaim('Did Takeda say 「we have failed the people」?')?.claim,
      'we have failed the people',
    );
    assert.equal(
      findClaim('Did the NASA administrator really say "we will find other means"?')?.speaker,
      'the NASA administrator',
    );
  });

  it('leaves quoted terms of one or two words to the ordinary answer', async () => {
    assert.equal(findClaim('What did Musk say about "reusable rockets"?'), null);
    assert.equal(findClaim('What is a "security clearance"?'), null);
  });
});
