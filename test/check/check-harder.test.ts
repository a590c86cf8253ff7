import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkQuote } from '../../src/check/check-quote.js';
import { formatCheck } from '../../src/check/format-check.js';
import { quoteCheckMessage } from '../../src/slack/views/check-blocks.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

// A made-up harbour story: a quotation continued into the next paragraph, a speaker the text describes
// by office, and a quote standing alone whose speaker the extractor can only carry over from context.
const HARBOUR = `---
title: "Harbour dredging approved after long delay"
publisher: "Test Gazette"
date: 2026-03-04
---
Mayor Ingrid Solberg, the mayor of Northwick, said the council would approve the dredging contract on Thursday. "We have waited eleven years for this channel to be deepened, and the fishing fleet has waited longer," Solberg said.

"Every month of delay has cost the harbour another boat. We will not lose one more."

Tomas Reyes, the harbourmaster, who has run the port since 2015, welcomed the vote and thanked Solberg. "The silt has been winning for a decade," Reyes said.

"It is a fair contract, fairly won."

Dockmaster Ana Lund, who retires in June, agreed with the decision. "The channel is the town's lifeline," Lund said.

Capt. Erik Vos was less sure. "Deeper water brings bigger ships, and bigger ships need more tugs," Vos said.
`;

// A shoemaker quoting his father inside his own quotation.
const COBBLER = `---
title: "The last cobbler on Via Roma"
publisher: "Test Gazette"
date: 2026-03-05
---
Arturo Bellini learned the trade from his father, Enzo Bellini, who had learned it in Campobasso.

“My father said, ‘The shoe is sacred. Your scraps are not,’” Bellini said.
`;

describe('quote checks: the harder cases', () => {
  let fixture: SearchFixture;
  const check = (claim: string, speaker?: string) => checkQuote(fixture.context, { claim, speaker });
  before(async () => {
    fixture = await searchFixture({}, { 'harbour-dredging.md': HARBOUR, 'last-cobbler.md': COBBLER });
  });

  it('a quotation continued into the next paragraph by its speaker is one verbatim quotation', async () => {
    const result = await check(
      'We have waited eleven years for this channel to be deepened, and the fishing fleet has waited longer. Every month of delay has cost the harbour another boat. We will not lose one more.',
      'Solberg',
    );
    assert.equal(result.verdict, 'verbatim');
    assert.equal(result.said_by, 'Ingrid Solberg');
    assert.deepEqual(
      result.citations.map((citation) => citation.paragraph),
      [1, 2],
    );
  });

  it('the same two paragraphs with a word changed are not verbatim', async () => {
    const result = await check(
      'We have waited eleven years for this channel to be deepened, and the fishing fleet has waited longer. Every month of delay has cost the harbour another ship. We will not lose one more.',
      'Solberg',
    );
    assert.notEqual(result.verdict, 'verbatim');
  });

  it('a pasted typo is still an alteration, and is pointed out as a likely typo', async () => {
    const typo = await check('Every month of dealy has cost the harbour another boat', 'Solberg');
    assert.equal(typo.verdict, 'altered');
    assert.deepEqual(
      typo.diff.filter((part) => part.op === 'changed'),
      [{ op: 'changed', text: 'dealy', original: 'delay', typo: true }],
    );
    assert.match(typo.summary, /has “dealy” for “delay” \(a typo\?\)/);
    const word = await check('Every month of delay has cost the harbour another ship', 'Solberg');
    assert.equal(word.diff.find((part) => part.op === 'changed')?.typo, undefined);
  });

  it("words a speaker quotes from someone else are that person's: credited to the relayer, misattributed", async () => {
    const claim = 'The shoe is sacred. Your scraps are not.';
    const relayed = await check(claim, 'Arturo Bellini');
    assert.equal(relayed.verdict, 'misattributed');
    assert.equal(relayed.said_by, 'Enzo Bellini');
    const first = await check(claim, 'Enzo Bellini');
    assert.equal(first.verdict, 'verbatim');
    assert.equal(first.said_by, 'Enzo Bellini');
  });

  it('two different speakers joined across paragraphs stay a splice', async () => {
    const result = await check(
      'Every month of delay has cost the harbour another boat. The silt has been winning for a decade',
      'Solberg',
    );
    assert.equal(result.verdict, 'spliced');
  });

  it('a title the text abbreviates is the title in full: "Capt. Erik Vos" is the captain', async () => {
    const claim = 'Deeper water brings bigger ships, and bigger ships need more tugs';
    assert.equal((await check(claim, 'the captain')).verdict, 'verbatim');
    assert.equal((await check(claim, 'the dockmaster')).verdict, 'misattributed');
  });

  it('a speaker given as the office the document names agrees; another office does not', async () => {
    const claim = 'The silt has been winning for a decade';
    assert.equal((await check(claim, 'the harbourmaster')).verdict, 'verbatim');
    const mayor = await check(
      'We have waited eleven years for this channel to be deepened',
      'the mayor of Northwick',
    );
    assert.equal(mayor.verdict, 'shortened');
    assert.equal(mayor.said_by, 'Ingrid Solberg');
    assert.equal((await check(claim, 'the mayor of Northwick')).verdict, 'misattributed');
    // A possessor and a place are words of the document; the head must be the speaker's own role.
    const solberg = 'Every month of delay has cost the harbour another boat';
    assert.notEqual((await check(solberg, "Northwick's mayor")).verdict, 'misattributed');
    assert.equal((await check(solberg, 'the harbourmaster of Northwick')).verdict, 'misattributed');
    assert.equal((await check(solberg, 'the mayor of Oslo')).verdict, 'misattributed');
    // A name the document does not know is someone else, never a description.
    assert.equal((await check(claim, 'Northwick')).verdict, 'misattributed');
    // A compound's head is its last noun; the nouns before it ("port") restrict it, as a place does.
    assert.equal((await check(claim, 'the port harbourmaster')).verdict, 'verbatim');
    assert.equal((await check(claim, 'the port mayor')).verdict, 'misattributed');
    assert.equal((await check(claim, 'the airport harbourmaster')).verdict, 'misattributed');
  });

  it('a name that the text ran a title into is still the same name', async () => {
    const result = await check("The channel is the town's lifeline", 'Ana Lund');
    assert.match(result.said_by ?? '', /Ana Lund$/);
    assert.equal(result.verdict, 'verbatim');
    // A different first name with the same surname is not the same name.
    assert.equal((await check("The channel is the town's lifeline", 'Erik Lund')).verdict, 'misattributed');
  });

  it('says how the speaker was found, in JSON, on the CLI and in Slack', async () => {
    const named = await check('The silt has been winning for a decade', 'Reyes');
    assert.equal(named.attribution?.speaker, 'Tomas Reyes');
    assert.equal(named.attribution?.low_confidence, false);
    assert.match(formatCheck(named), /Speaker: Tomas Reyes is named beside the words/);
  });

  it('a verdict resting on an inferred speaker says so, and how it was inferred', async () => {
    const result = await check('It is a fair contract, fairly won.', 'Solberg');
    // A quote standing alone is credited to the last speaker: an inference, and Solberg is named beside it.
    assert.equal(result.said_by, 'Tomas Reyes');
    assert.equal(result.verdict, 'misattributed');
    assert.equal(result.speaker_uncertain, true);
    assert.equal(result.attribution?.low_confidence, true);
    assert.match(result.attribution?.note ?? '', /inferred from context \(cue “[^”]+”, confidence 0\.\d\d\)/);
    assert.match(
      result.summary,
      /rests on an inference: .*inferred from context.*Solberg is named beside them/,
    );
    assert.match(formatCheck(result), /Speaker: Tomas Reyes was inferred from context/);
    const slack = JSON.stringify(quoteCheckMessage(result).blocks);
    assert.match(slack, /How the speaker was found/);
  });
});

