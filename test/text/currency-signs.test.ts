import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spellCurrencySigns } from '../../src/text/currency-signs.js';

test('a currency sign standing alone is read as its currency; an amount keeps its sign', () => {
  assert.equal(
    spellCurrencySigns('how much govt $ has SpaceX gotten?'),
    'how much govt dollars has SpaceX gotten?',
  );
  assert.equal(spellCurrencySigns('was it more than €?'), 'was it more than euros?');
  assert.equal(spellCurrencySigns('did they get $5 billion or 3$?'), 'did they get $5 billion or 3$?');
  assert.equal(spellCurrencySigns('the US$ contracts'), 'the US$ contracts');
});
