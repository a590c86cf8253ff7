import assert from 'node:assert/strict';
import { cp, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import pgvector from 'pgvector';
import { ask } from '../../src/answer/ask.js';
import { corpusNameRuns } from '../../src/answer/corpus-names.js';
import { corpusTables } from '../../src/answer/corpus-tables.js';
import { findQuotes } from '../../src/answer/find-quotes.js';
import { createSearchContext, type SearchContext } from '../../src/answer/search-context.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { readIndex } from '../../src/index/index-store.js';
import { loadPostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { tempDir } from '../support/temp-dir.js';

const gold = JSON.parse(await readFile('test/fixtures/axios-musk-putin-spacex.qa.json', 'utf8')) as {
  questions: { q: string }[];
};
const dev = JSON.parse(await readFile('test/fixtures/dev-questions.json', 'utf8')) as {
  questions: { q: string }[];
};
const quotesGold = JSON.parse(
  await readFile('test/fixtures/axios-musk-putin-spacex.quotes.json', 'utf8'),
) as {
  speakers: Record<string, string | null>;
};

async function count(pool: pg.Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM ${table}`);
  return Number(rows[0]?.count);
}

describe('the corpus index in PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let corpusDir: string;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('index'));
    corpusDir = join(await tempDir(), 'corpus');
    await cp('corpus', corpusDir, { recursive: true });
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('round-trips the index exactly, and is written again only for documents that changed', async () => {
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const files = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });
    const first = await savePostgresIndex(pool, files);
    assert.equal(first.written.length, files.documents.length);
    assert.equal(await count(pool, 'whosaid_chunks'), files.chunks.length);
    const quoteCount = files.documents.reduce((sum, document) => sum + document.quotes.length, 0);
    assert.equal(await count(pool, 'whosaid_quotes'), quoteCount);
    const loaded = await loadPostgresIndex(pool, embedder.id);
    assert.ok(loaded);
    // Documents come without their quotes, which are read when asked for.
    assert.deepEqual(
      loaded.documents,
      files.documents.map((document) => ({ ...document, quotes: [] })),
    );
    for (const document of loaded.documents)
      assert.deepEqual(
        await loaded.quoteStore?.ofDocument(document),
        files.documents.find((own) => own.id === document.id)?.quotes,
      );
    // No chunk is held: each is read when asked for, as the files backend holds it.
    assert.deepEqual(loaded.chunks, []);
    const read = await loaded.store?.byLabel(files.chunks.map((chunk) => chunk.label));
    assert.deepEqual([...(read?.values() ?? [])], files.chunks);
    assert.deepEqual(await storedVectors(pool, files.chunks), files.vectors);
    assert.deepEqual(loaded.manifest, files.manifest);
    assert.equal('hnsw' in loaded || 'vectors' in loaded, false, 'a replica holds no vectors');
    // At query time pgvector finds what hnswlib finds (both are exact at this size and ef).
    for (const chunk of files.chunks.filter((_, i) => i % 25 === 0)) {
      const query = Array.from(files.vectors.subarray(chunk.label * 384, (chunk.label + 1) * 384));
      const fromPostgres = await loaded.vectorSearch.nearest(query, 10);
      assert.deepEqual(
        fromPostgres.map((hit) => hit.label),
        files.hnsw.search(query, 10).map((hit) => hit.label),
      );
      assert.equal(fromPostgres[0]?.label, chunk.label);
    }

    const again = await savePostgresIndex(pool, files);
    assert.deepEqual(again.written, []);
    assert.equal(again.unchanged.length, files.documents.length);

    const [changed, removed, ...rest] = files.documents;
    assert.ok(changed && removed);
    const edited = {
      ...files,
      documents: [{ ...changed, contentHash: 'changed' }, ...rest],
      chunks: files.chunks.filter((chunk) => chunk.doc !== removed.id),
    };
    const partial = await savePostgresIndex(pool, edited);
    assert.deepEqual(partial.written, [changed.id]);
    assert.deepEqual(partial.removed, [removed.id]);
    assert.equal(
      await count(pool, 'whosaid_chunks'),
      files.chunks.filter((chunk) => chunk.doc !== removed.id).length,
    );
    // The HNSW index exists for the embedder's dimension, built as hnswlib's graph is (m 16, ef 200).
    const hnswIndexes = async () =>
      (
        await pool.query<{ indexname: string; indexdef: string }>(
          "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'whosaid_chunks_embedding%'",
        )
      ).rows;
    const [built, ...others] = await hnswIndexes();
    assert.deepEqual(others, []);
    assert.equal(built?.indexname, 'whosaid_chunks_embedding_384_m16_ef200');
    assert.match(
      built?.indexdef ?? '',
      /USING hnsw \(\(\(embedding\)::vector\(384\)\) vector_cosine_ops\) WITH \(m='16', ef_construction='200'\)/,
    );
    // A database whose index an earlier version built (pgvector's default ef_construction 64, the old
    // name) gets the new one at its next publication, even one that changes no document.
    await pool.query(`DROP INDEX ${built?.indexname}`);
    await pool.query(`CREATE INDEX whosaid_chunks_embedding_384 ON whosaid_chunks
      USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE vector_dims(embedding) = 384`);
    assert.deepEqual((await savePostgresIndex(pool, edited)).written, []);
    assert.deepEqual(
      (await hnswIndexes()).map((index) => index.indexname),
      ['whosaid_chunks_embedding_384_m16_ef200'],
    );
    await assert.rejects(loadPostgresIndex(pool, 'another-embedder'), /built with embeddings "local/);
  });

  it('publishes the corpus-wide tables with the index; an index published without them is read as before', async () => {
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const wordnet = new Wordnet();
    const files = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });
    await savePostgresIndex(pool, files);
    const withTables = await loadPostgresIndex(pool, embedder.id);
    assert.ok(withTables);
    assert.deepEqual(withTables.tables, corpusTables(files));
    // The attributed quotes are counted per document without reading them.
    for (const document of withTables.documents)
      assert.equal(
        withTables.quoteStore?.attributed(document),
        files.documents.find((own) => own.id === document.id)?.quotes.filter((quote) => quote.speaker).length,
      );
    const fromFiles = createSearchContext(files, embedder, wordnet);
    // An index an earlier version published has no tables: they are built from its chunks, alike.
    await pool.query('UPDATE whosaid_index SET corpus_tables = NULL');
    const without = await loadPostgresIndex(pool, embedder.id);
    assert.ok(without && !('tables' in without) && !('store' in without));
    assert.deepEqual(without.chunks, files.chunks, 'its chunks are read whole, as before');
    const built = createSearchContext(without, embedder, wordnet);
    assert.deepEqual(built.speakers, fromFiles.speakers);
    assert.deepEqual([...corpusNameRuns(built)], [...corpusNameRuns(fromFiles)]);
    // The next publication, though it changes no document, adds them.
    assert.deepEqual((await savePostgresIndex(pool, files)).written, []);
    assert.deepEqual((await loadPostgresIndex(pool, embedder.id))?.tables, corpusTables(files));
  });

  it('published by `ingest`, a replica with no index files answers exactly as the files backend', async () => {
    const filesEnv = { WHOSAID_CORPUS_DIR: corpusDir, WHOSAID_INDEX_DIR: await bundledIndexCopy() };
    const ingested = await runWhosaid(['ingest'], {
      ...filesEnv,
      WHOSAID_INDEX_DIR: join(await tempDir(), 'writer-index'),
      WHOSAID_DATABASE_URL: database.url,
    });
    assert.equal(ingested.status, 0, ingested.stderr);
    assert.match(
      ingested.stderr,
      /Published the index to PostgreSQL at postgres@127\.0\.0\.1:5432\/whosaid_test_\w+: \d+ documents written/,
    );
    const replicaDir = join(await tempDir(), 'replica-index');
    const replicaEnv = { ...filesEnv, WHOSAID_INDEX_DIR: replicaDir, WHOSAID_DATABASE_URL: database.url };
    const fromFiles = await openSearchContext(loadConfig({ env: filesEnv, dotenvPath: null }));
    const fromPostgres = await openSearchContext(loadConfig({ env: replicaEnv, dotenvPath: null }));
    await assert.rejects(stat(replicaDir), { code: 'ENOENT' }, 'the replica built no index of its own');
    await assertSameAnswers(fromFiles, fromPostgres);

    const question = gold.questions[0]?.q ?? '';
    const cli = await Promise.all([
      runWhosaid(['ask', question, '--json'], filesEnv),
      runWhosaid(['ask', question, '--json'], replicaEnv),
    ]);
    assert.equal(cli[1].status, 0, cli[1].stderr);
    assert.equal(cli[1].stdout, cli[0].stdout);
  });
});

/** The vectors PostgreSQL holds for these chunks, in label order, as the files backend keeps them. */
async function storedVectors(pool: pg.Pool, chunks: readonly { doc: string; id: string }[]) {
  const { rows } = await pool.query<{ document_id: string; chunk: { id: string }; embedding: string }>(
    'SELECT document_id, chunk, embedding::text AS embedding FROM whosaid_chunks',
  );
  const byId = new Map(rows.map((row) => [row.chunk.id, pgvector.fromSql(row.embedding) as number[]]));
  return new Float32Array(chunks.flatMap((chunk) => byId.get(chunk.id) ?? []));
}

/** Every gold and dev question, and every gold speaker's quotes, give the same result on both. */
async function assertSameAnswers(files: SearchContext, postgres: SearchContext): Promise<void> {
  const questions = [...gold.questions, ...dev.questions].map((question) => question.q);
  assert.ok(questions.length >= 30);
  for (const question of questions) {
    const [expected, actual] = await Promise.all([
      ask(files, { question, k: 5 }),
      ask(postgres, { question, k: 5 }),
    ]);
    assert.deepEqual(actual, expected, question);
  }
  for (const speaker of Object.keys(quotesGold.speakers)) {
    assert.deepEqual(await findQuotes(postgres, { speaker }), await findQuotes(files, { speaker }), speaker);
  }
}
