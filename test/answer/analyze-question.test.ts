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

test('a leading adverbial clause does not decide the kind of question', () => {
  const after = analyzeQuestion('When Axios reached out, what did SpaceX point them to?', { wordnet });
  assert.equal(after.kind, 'other');
  assert.equal(after.expects, null);
  const when = analyzeQuestion('When did SpaceX answer Axios?', { wordnet });
  assert.equal(when.expects, 'time');
  assert.equal(analyzeQuestion('If Musk loses his clearance, who would decide?', { wordnet }).kind, 'who');
});

test('a shell noun after "what" is no thing a passage must name', () => {
  assert.equal(
    analyzeQuestion('What stuff did the senators want from the Pentagon?', { wordnet }).focus,
    null,
  );
  assert.equal(analyzeQuestion('What danger did the senators point to?', { wordnet }).focus, null);
  assert.equal(analyzeQuestion('What bill did Warren introduce?', { wordnet }).focus?.word, 'bill');
});

test('a standard abbreviation capitalised as a first word names no one', () => {
  const names = (question: string) =>
    analyzeQuestion(question, { wordnet }).entities.map((entity) => entity.name);
  assert.deepEqual(names("Gov't contracts: which of Musk's companies hold most of them?"), ['Musk']);
  assert.ok(termsOf("Gov't contracts: which of Musk's companies hold most of them?").includes('government'));
  assert.deepEqual(names('What did Gen. Pratt tell the committee?'), ['Gen. Pratt']);
});

test('a capitalised word with a period is read as the abbreviation WordNet lists ("Pa." → Pennsylvania)', () => {
  const inCorpus = (word: string) => word === 'pennsylvania';
  const terms = analyzeQuestion('What did Musk say at the Pa. town hall?', { wordnet, inCorpus }).keyTerms;
  assert.ok(terms.find((term) => term.word === 'pa')?.equivalentStems.includes('pennsylvania'));
  // Without the period it is the plain word, and stands for no state.
  const plain = analyzeQuestion('What did Musk say to his Pa about it?', { wordnet, inCorpus }).keyTerms;
  assert.deepEqual(plain.find((term) => term.word === 'pa')?.equivalentStems ?? [], []);
});

test('an initialism is read as the proper names WordNet files it under ("PA" → Pennsylvania, not "dad")', () => {
  assert.deepEqual(wordnet.properNameSynonyms('PA'), ['pennsylvania']);
  const inCorpus = (word: string) => ['pennsylvania', 'dad'].includes(word);
  const terms = analyzeQuestion('What did Musk say at the PA town hall?', { wordnet, inCorpus }).keyTerms;
  assert.deepEqual(terms.find((term) => term.word === 'pa')?.equivalentStems, ['pennsylvania']);
});

test('a verb and its particle are read as one phrasal verb, with its own synonyms ("look into" → investigate)', () => {
  assert.ok(wordnet.phrasalSynonyms('looking', 'into').includes('investigate'));
  const terms = analyzeQuestion('What was the inspector asked to look into?', { wordnet }).keyTerms;
  assert.ok(terms.find((term) => term.word === 'look')?.synonymStems.includes('investig'));
});

test('the wh-phrase noun is read past its modifiers and its prepositional phrase, never from an auxiliary', () => {
  const named = (question: string) => analyzeQuestion(question, { wordnet }).namedBy?.word ?? null;
  assert.equal(named('Which WSJ reporter broke the story?'), 'reporter');
  assert.equal(named('Which city in southern Ukraine was the attack near?'), 'city');
  assert.equal(named('Which officials besides Putin has Musk been in contact with?'), 'officials');
  assert.equal(named('Which senators signed the letter?'), 'senators');
  // "would" is an auxiliary, "Washington" the subject: no noun is asked for.
  assert.equal(named('What would Washington do first?'), null);
});

test('party and office abbreviations of political news are common words, not names the documents lack', () => {
  const analysis = analyzeQuestion('What did the Dems ask the POTUS about?', { wordnet });
  assert.deepEqual(analysis.entities, []);
  assert.ok(termsOf('What did the Dems ask the POTUS about?').includes('democrats'));
  assert.ok(termsOf('What did the Dems ask the POTUS about?').includes('president'));
});