// A briefing transcript whose speaker passes on what others told her (an indirect report and an inner
// quote inside her turn).
const BRIEFING = `---
title: "Transcript: water authority briefing on the main break"
publisher: "Test Gazette"
date: 2026-03-05
---
Speakers were Helen Odunsi, director of the water authority, and reporters.

HELEN ODUNSI: Our chief engineer, Walter Brandvold, told us the pipe was in good condition for its age. He said, "Cast iron this old fails without warning." We will replace the whole block.

Q: When will the water be safe?

HELEN ODUNSI: By Friday, if the tests come back clean.
`;

describe('quote checks: words a speaker passes on', () => {
  let fixture: SearchFixture;
  const check = (claim: string, speaker?: string) => checkQuote(fixture.context, { claim, speaker });
  before(async () => {
    fixture = await searchFixture({}, { 'briefing.md': BRIEFING });
  });

  it('credits them to the one the text says first said them, as reported speech or a quote of theirs', async () => {
    const reported = await check('the pipe was in good condition for its age', 'Walter Brandvold');
    assert.equal(reported.verdict, 'paraphrase');
    assert.equal(reported.said_by, 'Walter Brandvold');
    const inner = await check('Cast iron this old fails without warning', 'Walter Brandvold');
    assert.equal(inner.verdict, 'verbatim');
    assert.equal(inner.said_by, 'Walter Brandvold');
    const cut = await check('Cast iron this old fails', 'Walter Brandvold');
    assert.equal(cut.verdict, 'shortened');
  });

  it('and to the one passing them on, whose words they also are', async () => {
    const turn = await check(
      'He said, "Cast iron this old fails without warning." We will replace the whole block.',
      'Helen Odunsi',
    );
    assert.equal(turn.verdict, 'shortened');
    assert.equal(turn.said_by, 'Helen Odunsi');
    const wrong = await check('We will replace the whole block', 'Walter Brandvold');
    assert.equal(wrong.verdict, 'misattributed');
    assert.equal(wrong.said_by, 'Helen Odunsi');
  });
});

// Who a speaker is, said only where the document names them without quoting them: in apposition
// before the name, and in a broadcast label written in capitals.
const BRIDGE = `---
title: "Footbridge stays shut"
publisher: "Test Gazette"
date: 2026-03-06
---
The minister for transport, Claire Devaux, visited the site on Tuesday.

“A footbridge that falls into the river is worse than no footbridge at all,” Devaux said.

DANA WHITFIELD, MNN ANCHOR: Good evening. We begin tonight at the river.
`;

describe('quote checks: a speaker described as the document describes them', () => {
  let fixture: SearchFixture;
  const check = (claim: string, speaker?: string) => checkQuote(fixture.context, { claim, speaker });
  before(async () => {
    fixture = await searchFixture({}, { 'bridge.md': BRIDGE });
  });

  it('agrees with a description set off before the name, or in a label after it', async () => {
    const minister = await check('worse than no footbridge at all', 'the minister for transport');
    assert.equal(minister.verdict, 'shortened');
    assert.equal(minister.said_by, 'Claire Devaux');
    const anchor = await check('Good evening. We begin tonight at the river.', 'the MNN anchor');
    assert.equal(anchor.verdict, 'verbatim');
    assert.equal(anchor.said_by, 'Dana Whitfield');
    // Someone the document does not call that is not described by it.
    assert.equal((await check('worse than no footbridge at all', 'the MNN anchor')).verdict, 'misattributed');
  });
});
