import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { speaksIn } from '../../src/answer/evidence.js';

describe('speaksIn: a name as the subject of a verb of communication', () => {
  const verbs = new Set(['respond', 'said', 'wrote']);
  const isVerb = (word: string) => verbs.has(word);

  it('takes the verb after the name, with only words between, or before it', () => {
    assert.ok(speaksIn('The Pentagon did not immediately respond to requests.', 'Pentagon', isVerb));
    assert.ok(speaksIn('"No comment," said the Pentagon.', 'Pentagon', isVerb));
    assert.ok(speaksIn('The plan fails, according to the agency.', 'agency', isVerb));
  });

  it('does not link a name to a verb across a comma', () => {
    assert.equal(
      speaksIn('In a letter to Frank Kendall, the senators wrote that…', 'Frank Kendall', isVerb),
      false,
    );
    assert.equal(speaksIn('Frank Kendall was sent a letter.', 'Frank Kendall', isVerb), false);
  });

  it('reads a base form right after the name as a noun it modifies, not the name speaking', () => {
    const communication = (word: string) => ['term', 'said', 'terms'].includes(word);
    assert.equal(speaksIn('How his empire changes with a second Trump term', 'Trump', communication), false);
    assert.ok(speaksIn('Trump said nothing about it.', 'Trump', communication));
  });
});
