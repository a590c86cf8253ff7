import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedbackValue, readFeedbackValue } from '../../src/slack/views/feedback-value.js';

describe('feedback button values', () => {
  it('carry the question and the cited passages back with the vote', () => {
    const subject = {
      question: 'Who said "one provider" — and when?',
      citations: [
        { doc: 'corpus/a.md', paragraph: 11 },
        { doc: 'corpus/b.md', paragraph: 2 },
      ],
    };
    assert.deepEqual(readFeedbackValue(feedbackValue('not_helpful', subject)), {
      vote: 'not_helpful',
      subject,
    });
  });

  it("stay within Slack's 2,000 characters however long the question and however many citations", () => {
    const citations = Array.from({ length: 200 }, (_, i) => ({
      doc: `corpus/${'d'.repeat(60)}-${i}.md`,
      paragraph: i + 1,
    }));
    const value = feedbackValue('helpful', { question: '"'.repeat(5000), citations });
    assert.ok(value.length <= 2000, String(value.length));
    const read = readFeedbackValue(value);
    assert.equal(read.vote, 'helpful');
    assert.equal(read.subject?.question, '"'.repeat(500));
    // The citations that fit are kept in order; the rest are dropped, never cut in half.
    assert.ok((read.subject?.citations.length ?? 0) > 0);
    assert.deepEqual(read.subject?.citations, citations.slice(0, read.subject?.citations.length));
  });

  it('reads the bare votes of buttons posted before values carried their subject', () => {
    assert.deepEqual(readFeedbackValue('helpful'), { vote: 'helpful' });
    assert.equal(feedbackValue('helpful', undefined), 'helpful');
  });

  it('checks a value field by field: malformed JSON, wrong types and bad citations are not trusted', () => {
    assert.deepEqual(readFeedbackValue('{not json'), { vote: '{not json' });
    assert.deepEqual(readFeedbackValue('{"v":"helpful","q":7,"c":[]}'), { vote: 'helpful' });
    assert.deepEqual(
      readFeedbackValue('{"v":"helpful","q":"q","c":[["a.md",0],["b.md","3"],[5,2],["c.md",4]]}'),
      {
        vote: 'helpful',
        subject: { question: 'q', citations: [{ doc: 'c.md', paragraph: 4 }] },
      },
    );
    assert.equal(readFeedbackValue(`{"v":"${'x'.repeat(100)}"}`).vote.length, 32);
  });
});
