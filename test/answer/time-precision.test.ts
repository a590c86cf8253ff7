import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

const HARBOR = `---
title: "Council gives Larkport developer until Oct. 6 to revise pier plan"
source: "Larkport Ledger"
date: "2026-09-18"
---
LARKPORT — The city council on Thursday gave Brightwater Piers until Oct. 6 to submit a revised plan for the old ferry pier, after residents objected to the height of the proposed hotel.

Council President Maren Holt said the developer had agreed to lower the building by two floors.
`;

// A deadline is answered by a phrase of limit ("until Oct. 6"), a day by a day: a document's date, or
// its month alone, answers neither. The questions are the team's own, not items of the evaluation set.
describe('questions asking for a time limit or a day', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture({}, { 'larkport-pier.md': HARBOR });
  });
  const askOf = (question: string) => ask(fixture.context, { question, k: 5 });

  it('answers a deadline with the phrase of limit the text gives', async () => {
    const answer = await askOf('By what date does Brightwater Piers have to submit the revised pier plan?');
    assert.equal(answer.abstained, false, answer.answer);
    assert.match(answer.answer, /^Until Oct\. 6/);
  });

  it('declines a deadline the documents never set, whatever dates they hold', async () => {
    const answer = await askOf(
      'What deadline did Reed give the Pentagon to fix the Starlink vulnerabilities?',
    );
    assert.equal(answer.abstained, true, answer.answer);
  });

  it('declines an exact day when the document gives only its month', async () => {
    const answer = await askOf(
      'On what exact day did Reed put out his statement on Starlink vulnerabilities?',
    );
    assert.equal(answer.abstained, true, answer.answer);
    const month = await askOf('When did Reed put out his statement on Starlink vulnerabilities?');
    assert.equal(month.abstained, false, month.answer);
  });
});
