import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findProperNames } from '../../src/text/proper-names.js';

const names = (text: string) => findProperNames(text).map((name) => `${name.name}/${name.kind}`);

describe('findProperNames', () => {
  it('takes capitalised runs, not the capital that starts a question', () => {
    assert.deepEqual(names('What did Tim Cook say about iPhone sales?'), ['Tim Cook/person']);
    assert.deepEqual(names('Did the Pentagon comment on the story?'), ['Pentagon/other']);
    assert.deepEqual(names('who said nasa was great'), []);
  });

  it('joins "of" inside a name, but not after an initialism, and splits names joined by "and"', () => {
    assert.deepEqual(names('What did Sen. Warren ask the U.S. Department of Defense?'), [
      'Sen. Warren/person',
      'U.S. Department of Defense/other',
    ]);
    assert.deepEqual(names('Who is the CEO of Blue Origin?'), ['CEO/other', 'Blue Origin/other']);
    assert.deepEqual(names('What did Jeanne Shaheen and Jack Reed ask?'), [
      'Jeanne Shaheen/person',
      'Jack Reed/person',
    ]);
  });

  it('ends a name at a possessive: what a name owns is a name of its own', () => {
    assert.deepEqual(names("What did Merrick Garland's DOJ say?"), [
      'Merrick Garland/person',
      'DOJ/organization',
    ]);
  });

  it('reads months and weekdays as dates, not names', () => {
    assert.deepEqual(names('Why did the senators write to Austin in Sept 2023, on a Friday in September?'), [
      'Austin/person',
    ]);
  });
});
