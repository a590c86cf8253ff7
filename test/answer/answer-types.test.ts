import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { findSpeechSubject } from '../../src/answer/analyze-question.js';
import { ask } from '../../src/answer/ask.js';
import { prepareAnswer } from '../../src/answer/prepare-answer.js';
import { questionKind } from '../../src/answer/question-kind.js';
import { resolveRelativeDate } from '../../src/answer/relative-date.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

describe('questionKind', () => {
  it('reads the kind of answer from how English questions begin', () => {
    assert.equal(questionKind('Who said the company could be restructured?'), 'who-said');
    assert.equal(questionKind('Who did the mayor write to?'), 'who');
    assert.equal(questionKind('hey, who is the new coach'), 'who');
    assert.equal(questionKind('Did the council approve it?'), 'yes-no');
    assert.equal(questionKind('since when has she led the team'), 'when');
    assert.equal(questionKind('How many seats changed hands?'), 'how-many');
    assert.equal(questionKind('Why did the vote fail?'), 'why');
    assert.equal(questionKind('Which senator warned about the deal?'), 'who-said');
    assert.equal(questionKind('Which providers did Meyer say the government could use?'), 'other');
    // A subject holds no clause of its own: "point Axios to when asked for" is not one.
    assert.equal(findSpeechSubject('What did SpaceX point Axios to when asked for comment?'), null);
    assert.equal(findSpeechSubject('What did the NASA administrator say?'), 'the NASA administrator');
    // The passive of a verb of speech: its subject is spoken of or to, and says nothing.
    assert.equal(findSpeechSubject('who else is Musk said to have been in contact with?'), null);
    assert.equal(findSpeechSubject('What were the senators told?'), null);
    assert.equal(questionKind('What happened next?'), 'other');
  });
});

