import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stateNames } from '../../src/text/us-states.js';

test('a state is known by its USPS code and AP abbreviation, a code by its state', () => {
  assert.deepEqual(stateNames('Virginia'), ['VA', 'Va.']);
  assert.deepEqual(stateNames('new hampshire'), ['NH', 'N.H.']);
  assert.deepEqual(stateNames('VA'), ['Virginia']);
  // Codes are read only in capitals: "me" and "or" are words.
  assert.deepEqual(stateNames('me'), []);
  assert.deepEqual(stateNames('Harbor'), []);
});
