import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFeedbackCsv } from '../../src/cli/format-feedback.js';
import { feedbackReport } from '../../src/store/feedback-report.js';
import type { FeedbackEntry } from '../../src/store/state-store.js';

const click = (
  user: string,
  messageTs: string,
  value: string,
  at: string,
  question?: string,
): FeedbackEntry => ({
  value,
  user,
  team: 'T0TEST001',
  ...(question ? { question, citations: [{ doc: 'corpus/a.md', paragraph: 3 }] } : {}),
  channel: 'C0NEWS001',
  messageTs,
  threadTs: '1700000000.000100',
  at,
});

describe('feedback report', () => {
  const entries = [
    click('U1', '1.1', 'not_helpful', '2026-11-28T10:00:00.000Z', 'Who warned?'),
    click('U2', '1.1', 'helpful', '2026-11-28T11:00:00.000Z', 'Who warned?'),
    // U1 changes their mind on the same answer: only the latest click counts.
    click('U1', '1.1', 'helpful', '2026-11-29T09:00:00.000Z', 'Who warned?'),
    click('U3', '2.2', 'not_helpful', '2026-12-01T08:00:00.000Z', 'When was the letter sent?'),
    click('U4', '3.3', 'helpful', '2026-11-20T08:00:00.000Z'),
  ];

  it("groups clicks per answer and counts each person's latest vote, newest activity first", () => {
    const report = feedbackReport(entries);
    assert.deepEqual(
      report.map(({ messageTs, question, helpful, notHelpful }) => ({
        messageTs,
        question,
        helpful,
        notHelpful,
      })),
      [
        { messageTs: '2.2', question: 'When was the letter sent?', helpful: 0, notHelpful: 1 },
        { messageTs: '1.1', question: 'Who warned?', helpful: 2, notHelpful: 0 },
        { messageTs: '3.3', question: undefined, helpful: 1, notHelpful: 0 },
      ],
    );
    assert.deepEqual(report[1]?.citations, [{ doc: 'corpus/a.md', paragraph: 3 }]);
    assert.deepEqual(
      report[1]?.votes.map((vote) => vote.user),
      ['U2', 'U1'],
    );
  });

  it('keeps only the clicks from `since` on', () => {
    const report = feedbackReport(entries, new Date('2026-11-29T00:00:00Z'));
    assert.deepEqual(
      report.map((answer) => [answer.messageTs, answer.helpful, answer.notHelpful]),
      [
        ['2.2', 0, 1],
        ['1.1', 1, 0],
      ],
    );
  });

  it('writes CSV a spreadsheet cannot run: quoted cells, formula-like questions defused', () => {
    const csv = formatFeedbackCsv(
      feedbackReport([
        click('U1', '4.4', 'helpful', '2026-12-01T08:00:00.000Z', '=HYPERLINK("x","say ""hi""")'),
      ]),
    );
    const [header, row] = csv.split('\r\n');
    assert.equal(
      header,
      '"last_vote_at","team","channel","message_ts","thread_ts","question","helpful","not_helpful","citations"',
    );
    assert.ok(row?.includes('"\'=HYPERLINK(""x"",""say """"hi"""""")"'), row);
    assert.ok(row?.endsWith('"1","0","corpus/a.md#3"'), row);
  });
});
