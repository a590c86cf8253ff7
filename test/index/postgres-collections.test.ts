import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { loadPostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { bundledIndexCopy } from '../support/shared-index.js';

describe('vector search in PostgreSQL limited to collections', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let files: IndexData;
  before(async () => {
    database = await createTestDatabase();
    // Every connection to this database plans with the HNSW index (no sequential scan, no exact sort
    // of a collection's rows), as a large archive would: only then does the filter cut the candidates
    // one HNSW scan returns, which is what the iterative scan must make up for.
    const admin = testPool(database.url);
    for (const plan of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'])
      await admin.query(`ALTER DATABASE ${database.name} SET ${plan} = off`);
    await admin.end();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    files = replicated(await readIndex(await bundledIndexCopy(), { embedderId: embedder.id }), 12);
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('returns only rows of the allowed collections, and a small collection still gets its full top k', async () => {
    // One copy of the largest document is the small collection.
    const letters = files.documents.find((document) => document.id.startsWith('copy3/corpus/axios'));
    assert.ok(letters);
    await savePostgresIndex(pool, files, {
      collectionOf: (document) => (document.id === letters.id ? 'letters' : 'news'),
    });
    // ef_search as small as k, as when a large archive holds far more rows than one scan looks at.
    const loaded = await loadPostgresIndex(pool, files.manifest.embedder.id, { efSearch: 1 });
    assert.ok(loaded);
    assert.ok(loaded.manifest.chunkCount > 40 * 10, 'many more rows than one scan returns');
    const docOf = (label: number) => loaded.store?.documentOf(label);
    const letterChunks = files.chunks.filter((chunk) => chunk.doc === letters.id).length;
    const k = 10;
    assert.ok(letterChunks >= k, 'the small collection has a top k to find');
    // Queries far from the small collection: a news chunk's own vector, whose nearest rows are news.
    const newsChunks = files.chunks.filter((chunk) => chunk.doc !== letters.id);
    for (const chunk of newsChunks.filter((_, i) => i % 37 === 0)) {
      const query = vectorOf(files, chunk.label);
      const onlyLetters = await loaded.vectorSearch.nearest(query, k, { collections: ['letters'] });
      assert.equal(onlyLetters.length, k, 'the whole top k, though most close rows were filtered out');
      assert.ok(onlyLetters.every((hit) => docOf(hit.label) === letters.id));
      const onlyNews = await loaded.vectorSearch.nearest(query, 10, { collections: ['news'] });
      assert.equal(onlyNews.length, 10);
      assert.ok(onlyNews.every((hit) => docOf(hit.label) !== letters.id));
      const both = await loaded.vectorSearch.nearest(query, 10, { collections: ['news', 'letters'] });
      assert.deepEqual(both, await loaded.vectorSearch.nearest(query, 10));
      assert.deepEqual(await loaded.vectorSearch.nearest(query, 10, { collections: ['sports'] }), []);
    }
    // The collection is stored with the quotes too, for the quote lookups that filter on it.
    const { rows } = await pool.query<{ collection: string; document_id: string }>(
      'SELECT DISTINCT collection, document_id FROM whosaid_quotes',
    );
    for (const row of rows) assert.equal(row.collection, row.document_id === letters.id ? 'letters' : 'news');

    // Moving a document to another collection needs no new vectors: its rows follow.
    const moved = await savePostgresIndex(pool, files, { collectionOf: () => 'news' });
    assert.deepEqual(moved.written, []);
    const { rows: left } = await pool.query("SELECT 1 FROM whosaid_chunks WHERE collection = 'letters'");
    assert.equal(left.length, 0);
  });
});

/**
 * The index with every document repeated `copies` times under other ids, each copy's vectors moved a
 * little (so no two rows are equal): enough rows that one HNSW scan sees only a small part of them.
 */
function replicated(index: IndexData, copies: number): IndexData {
  const documents = [];
  const chunks = [];
  const rows: number[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const idOf = (id: string) => `copy${copy}/${id}`;
    for (const document of index.documents) documents.push({ ...document, id: idOf(document.id) });
    for (const chunk of index.chunks) {
      chunks.push({ ...chunk, doc: idOf(chunk.doc), id: idOf(chunk.id), label: chunks.length });
      const vector = vectorOf(index, chunk.label);
      rows.push(...vector.map((value, i) => value + 0.02 * (((copy * 31 + i) % 7) - 3)));
    }
  }
  return { ...index, documents, chunks, vectors: new Float32Array(rows) };
}

function vectorOf(index: IndexData, label: number): number[] {
  const { dimensions } = index.manifest.embedder;
  return Array.from(index.vectors.subarray(label * dimensions, (label + 1) * dimensions));
}
