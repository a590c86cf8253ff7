import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeQuestion } from '../../src/answer/analyze-question.js';
import { Wordnet } from '../../src/text/wordnet.js';

const wordnet = new Wordnet();
const termsOf = (question: string) =>
  analyzeQuestion(question, { wordnet }).keyTerms.map((term) => term.word);

test('a speech verb names no topic, the noun spelled the same does', () => {
  assert.ok(!termsOf('Did Musk talk to Putin?').includes('talk'));
  assert.ok(termsOf("What did Isaacson say about Musk's talks with Putin?").includes('talks'));
  assert.ok(termsOf('Who broke off the talks?').includes('talks'));
});
