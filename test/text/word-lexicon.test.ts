import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import nlp from 'compromise';
import { firstNameGender, isCommonWord, isFirstName, lexiconTags } from '../../src/text/word-lexicon.js';

describe('the word lexicon snapshot (data/lexicon.json)', () => {
  it('is exactly the lexicon of the installed compromise (run scripts/build-lexicon.js when not)', () => {
    const lexicon = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one
      .lexicon;
    const words = Object.keys(lexicon);
    const snapshot = JSON.parse(readFileSync('data/lexicon.json', 'utf8')) as {
      byTags: Record<string, string[]>;
    };
    assert.equal(Object.values(snapshot.byTags).flat().length, words.length);
    for (const word of words) {
      const value = lexicon[word] ?? '';
      assert.equal(lexiconTags(word), Array.isArray(value) ? value.join(',') : value, word);
    }
  });

  it('answers the questions attribution asks of it', () => {
    assert.equal(firstNameGender('Jeanne'), 'f');
    assert.equal(firstNameGender('Walter'), 'm');
    assert.ok(isFirstName('Elizabeth'));
    assert.ok(isCommonWord('price'));
    assert.ok(!isCommonWord('Shaheen'));
  });

  it('knows a first name written with its accents as the same name', () => {
    assert.equal(firstNameGender('Lucía'), 'f');
    assert.equal(firstNameGender('José'), 'm');
    assert.ok(isFirstName('Lucía'));
  });
});
