import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { latestFirst, parseSince, quoteDate, quotesSince } from '../../src/answer/quote-dates.js';

const now = new Date('2026-12-02T08:00:00Z'); // a Wednesday

describe('quotes by date', () => {
  it('reads --since as a date, a day relative to now, or a number of days or weeks ago', () => {
    assert.equal(parseSince('2024-10-27', now), '2024-10-27');
    assert.equal(parseSince('today', now), '2026-12-02');
    assert.equal(parseSince('yesterday', now), '2026-12-01');
    assert.equal(parseSince('Monday', now), '2026-11-30');
    assert.equal(parseSince('wednesday', now), '2026-11-25', 'a weekday is the latest one before today');
    assert.equal(parseSince('2 weeks ago', now), '2026-11-18');
    assert.equal(parseSince('soon', now), null);
    assert.equal(parseSince('2024-13-45', now), null);
  });

  it('dates a quote by what its attribution says, else by its document', () => {
    assert.equal(quoteDate({ when: { text: '2023', source: 'text' }, date: '2024-10-27' }), '2023-01-01');
    assert.equal(
      quoteDate({ when: { text: 'Oct. 3, 2022', source: 'text' }, date: '2024-10-27' }),
      '2022-10-03',
    );
    assert.equal(quoteDate({ when: { text: 'Friday', source: 'text' }, date: '2024-10-27' }), '2024-10-27');
    assert.equal(quoteDate({ when: null, date: null }), null);
  });

  it('filters and orders newest first, undated quotes last', () => {
    const hits = [
      { id: 'a', when: null, date: '2024-10-27' },
      { id: 'b', when: null, date: null },
      { id: 'c', when: null, date: '2024-11-15' },
      { id: 'd', when: { text: '2023', source: 'text' as const }, date: '2024-10-27' },
    ];
    assert.deepEqual(
      latestFirst(hits).map((hit) => hit.id),
      ['c', 'a', 'd', 'b'],
    );
    assert.deepEqual(
      quotesSince(hits, '2024-01-01').map((hit) => hit.id),
      ['a', 'c'],
    );
  });
});
