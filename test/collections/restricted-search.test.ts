import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LexicalIndex } from '../../src/index/lexical-index.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';
import { Random } from '../support/seeded-random.js';

function vectors(count: number, dimensions: number, next: () => number): number[][] {
  return Array.from({ length: count }, () => Array.from({ length: dimensions }, () => next() - 0.5));
}

function exactTop(rows: number[][], labels: number[], query: number[], k: number): number[] {
  const cosine = (a: number[], b: number[]) => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    a.forEach((value, i) => {
      dot += value * (b[i] ?? 0);
      na += value * value;
      nb += (b[i] ?? 0) ** 2;
    });
    return dot / Math.sqrt(na * nb);
  };
  return labels
    .map((label) => ({ label, similarity: cosine(rows[label] ?? [], query) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k)
    .map((hit) => hit.label);
}

describe('searches restricted to some chunks', () => {
  const dimensions = 16;
  const seeded = new Random(16);
  const next = () => seeded.next();
  const rows = vectors(6000, dimensions, next);
  const graph = HnswVectorIndex.build(rows, dimensions);
  const flat = new Float32Array(rows.flat());

  it('a small allowed set is scanned exactly: the true nearest allowed neighbours, nothing else', () => {
    const labels = Array.from({ length: 60 }, (_, i) => i * 100 + 7);
    const restricted = graph.restrictedTo(labels, flat);
    assert.equal(restricted.size, 60);
    for (const query of vectors(20, dimensions, next)) {
      const hits = restricted.search(query, 10).map((hit) => hit.label);
      assert.deepEqual(hits, exactTop(rows, labels, query, 10));
    }
  });

  it('a large allowed set is searched in the graph with the filter applied during the walk', () => {
    const allowedSet = new Set<number>();
    while (allowedSet.size < 5000) allowedSet.add(Math.floor(next() * rows.length));
    const labels = [...allowedSet];
    const restricted = graph.restrictedTo(labels, flat);
    let found = 0;
    let total = 0;
    for (const query of vectors(30, dimensions, next)) {
      const hits = restricted.search(query, 10).map((hit) => hit.label);
      assert.equal(hits.length, 10, 'a full top-k even though other labels are near');
      assert.ok(hits.every((label) => allowedSet.has(label)));
      const truth = new Set(exactTop(rows, labels, query, 10));
      found += hits.filter((label) => truth.has(label)).length;
      total += truth.size;
    }
    assert.ok(found / total >= 0.95, `recall@10 ${found / total}`);
  });

  it('BM25 returns only allowed chunks, and word counts (what says a name exists) are theirs alone', () => {
    const texts = [
      'Okonkwo said the quitclaim would wait',
      'the regatta moves north, Lindqvist said',
      'the harbour board met on Tuesday',
    ];
    const lexical = LexicalIndex.build(
      texts.map((text, label) => ({ label, text, speakers: '', title: '' })),
    );
    const restricted = lexical.restrictedTo([1, 2], texts.length);
    assert.deepEqual(
      restricted.search({ text: 'Okonkwo quitclaim', limit: 10 }).map((hit) => hit.label),
      [],
    );
    assert.equal(restricted.documentFrequency('Okonkwo'), 0);
    assert.equal(restricted.containsAll('Okonkwo'), false);
    assert.equal(lexical.documentFrequency('Okonkwo'), 1);
    for (const word of ['said', 'the', 'harbour', 'regatta', 'quitclaim', 'moves', 'Tuesday'])
      assert.equal(
        restricted.documentFrequency(word),
        LexicalIndex.build(
          [1, 2].map((label) => ({ label, text: texts[label] ?? '', speakers: '', title: '' })),
        ).documentFrequency(word),
        `the count of "${word}" over the allowed chunks alone`,
      );
    assert.deepEqual(
      restricted
        .search({ text: 'regatta harbour', limit: 10 })
        .map((hit) => hit.label)
        .sort(),
      [1, 2],
    );
    assert.equal(
      restricted.inverseDocumentFrequency('regatta'),
      Math.log(1 + 2 / 1),
      'IDF over the allowed chunks only',
    );
  });
});