describe('resolveRelativeDate', () => {
  it('reads today, yesterday and weekdays against the document date, saying so', () => {
    assert.match(
      resolveRelativeDate('Today', '2024-11-15') ?? '',
      /^Friday, November 15, 2024 \(read against/,
    );
    assert.match(resolveRelativeDate('yesterday', '2024-11-15') ?? '', /^Thursday, November 14, 2024/);
    assert.match(resolveRelativeDate('on Monday', '2024-11-15') ?? '', /^Monday, November 11, 2024/);
    assert.equal(resolveRelativeDate('Friday', null), null);
    assert.equal(resolveRelativeDate('in 2022', '2024-11-15'), null);
  });

  it('reads this or last month and year as the period the document date falls in, or the one before', () => {
    assert.match(
      resolveRelativeDate('earlier this month', '2024-10-27') ?? '',
      /^October 2024 \(read against/,
    );
    assert.match(resolveRelativeDate('last month', '2024-01-05') ?? '', /^December 2023 /);
    assert.match(resolveRelativeDate('last year', '2024-01-05') ?? '', /^2023 /);
  });
});

describe('the extractive answer leads with the answer', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
  });
  const lead = async (question: string) =>
    (await ask(fixture.context, { question, k: 5 })).answer.split('\n')[0] ?? '';

  it('credits a quote broken by its attribution by its parts together, however short the first', async () => {
    assert.match(
      await lead('What did Isaacson tell the Times about other companies?'),
      /^Walter Isaacson, Musk's biographer, said: “No other company … been able to make reusable rockets/,
    );
  });

  it('names whom "which N" asks for: the addressee after the telling, the body a title belongs to', async () => {
    assert.match(await lead('Which outlet did the NASA administrator speak with?'), /^Semafor\. \[1\]$/);
    assert.match(await lead('Which committee does Reed chair?'), /^Senate Armed Services Committee\. \[1\]$/);
    // A noun for a person ("official") is answered by a person's name, not the outlet or agency beside it.
    assert.match(
      await lead('Which official at NASA spoke about Musk and Putin?'),
      /^NASA Administrator Bill Nelson\. \[1\]$/,
    );
  });

  it('reads "the lawyer" as the one person whose role is an attorney', async () => {
    const { asked } = await prepareAnswer(fixture.context, 'What did the lawyer say about alternatives?', 5);
    assert.deepEqual([...asked.people], ['Dan Meyer']);
    assert.match(
      await lead('What did the lawyer say about alternatives?'),
      /^Dan Meyer, a national security attorney, said/,
    );
  });

  it('names whom someone spoke to, as attribution read it, and a headline’s name without its verbs', async () => {
    // "he told the paper" is The New York Times, named before; "Walter Isaacson" is the question's own.
    assert.match(await lead('who did isaacson talk to?'), /^The New York Times\. \[1\]$/);
    assert.match(await lead('Which paper did Isaacson tell about SpaceX?'), /^The New York Times\. \[1\]$/);
    assert.match(await lead('who did nelson speak with?'), /^Semafor\. \[1\]$/);
    // "… Send Letter to Secretary Austin Requesting Information": the name ends before "Requesting".
    assert.doesNotMatch(await lead("who did warren's letter go to?"), /Requesting/);
  });

  it('says what a person is for "who is X", and names whoever fits "who is the X"', async () => {
    assert.match(await lead('who is walter isaacson'), /^Walter Isaacson: Musk's biographer\. \[1\]$/);
    assert.match(await lead('Who is the NASA administrator?'), /^NASA Administrator Bill Nelson\. \[1\]$/);
  });

  it('answers the question inside a polite frame ("can you tell me who …", "I’d like to know how many …")', async () => {
    assert.match(
      await lead('could you tell me who warned about relying on one provider?'),
      /^Dan Meyer, a national security attorney\. \[1\]$/,
    );
    assert.match(
      await lead("I'd like to know how many senators signed the letter to austin"),
      /^Three \(Elizabeth Warren, Jeanne Shaheen and Tammy Duckworth\)\. \[1\]$/,
    );
    // An embedded "if" asks whether: Meyer's conditional sentence settles nothing.
    assert.match(
      await lead('can you tell me if musk has a security clearance?'),
      /^The documents don't say directly/,
    );
  });

  it('names the speaker for "who said", the amount for "how much", the time for "since when"', async () => {
    assert.match(
      await lead('Who warned about relying on one provider?'),
      /^Dan Meyer, a national security attorney\. \[1\]$/,
    );
    // A name in what was said is its topic, not its speaker: SpaceX is what Meyer called essential.
    assert.match(
      await lead('who said spacex is essential'),
      /^Dan Meyer, a national security attorney\. \[1\]$/,
    );
    assert.match(
      await lead('How much taxpayer money has SpaceX received?'),
      /^Billions of dollars in taxpayer funding\. \[1\]$/,
    );
    assert.match(
      await lead('Since when have Musk and Putin reportedly been talking?'),
      /^Since 2022\. \[1\]$/,
    );
    // "When" asks for a point in time: the day of the report, not the start of the contacts.
    assert.match(
      await lead('When did the Journal report the contacts between Musk and Putin?'),
      /^Friday, October 25, 2024 \(read against the document's date, 2024-10-27\)\. \[1\]$/,
    );
    // A time dates the verb of its own clause: 2022 is when Starlink was restricted, in a clause of its
    // own after "the incident that …", not when the senators wrote — that is the release's date.
    assert.match(
      await lead('When did the senators write to Austin?'),
      /^Friday, September 15, 2023 \(the document's date; the times in its text date other events\)\. \[1\]$/,
    );
    assert.match(await lead('When did Musk restrict Starlink for Ukraine?'), /^In 2022\. \[1\]$/);
    // A time in an adverbial clause dates the clause it modifies; "this month" is read against the
    // document's date.
    assert.match(
      await lead('When did Musk acknowledge having a clearance?'),
      /^Earlier this month — October 2024 \(read against the document's date, 2024-10-27\)\. \[1\]$/,
    );
    // Asked when someone said something, the time of the saying answers, and such a question is not
    // declined for want of a time near what was said.
    assert.match(
      await lead('When did Musk say he had a top-secret clearance?'),
      /^Earlier this month — October 2024 \(read against the document's date, 2024-10-27\)\. \[1\]$/,
    );
    // A headline's act is dated by its document.
    assert.match(
      await lead('When did Warren send the letter?'),
      /^Friday, September 15, 2023 \(the document's date; its headline reports this\)\. \[1\]$/,
    );
  });

  it('says yes or no only when the cited sentence settles it', async () => {
    const answer = await lead('Did the Pentagon respond to the requests for comment?');
    assert.match(answer, /^No, according to \[1\]:$/);
    assert.match(
      await lead('Is Musk in touch with Putin, per the Journal?'),
      /^(?:Yes, according to \[1\]:|The documents don't say directly)/,
    );
    // What a clause of "reports that …" holds is relayed, not asserted.
    assert.match(await lead('did musk restrict starlink in ukraine'), /^Reportedly, according to \[\d\]:$/);
    // An appositive says what someone is whatever the mood of its clause ("… would … if …").
    assert.match(await lead('is meyer an attorney'), /^Yes, according to \[1\]:$/);
    assert.match(await lead('is meyer a journalist'), /^The documents don't say directly/);
    // With only the verb to go on, the verb must be there; "no other company" means "only", not "no".
    assert.match(await lead('Did the Pentagon respond to Axios?'), /^No, according to \[\d\]:$/);
    assert.match(
      await lead('Is SpaceX the only company that can do reusable rockets?'),
      // The sentence is Isaacson's quote: the yes is his, and says so.
      /^Yes, according to Walter Isaacson \[\d\]:$/,
    );
    // The settling sentence need not be the one sharing most words with the question: Reed's quote goes
    // on to say the committee is "aggressively probing the issue from every angle".
    assert.match(
      await lead("Did the Senate Armed Svcs Cmte say it's investigating the Starlink issue?"),
      /^Yes, according to Jack Reed \[\d\]:$/,
    );
    // A passage of the statement the question names is in it, whether or not it says "statement"; and
    // it settles the question only if it names what is asked about (Reed's statement never names NASA).
    assert.match(
      await lead("Does Reed's statement mention the Pentagon at all?"),
      /^Yes, according to Jack Reed \[\d\]:$/,
    );
    assert.match(await lead("Did Reed's statement mention NASA?"), /^The documents don't say directly/);
    // A "yes" from one passage and a "no" from another settle nothing: SpaceX's statement is quoted in
    // one, and another says it "didn't address" the conversations.
    assert.match(
      await lead('Did the SpaceX statement say anything about Musk talking to Putin?'),
      /^The documents don't say directly/,
    );
    // Whether someone spoke of a topic at all is settled by what they said of it, supposition or not.
    assert.match(
      await lead('Did Nelson say anything about the reports on Musk and Putin?'),
      /^Yes, according to Bill Nelson \[\d\]:$/,
    );
    // The opposite word in place of the one asked about (WordNet's antonym) says no; the word itself, yes.
    assert.match(
      await lead('Were the Starlink terminals restricted in northern Ukraine?'),
      /^No, according to \[\d\]:$/,
    );
    // (the letters only relay the reports that they were: "reportedly", not a plain yes)
    assert.match(
      await lead('Were the Starlink terminals restricted in southern Ukraine?'),
      /^Reportedly, according to \[\d\]:$/,
    );
    // Alternatives ("before or after") are not answered with a yes or a no.
    assert.match(
      await lead('Did Reed issue his statement before or after the Starlink reports?'),
      /^The documents don't say directly/,
    );
    // Meyer says what NASA would have to do if Musk became a concern: a supposition settles no fact.
    assert.match(
      await lead('Did Russia’s FSB get classified information through Musk?'),
      /^The documents don't say directly/,
    );
    // "… would only have violated his security clearance if he failed to properly report them": asked
    // without the condition, the answer is the condition, in the sentence's words.
    assert.match(
      await lead("Would Musk's conversations with Putin have violated his security clearance?"),
      /^Only if he failed to properly report them to the government, according to Dan Meyer \[\d\]:$/,
    );
  });
});

describe('how many, how much, how long', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
  });
  const lead = async (question: string) => {
    const answer = await ask(fixture.context, { question, k: 5 });
    assert.equal(answer.abstained, false, `${question} → ${answer.answer}`);
    return answer.answer.split('\n')[0] ?? '';
  };

  it('counts what is asked for: the names a sentence lists after the noun, never another number', async () => {
    assert.match(
      await lead('How many senators signed the letter to Austin?'),
      /^(?:Three|Five) \([A-Z].* and [A-Z]/,
    );
  });

  it('dates "Today" by the document, even when the document gives only its month', async () => {
    assert.match(
      await lead('When did Reed issue his Starlink statement?'),
      /^Today — September 2023 \(the document's date, which gives no day\)\. \[\d\]$/,
    );
  });

  it('leads with the stretch of time for "how long"', async () => {
    assert.match(await lead('How long has Musk been in contact with Putin?'), /^Since 2022\./);
    // Counting units of time asks how long.
    await lead('How many years has Musk been talking to Putin?');
  });
});

describe('"only … if" leads', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture(
      {},
      {
        'levy-vote.md': `---
title: "Council backs harbour levy"
publisher: "Test Gazette"
date: 2026-03-04
---
Councilor Ana Ruiz not only backed the harbour levy but quit when it failed.

The treasurer, Omar Haddad, said the levy would fund the dredging only if the state matched it.
`,
      },
    );
  });
  const lead = async (question: string) =>
    (await ask(fixture.context, { question, k: 5 })).answer.split('\n')[0] ?? '';

  it('leads with the condition "only if" puts on what is asked; "not only … but" is neither a condition nor a no', async () => {
    assert.match(
      await lead('Would the levy fund the dredging?'),
      /^Only if the state matched it, according to Omar Haddad \[\d\]:$/,
    );
    assert.match(await lead('Did Ana Ruiz back the harbour levy?'), /^Yes, according to/);
  });
});

describe('yes/no from a headline’s topic', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture(
      {},
      {
        'bridge-letter.md': `---
title: "Harbor councilors send letter to the mayor on the Pike Street bridge"
publisher: "Test Gazette"
date: 2026-03-04
---
The letter asks whether the bridge needs new bearings before the winter.

Traffic on the bridge fell by a third last year.
`,
      },
    );
  });
  const lead = async (question: string) =>
    (await ask(fixture.context, { question, k: 5 })).answer.split('\n')[0] ?? '';

  it('takes the authors the headline names as the subject of the sentence that settles it', async () => {
    // "The letter" is the councilors' letter: the headline says whose it is.
    assert.match(
      await lead('Did the councilors ask whether the bridge needs new bearings?'),
      /^Yes, according to/,
    );
    // The headline gives the topic, not what is asked about: bearings for a tunnel are nowhere.
    assert.match(
      await lead('Did the councilors ask whether the tunnel needs new bearings?'),
      /^The documents don't say directly/,
    );
  });
});

describe('states by name or code', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture(
      {},
      {
        'base-closure.md': `---
title: "Senators weigh in on the Fort Calloway closure"
publisher: "Test Gazette"
date: 2026-03-04
---
Sen. Tim Kaine (D-VA) said the base must stay open through the winter.

Sen. Gary Peters (D-MI) said the closure plan needed a second look.
`,
      },
    );
  });

  it('answers for "the Virginia senator" from a text that writes only "D-VA"', async () => {
    const answer = await ask(fixture.context, {
      question: 'What did the Virginia senator say about the base?',
      k: 5,
    });
    assert.equal(answer.abstained, false);
    assert.equal(answer.citations[0]?.paragraph, 1);
  });
});
