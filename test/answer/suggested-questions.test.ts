import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestedQuestions } from '../../src/answer/suggested-questions.js';

describe('suggested questions', () => {
  it('asks about the most-quoted speakers and the topic they share with their headlines, then the newest document', () => {
    const questions = suggestedQuestions({
      documents: [
        { title: 'Harbor tunnel vote delayed after cost review', date: '2025-03-02' },
        { title: 'Council backs new ferry schedule', date: '2025-04-10' },
        { title: 'An undated note', date: null },
      ],
      speakers: [
        {
          name: 'Ana Ortiz',
          quotes: [
            { text: 'The tunnel costs have doubled.', title: 'Harbor tunnel vote delayed after cost review' },
            {
              text: 'We cannot vote on this tunnel yet.',
              title: 'Harbor tunnel vote delayed after cost review',
            },
            { text: 'Ortiz is my name.', title: 'Harbor tunnel vote delayed after cost review' },
          ],
        },
        {
          name: 'Lee Park',
          quotes: [{ text: 'Riders asked for it.', title: 'Council backs new ferry schedule' }],
        },
        { name: 'Quiet Person', quotes: [] },
      ],
    });
    assert.deepEqual(
      questions.map((question) => question.message),
      [
        'What did Ana Ortiz say about tunnel?',
        'What did Lee Park say?',
        'Summarize “Council backs new ferry schedule”',
        'What documents do you have?',
      ],
    );
  });

  it('keeps titles short and suggests nothing when there are no documents', () => {
    const long = 'A'.repeat(200);
    const [summary] = suggestedQuestions({ documents: [{ title: long, date: null }], speakers: [] });
    assert.ok(summary && summary.title.length <= 60 && summary.message === `Summarize “${long}”`);
    assert.deepEqual(suggestedQuestions({ documents: [], speakers: [] }), []);
  });
});
