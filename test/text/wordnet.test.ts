import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Wordnet } from '../../src/text/wordnet.js';

describe('Wordnet.antonyms', () => {
  const wordnet = new Wordnet();
  after(() => wordnet.close());

  it("gives the words filed as a word's opposites, for any part of speech and inflection", () => {
    assert.deepEqual(wordnet.antonyms('northern'), ['southern']);
    assert.ok(wordnet.antonyms('public').includes('private'));
    assert.ok(wordnet.antonyms('increased').includes('decrease'));
    assert.ok(wordnet.antonyms('rises').includes('fall'));
  });

  it('gives nothing for a word with no opposite, and never a synonym', () => {
    assert.deepEqual(wordnet.antonyms('senator'), []);
    assert.ok(!wordnet.antonyms('deny').includes('refuse'));
  });
});
