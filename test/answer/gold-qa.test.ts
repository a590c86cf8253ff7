import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

interface GoldQuestion {
  q: string;
  paragraphs: number[];
  speaker: string | null;
  answerable: boolean;
}
const gold = JSON.parse(readFileSync('test/fixtures/axios-musk-putin-spacex.qa.json', 'utf8')) as {
  doc: string;
  questions: GoldQuestion[];
};
const dev = JSON.parse(readFileSync('test/fixtures/dev-questions.json', 'utf8')) as {
  questions: (Omit<GoldQuestion, 'speaker'> & { doc?: string })[];
};

function citesGold(answer: Answer, doc: string, paragraphs: number[]): boolean {
  return answer.citations
    .slice(0, 3)
    .some((citation) => citation.doc === doc && paragraphs.includes(citation.paragraph));
}

describe('answers on the gold questions (offline, extractive)', () => {
  let fixture: SearchFixture;
  before(async () => {
    fixture = await searchFixture();
  });

  for (const question of gold.questions) {
    it(`${question.answerable ? 'answers' : 'abstains on'}: ${question.q}`, async () => {
      const answer = await ask(fixture.context, { question: question.q, k: 5 });
      assert.equal(answer.abstained, !question.answerable, answer.answer);
      if (!question.answerable) {
        assert.deepEqual(answer.citations, []);
        return;
      }
      assert.ok(
        citesGold(answer, gold.doc, question.paragraphs),
        `a gold paragraph among the first three citations: ${JSON.stringify(answer.citations.map((c) => c.paragraph))}`,
      );
      if (question.speaker) {
        const credited = answer.citations.some(
          (citation) =>
            citation.doc === gold.doc &&
            question.paragraphs.includes(citation.paragraph) &&
            citation.speaker === question.speaker,
        );
        assert.ok(credited, `the gold paragraph's citation credits ${question.speaker}`);
        assert.ok(
          answer.answer.toLowerCase().includes(question.speaker.toLowerCase()),
          `the answer names ${question.speaker}: ${answer.answer}`,
        );
      }
    });
  }

  it('abstains on questions with no topic words at all', async () => {
    for (const question of ['x', 'the', 'What?', 'Who said it?']) {
      const answer = await ask(fixture.context, { question, k: 5 });
      assert.equal(answer.abstained, true, question);
    }
  });

  it('generalises to the team’s own paraphrased and out-of-corpus questions', async () => {
    const failures: string[] = [];
    for (const question of dev.questions) {
      const answer = await ask(fixture.context, { question: question.q, k: 5 });
      const right = question.answerable
        ? !answer.abstained && citesGold(answer, question.doc ?? '', question.paragraphs)
        : answer.abstained;
      if (!right) failures.push(question.q);
    }
    // Measured, not special-cased: the bar is most of them, and the misses are listed when it fails.
    assert.ok(failures.length <= Math.floor(dev.questions.length * 0.15), `missed: ${failures.join(' | ')}`);
  });
});
