import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentTerms, isStopword } from '../../src/text/terms.js';

test('a stop word with a clitic is a stop word too', () => {
  for (const word of ["shouldn't", "doesn't", "isn't", "can't", "won't", "you're", "they've", 'we’ll'])
    assert.equal(isStopword(word.replace('’', "'")), true, word);
  // Words that only look contracted keep their topic.
  for (const word of ["o'neill", "rock'n'roll", 'musk']) assert.equal(isStopword(word), false, word);
  for (const word of ['itself', 'themselves', 'herself']) assert.equal(isStopword(word), true, word);
  // Chat drops the apostrophe; only auxiliaries are read as contracted.
  for (const word of ['cant', 'didnt', 'doesnt', 'wont', 'isnt']) assert.equal(isStopword(word), true, word);
  for (const word of ['went', 'want', 'aunt', 'tent']) assert.equal(isStopword(word), false, word);
});

test('contractions of stop words leave no terms behind', () => {
  assert.deepEqual(contentTerms("Who said you shouldn't rely on a single supplier?"), [
    'reli',
    'singl',
    'supplier',
  ]);
});
