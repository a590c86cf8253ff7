import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readNounPhrase } from '../../src/quotes/noun-phrase.js';
import { readWords } from '../../src/quotes/read-word.js';

describe('the word and noun-phrase caches of the sieves', () => {
  it('gives every caller its own copy, so changing one never changes what the next reads', () => {
    const text = 'The state Office of Early Learning said on Monday that prices rose.';
    const first = readWords(text, 0, text.length);
    const count = first.length;
    first.pop();
    first.length = 0;
    assert.equal(readWords(text, 0, text.length).length, count);
    const np = readNounPhrase(text, 0, true);
    assert.ok(np);
    np.end = 0;
    assert.notEqual(readNounPhrase(text, 0, true)?.end, 0);
  });

  it('reads a range that runs past the text as the range to its end', () => {
    const text = 'Ana Ruiz said no one was injured.';
    assert.deepEqual(
      readWords(text, 9, text.length + 200).map((w) => w.text),
      ['said', 'no', 'one', 'was', 'injured'],
    );
    assert.deepEqual(
      readWords(text, 10, text.length + 40).map((w) => w.text),
      ['aid', 'no', 'one', 'was', 'injured'],
    );
  });

  it('keys by position and text, so equal positions in other texts read their own words', () => {
    assert.equal(
      readWords('Ana Ruiz said', 0, 8)
        .map((w) => w.text)
        .join(' '),
      'Ana Ruiz',
    );
    assert.equal(
      readWords('Tom Hale said', 0, 8)
        .map((w) => w.text)
        .join(' '),
      'Tom Hale',
    );
    assert.equal(readNounPhrase('Ana Ruiz said', 0, true)?.text, 'Ana Ruiz');
    assert.equal(readNounPhrase('Tom Hale said', 0, true)?.text, 'Tom Hale');
  });
});
