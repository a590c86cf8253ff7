import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import { findQuotesFor } from '../../src/answer/find-quotes.js';
import { applyDates, readQuestionDates } from '../../src/answer/question-dates.js';
import type { BotServices } from '../../src/bot-services.js';
import { quoteResults } from '../../src/slack/quote-results.js';
import { quotePageMessage } from '../../src/slack/views/quote-blocks.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

// Wednesday 2 December 2026: every relative date below is read against this injected clock.
const NOW = new Date('2026-12-02T10:00:00Z');
const read = (text: string, now: Date | null = NOW) => readQuestionDates(text, now);

describe('dates in questions, read against an injected clock', () => {
  it('"latest" and "most recent" ask for newest first and are not a topic', () => {
    for (const text of ['What is the latest from Meyer?', 'Meyer most recent']) {
      const { dates, rest } = read(text);
      assert.equal(dates?.latest, true);
      assert.equal(dates?.since, null);
      assert.doesNotMatch(rest, /latest|recent/i);
    }
  });

  it('"since Monday" is the latest Monday before today', () => {
    const { dates, rest } = read('What did Meyer say since Monday?');
    assert.equal(dates?.since, '2026-11-30');
    assert.equal(dates?.before, null);
    assert.equal(rest, 'What did Meyer say?');
    // Asked on a Monday, "since Monday" is a week back, not today.
    assert.equal(read('since Monday', new Date('2026-11-30T09:00:00Z')).dates?.since, '2026-11-23');
  });

  it('"last week" is the calendar week before this one, Monday to Sunday', () => {
    const { dates } = read('quotes about clearances last week');
    assert.equal(dates?.since, '2026-11-23');
    assert.equal(dates?.before, '2026-11-30');
  });

  it('"in 2023" is that year, with or without a clock', () => {
    for (const now of [NOW, null]) {
      const { dates } = read('What did Isaacson say in 2023?', now);
      assert.equal(dates?.since, '2023-01-01');
      assert.equal(dates?.before, '2024-01-01');
    }
  });

  it('periods named together are any of them: "in 2023 and 2024", "in 2023 or in 2024"', () => {
    for (const text of ['What did Reed say in 2023 and 2024?', 'What did Reed say in 2023 or in 2024?']) {
      const { dates, rest } = read(text);
      assert.equal(dates?.since, '2023-01-01', text);
      assert.equal(dates?.before, '2025-01-01', text);
      assert.equal(rest, 'What did Reed say?');
    }
    const { dates } = read("How did Reed's position change between 2023 and 2024?");
    assert.equal(dates?.since, '2023-01-01');
    assert.equal(dates?.before, '2025-01-01');
  });

  it('"before October" is before the latest October that has begun', () => {
    assert.equal(read('before October').dates?.before, '2026-10-01');
    assert.equal(read('before October', new Date('2026-03-01T00:00:00Z')).dates?.before, '2025-10-01');
    assert.equal(read('before October 2024').dates?.before, '2024-10-01');
  });

  it('"may", "march" and "august" in lower case are words, not months', () => {
    assert.equal(read('what effects since may 1 be seen').dates, null);
    assert.equal(read('quotes since May').dates?.since, '2026-05-01');
  });

  it('relative dates need a clock; without one they stay words of the question', () => {
    const { dates, rest } = read('What did Meyer say since Monday?', null);
    assert.equal(dates, null);
    assert.equal(rest, 'What did Meyer say since Monday?');
  });

  it('filters quotes by when they were said and orders the latest first', () => {
    const hits = [
      { id: 'a', when: null, date: '2024-10-27' },
      { id: 'b', when: { text: '2023', source: 'text' as const }, date: '2024-10-27' },
      { id: 'c', when: null, date: '2026-12-01' },
      { id: 'd', when: null, date: null },
    ];
    const ids = (range: Parameters<typeof applyDates>[1]) => applyDates(hits, range).map((hit) => hit.id);
    assert.deepEqual(ids(read('in 2023').dates as never), ['b']);
    assert.deepEqual(ids(read('since Monday').dates as never), ['c']);
    assert.deepEqual(ids(read('latest').dates as never), ['c', 'a', 'b', 'd']);
    assert.deepEqual(ids(read('latest before 2025').dates as never), ['a', 'b']);
  });
});

describe('dates in ask and /quote over the bundled corpus', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
  });

  it('/quote Isaacson in 2023 keeps what he said in 2023; since Monday finds nothing', () => {
    const in2023 = findQuotesFor(fixture.context, 'Isaacson in 2023', NOW);
    assert.ok(in2023.hits.length > 0);
    assert.ok(in2023.hits.every((hit) => hit.speaker === 'Walter Isaacson'));
    assert.equal(in2023.dates?.since, '2023-01-01');
    const recent = findQuotesFor(fixture.context, 'Isaacson since Monday', NOW);
    assert.equal(recent.hits.length, 0);
    assert.equal(findQuotesFor(fixture.context, 'Isaacson', NOW).dates, null);
  });

  it('/quote in Slack restates how the dates were read', () => {
    const services = {
      findQuotes: (query: string) => findQuotesFor(fixture.context, query, NOW),
    } as BotServices;
    const results = quoteResults(services, 'Isaacson in 2023');
    const text = JSON.stringify(quotePageMessage(results, 0).blocks);
    assert.match(
      text,
      /Quotes by \*Walter Isaacson\* _\(“in 2023” read as from 2023-01-01, before 2024-01-01\)_/,
    );
  });

  it('ask: a date the documents do not reach declines, and the note says how the dates were read', async () => {
    const question = 'What did Dan Meyer say about security clearances';
    const undated = await ask(fixture.context, { question: `${question}?`, k: 5, now: NOW });
    assert.equal(undated.abstained, false);
    const lastWeek = await ask(fixture.context, { question: `${question} last week?`, k: 5, now: NOW });
    assert.equal(lastWeek.abstained, true);
    assert.match(lastWeek.answer, /not from the time the question asks about/);
    assert.ok(
      lastWeek.notes.some((note) => /“last week” read as from 2026-11-23, before 2026-11-30/.test(note)),
    );
    const in2024 = await ask(fixture.context, { question: `${question} in 2024?`, k: 5, now: NOW });
    assert.equal(in2024.abstained, false);
    assert.deepEqual(
      in2024.citations.map((c) => c.doc),
      undated.citations.map((c) => c.doc).filter((doc) => in2024.citations.some((c) => c.doc === doc)),
    );
  });
});
