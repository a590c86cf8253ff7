import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { ingest } from '../../src/index/ingest.js';
import { loadGenerationInWorker } from '../../src/index/load-in-worker.js';
import { HnswVectorIndex } from '../../src/index/vector-index.js';
import { tempDir } from '../support/temp-dir.js';

const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });

async function corpusAndIndex() {
  const dir = await tempDir();
  await cp('corpus', join(dir, 'corpus'), { recursive: true });
  return { corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index'), embedder };
}

/** The first document sorts first: an edit there moves every later chunk's position. */
const EDITED = 'axios-musk-putin-spacex.md';

async function editFirstDocument(corpusDir: string): Promise<void> {
  const path = join(corpusDir, EDITED);
  const text = await readFile(path, 'utf8');
  await writeFile(
    path,
    `${text.trimEnd()}\n\nA spokesperson said the review of the launch contracts would end next month.\n`,
  );
}

/** Labels of the nearest chunks by an exact scan of the index's vectors (cosine). */
function exactNearest(index: IndexData, query: number[], k: number): number[] {
  const dimensions = index.manifest.embedder.dimensions;
  const norm = (row: ArrayLike<number>) => Math.sqrt(Array.from(row).reduce((sum, v) => sum + v * v, 0)) || 1;
  const scored = index.chunks.map((chunk) => {
    const row = index.vectors.subarray(chunk.label * dimensions, (chunk.label + 1) * dimensions);
    const dot = row.reduce((sum, value, i) => sum + value * (query[i] ?? 0), 0);
    return { label: chunk.label, similarity: dot / (norm(row) * norm(query)) };
  });
  return scored
    .sort((a, b) => b.similarity - a.similarity || a.label - b.label)
    .slice(0, k)
    .map((hit) => hit.label);
}

const QUERIES = [
  'security clearance for Elon Musk',
  'Starlink service over Ukraine',
  'the review of the launch contracts',
];

async function assertSearchesExact(index: IndexData): Promise<void> {
  for (const question of QUERIES) {
    const query = await embedder.embeddings.embedQuery(question);
    assert.deepEqual(
      index.hnsw.search(query, 8).map((hit) => hit.label),
      exactNearest(index, query, 8),
      `"${question}": the graph's nearest chunks are the exact ones`,
    );
  }
}

describe('an edited vector graph (one document changed: no rebuild)', () => {
  it('keeps every unchanged text under its vector label, adds only the new ones, and searches as an exact scan', async () => {
    const paths = await corpusAndIndex();
    const first = await ingest(paths);
    const labelOfText = new Map(first.index.chunks.map((chunk) => [chunk.text, chunk.label]));
    await editFirstDocument(paths.corpusDir);
    const second = await ingest(paths);
    assert.deepEqual(second.report.changed, [`corpus/${EDITED}`]);
    const moved = second.index.chunks.filter((chunk) => chunk.vector !== undefined);
    assert.ok(moved.length > 0, 'chunks after the edit moved, their vectors kept their labels');
    for (const chunk of second.index.chunks) {
      const before = labelOfText.get(chunk.text);
      if (before !== undefined)
        assert.equal(second.index.hnsw.graphLabelOf(chunk.label), before, `${chunk.id} kept its vector`);
    }
    const added = second.index.chunks.filter((chunk) => !labelOfText.has(chunk.text));
    assert.ok(added.length >= 1);
    assert.equal(second.index.hnsw.size, second.index.chunks.length);
    await assertSearchesExact(second.index);
    // Read back from disk, on this thread and through the worker the bot uses: the same searches.
    const reread = await readIndex(paths.indexDir, { embedderId: embedder.id });
    assert.equal(reread.manifest.formatVersion, 4);
    await assertSearchesExact(reread);
    await assertSearchesExact(
      await loadGenerationInWorker({ indexDir: paths.indexDir, embedderId: embedder.id }),
    );
    // Edited again, the graph keeps its size: the deleted point's label is taken by the next new text.
    const original = await readFile(join(paths.corpusDir, EDITED), 'utf8');
    await editFirstDocument(paths.corpusDir);
    const third = await ingest(paths);
    await assertSearchesExact(third.index);
    assert.equal(third.index.hnsw.size, third.index.chunks.length);
    // Back to the first text: every chunk at its first position again, the added points deleted; read
    // back, the graph is still known to hold those deleted points.
    await writeFile(
      join(paths.corpusDir, EDITED),
      original.replace(/\n\nA spokesperson said[^\n]*\n$/, '\n'),
    );
    await ingest(paths);
    await assertSearchesExact(await readIndex(paths.indexDir, { embedderId: embedder.id }));
  });

  it('builds afresh when most of the graph would be deleted points', async () => {
    const paths = await corpusAndIndex();
    const first = await ingest(paths);
    // Only the last document stays: an edited graph would keep its vectors under their old labels.
    for (const name of [
      EDITED,
      'reed-2023-09-starlink-vulnerabilities-statement.md',
      'reed-shaheen-2024-11-15-musk-spacex-investigation.md',
      'shaheen-2023-09-starlink-letter-to-austin.md',
    ])
      await rm(join(paths.corpusDir, name));
    const smaller = await ingest(paths);
    assert.ok(smaller.index.chunks.length * 2 < first.index.chunks.length, 'most chunks are gone');
    assert.deepEqual(
      smaller.index.chunks.filter((chunk) => chunk.vector !== undefined),
      [],
      'a fresh graph: each vector under its position',
    );
    await assertSearchesExact(smaller.index);
  });

  it('reads an index of the previous format (3, no graph labels) as it is, and the next ingest writes format 4', async () => {
    const paths = await corpusAndIndex();
    await ingest(paths);
    const manifestPath = join(paths.indexDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 3 }));
    const old = await readIndex(paths.indexDir, { embedderId: embedder.id });
    assert.equal(old.manifest.formatVersion, 3);
    await assertSearchesExact(old);
    await editFirstDocument(paths.corpusDir);
    const next = await ingest(paths);
    assert.equal(next.report.rebuildReason, null, 'not rebuilt from scratch');
    assert.deepEqual(next.report.changed, [`corpus/${EDITED}`]);
    assert.equal(next.index.manifest.formatVersion, 4);
    assert.ok(
      next.index.chunks.some((chunk) => chunk.vector !== undefined),
      'the old graph was edited',
    );
    await assertSearchesExact(next.index);
  });

  it('searches a collection of an edited graph by chunk position, through the graph walk', () => {
    // Large enough that a restricted search walks the graph rather than scanning (vector-index.ts).
    const dimensions = 8;
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    const rows = Array.from({ length: 4000 }, () => Array.from({ length: dimensions }, random));
    const graph = HnswVectorIndex.build(rows, dimensions);
    // The next generation: the same vectors in reverse order, the first 100 gone, 100 new at the end.
    const kept = rows.slice(100).reverse();
    const added = Array.from({ length: 100 }, () => Array.from({ length: dimensions }, random));
    const reuse = [...kept.map((_, i) => 3999 - i), ...added.map(() => null)];
    const edited = graph.edit([...kept, ...added], reuse);
    assert.ok(edited, 'edited, not rebuilt');
    const next = [...kept, ...added];
    assert.equal(edited.size, next.length);
    const vectors = Float32Array.from(next.flat());
    const allowed = next.map((_, position) => position).filter((position) => position % 20 !== 0);
    const view = edited.restrictedTo(allowed, vectors);
    const query = Array.from({ length: dimensions }, random);
    const cosine = (row: number[]) => {
      const dot = row.reduce((sum, value, i) => sum + value * (query[i] ?? 0), 0);
      return dot / (Math.hypot(...row) * Math.hypot(...query));
    };
    const exact = allowed
      .map((position) => ({ position, similarity: cosine(next[position] ?? []) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10)
      .map((hit) => hit.position);
    const found = view.search(query, 10).map((hit) => hit.label);
    assert.ok(
      found.every((position) => position % 20 !== 0),
      'only allowed chunks',
    );
    assert.ok(found.filter((position) => exact.includes(position)).length >= 9, `${found} vs ${exact}`);
    // Unrestricted, positions too: the nearest chunk to a kept vector is that chunk.
    assert.equal(edited.search(kept[5] ?? [], 1)[0]?.label, 5);
  });
});
