import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandBlend } from '../../src/text/blends.js';
import { irregularBase } from '../../src/text/irregular-verbs.js';
import { boundedEdits, Vocabulary } from '../../src/text/spelling.js';
import { Wordnet } from '../../src/text/wordnet.js';

describe('clipped forms read as the vocabulary words they shorten', () => {
  const vocabulary = new Vocabulary(
    new Map([
      ['management', 5],
      ['manager', 2],
      ['information', 4],
      ['informal', 1],
      ['building', 3],
      ['bridge', 1],
      ['hospital', 2],
    ]),
  );

  it('reads a cut-off word as the most frequent word it starts', () => {
    assert.equal(vocabulary.expansion('info'), 'information', 'more frequent than "informal"');
    assert.equal(vocabulary.expansion('hosp'), 'hospital');
  });

  it('reads a vowel-less contraction as the word whose first and last letters it keeps', () => {
    assert.equal(vocabulary.expansion('mgmt'), 'management');
    assert.equal(vocabulary.expansion('bldg'), 'building');
  });

  it('leaves alone what is no clipped form of a vocabulary word', () => {
    assert.equal(vocabulary.expansion('mg'), null, 'two letters could stand for anything');
    assert.equal(vocabulary.expansion('bolden'), null, 'vowels, and the start of no word: a name');
    assert.equal(vocabulary.expansion('bldz'), null, 'a contraction keeps the last letter');
    assert.equal(vocabulary.expansion('Info'), null, 'the vocabulary is lower case');
  });
});

describe('spelling correction against a vocabulary', () => {
  const vocabulary = new Vocabulary(
    new Map([
      ['reliance', 3],
      ['reliable', 1],
      ['starlink', 9],
      ['street', 2],
      ['clearance', 4],
    ]),
  );

  it('finds the closest word within the edits the word’s length allows', () => {
    assert.equal(vocabulary.closest('relaince'), 'reliance', 'a swap of neighbours is one edit');
    assert.equal(vocabulary.closest('starlnk'), 'starlink');
    assert.equal(vocabulary.closest('stret'), 'street');
    assert.equal(vocabulary.closest('claerence'), 'clearance', 'two edits in a long word');
  });

  it('leaves words alone that are too short, too far, numeric or start with another letter', () => {
    assert.equal(vocabulary.closest('str'), null);
    assert.equal(vocabulary.closest('strut'), null, 'two edits in a five-letter word');
    assert.equal(vocabulary.closest('2024'), null);
    assert.equal(vocabulary.closest('treet'), null);
  });

  it('counts edits exactly and stops past the limit', () => {
    assert.equal(boundedEdits('kitten', 'sitting', 3), 3);
    assert.equal(boundedEdits('kitten', 'sitting', 2), null);
    assert.equal(boundedEdits('abcd', 'abdc', 1), 1);
  });
});

describe('clipped compounds and irregular verbs', () => {
  it('expands a clipped compound to the name the documents write in full', () => {
    const names = new Map([
      ['Secretary of Defense Lloyd Austin', 1],
      ['Central Command', 1],
    ]);
    assert.equal(expandBlend('SecDef', names), 'Secretary of Defense');
    assert.equal(expandBlend('CentCom', names), 'Central Command');
    assert.equal(expandBlend('SpaceX', names), null, 'a piece of one letter is no clipping');
    assert.equal(expandBlend('Secretary', names), null);
    // Typed in lower case, a blend is read when its cuts agree on one name.
    assert.equal(expandBlend('secdef', names), 'Secretary of Defense');
    assert.equal(expandBlend('centcom', names), 'Central Command');
    assert.equal(expandBlend('secretary', names), null);
    const both = new Map([
      ['Central Command', 1],
      ['Cen Tcomb', 1],
    ]);
    assert.equal(expandBlend('centcom', both), null, 'two names fit: no reading');
  });

  it('gives the base form of an irregular verb, which WordNet then knows', () => {
    assert.equal(irregularBase('paid'), 'pay');
    assert.equal(irregularBase('walked'), null);
    const wordnet = new Wordnet();
    try {
      assert.ok(wordnet.synonyms('paid').length > 0);
      assert.ok(wordnet.knows('agencies') && !wordnet.knows('starlnk'));
      assert.ok(wordnet.phraseSynonyms('Rhode Island').includes('ri'));
    } finally {
      wordnet.close();
    }
  });
});
