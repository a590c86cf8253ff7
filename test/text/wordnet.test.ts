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

describe('Wordnet.isKindOf', () => {
  const wordnet = new Wordnet();
  after(() => wordnet.close());

  it('says whether a name or noun is an instance or a kind of another noun, in some sense', () => {
    assert.equal(wordnet.isKindOf('Moscow', 'city'), true);
    assert.equal(wordnet.isKindOf('Ukraine', 'city'), false);
    assert.equal(wordnet.isKindOf('county', 'district'), true);
    assert.equal(wordnet.isKindOf('position', 'district'), false);
  });

  it('knows nothing of a name WordNet lacks, and can read a noun in its first sense only', () => {
    assert.equal(wordnet.isKindOf('Zorvath', 'city'), null);
    // A department is a French administrative district only in its second sense.
    assert.equal(wordnet.isKindOf('departments', 'district'), true);
    assert.equal(wordnet.isKindOf('departments', 'district', true), false);
  });
});
