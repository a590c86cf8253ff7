import assert from 'node:assert/strict';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { WhosaidError } from '../../src/errors.js';
import type { Embedder } from '../../src/index/embedder.js';
import { readIndex } from '../../src/index/index-store.js';
import { loadPostgresIndex } from '../../src/index/postgres/load-postgres-index.js';
import { INDEX_WRITER_LOCK } from '../../src/index/postgres/postgres-index-sql.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { streamIngestToPostgres } from '../../src/index/postgres/stream-postgres-ingest.js';
import { countingEmbedder } from '../support/counting-embedder.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { tempDir } from '../support/temp-dir.js';

/** Everything replicas read of a publication, minus what differs by when and where it was built. */
async function publication(pool: pg.Pool) {
  const index = await pool.query<{ manifest: Record<string, unknown>; corpus_tables: unknown }>(
    'SELECT manifest, corpus_tables FROM whosaid_index',
  );
  // The checksums are of the files backend's binary files, which a streamed index has none of.
  const { builtAt: _b, corpusDir: _c, checksums: _s, ...manifest } = index.rows[0]?.manifest ?? {};
  const documents = await pool.query<{ stored: Record<string, unknown> }>(
    'SELECT id, ordinal, content_hash, collection, stored FROM whosaid_documents ORDER BY ordinal',
  );
  const chunks = await pool.query(
    `SELECT document_id, position, chunk, text, speakers, title, terms, text_length, speakers_length,
            title_length, collection, embedding::text AS embedding
       FROM whosaid_chunks ORDER BY document_id, position`,
  );
  const quotes = await pool.query(
    'SELECT document_id, position, paragraph, speaker, kind, quote, collection FROM whosaid_quotes ORDER BY document_id, position',
  );
  return {
    manifest,
    tables: index.rows[0]?.corpus_tables,
    // Where the files are and when they were last written is the machine's, not the index's.
    documents: documents.rows.map(({ stored: { path: _p, mtimeMs: _m, ...stored }, ...row }) => ({
      ...row,
      stored,
    })),
    chunks: chunks.rows,
    quotes: quotes.rows,
  };
}

async function publishedAt(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ updated_at: Date }>('SELECT updated_at FROM whosaid_index');
  return rows[0]?.updated_at.toISOString() ?? '';
}

/**
 * An embedder that fails once `budget` texts are embedded, as an embeddings service going down mid-run
 * (the first document, some 23 passages, is embedded; a later one is not).
 */
function failingEmbedder(budget: number): Embedder {
  const base = countingEmbedder();
  let embedded = 0;
  const embedDocuments = async (texts: string[]) => {
    embedded += texts.length;
    if (embedded > budget) throw new Error('503 Service Unavailable');
    return base.embeddings.embedDocuments(texts);
  };
  return { ...base, embeddings: { ...base.embeddings, embedDocuments } };
}

describe('streaming the corpus into PostgreSQL one document at a time (whosaid ingest)', () => {
  let databases: TestDatabase[];
  let streamed: pg.Pool;
  let published: pg.Pool;
  let corpusDir: string;
  let indexDir: string;
  before(async () => {
    databases = [await createTestDatabase(), await createTestDatabase()];
    [streamed, published] = databases.map((database) => testPool(database.url)) as [pg.Pool, pg.Pool];
    for (const pool of [streamed, published]) await migrate(pool, await loadMigrations('index'));
    const root = await tempDir();
    corpusDir = join(root, 'corpus');
    indexDir = join(root, 'index');
    await cp('corpus', corpusDir, { recursive: true });
  });
  after(async () => {
    for (const pool of [streamed, published]) await pool.end();
    for (const database of databases) await database.drop();
  });

  const options = (embedder: Embedder) => ({ corpusDir, indexDir, embedder });

  it('publishes exactly what the writer holding the whole index publishes', async () => {
    const embedder = countingEmbedder();
    const result = await streamIngestToPostgres(streamed, options(embedder));
    const files = await readIndex(await bundledIndexCopy(), { embedderId: embedder.id });
    await savePostgresIndex(published, files);
    assert.equal(result.report.added.length, files.documents.length);
    assert.equal(result.report.chunks, files.chunks.length);
    assert.equal(result.report.embedded, new Set(files.chunks.map((chunk) => chunk.text)).size);
    assert.deepEqual(await publication(streamed), await publication(published));
  });

  it('does nothing on a second run: every document unchanged, nothing embedded, nothing republished', async () => {
    const embedder = countingEmbedder();
    const at = await publishedAt(streamed);
    const { report } = await streamIngestToPostgres(streamed, options(embedder));
    assert.equal(report.unchanged.length, report.documents);
    assert.deepEqual([report.added, report.changed, report.removed], [[], [], []]);
    assert.deepEqual(embedder.embeddedTexts, []);
    assert.equal(await publishedAt(streamed), at, 'replicas are not made to reload an unchanged index');
  });

  it('rewrites only an edited document, embedding only its new passage, and drops a removed one', async () => {
    const path = join(corpusDir, 'axios-musk-putin-spacex.md');
    const original = await readFile(path, 'utf8');
    await writeFile(path, `${original.trimEnd()}\n\nA paragraph added to the end of the article.\n`);
    const removed = join(corpusDir, 'shaheen-2023-09-starlink-letter-to-austin.md');
    const kept = await readFile(removed, 'utf8');
    await rm(removed);
    try {
      const embedder = countingEmbedder();
      const { report } = await streamIngestToPostgres(streamed, options(embedder));
      assert.deepEqual(report.changed, ['corpus/axios-musk-putin-spacex.md']);
      assert.deepEqual(report.removed, ['corpus/shaheen-2023-09-starlink-letter-to-austin.md']);
      assert.deepEqual(embedder.embeddedTexts, ['A paragraph added to the end of the article.']);
      const { rows } = await streamed.query('SELECT 1 FROM whosaid_documents WHERE id = $1', [
        'corpus/shaheen-2023-09-starlink-letter-to-austin.md',
      ]);
      assert.equal(rows.length, 0);
    } finally {
      await writeFile(path, original);
      await writeFile(removed, kept);
    }
    // Back to the original corpus: the same publication as the whole-index writer's again.
    await streamIngestToPostgres(streamed, options(countingEmbedder()));
    assert.deepEqual(await publication(streamed), await publication(published));
  });

  it('keeps the last publication when the embeddings service fails, and the next run resumes', async () => {
    const database = await createTestDatabase();
    const pool = testPool(database.url);
    try {
      await migrate(pool, await loadMigrations('index'));
      await assert.rejects(
        streamIngestToPostgres(pool, options(failingEmbedder(30))),
        (error: unknown) => error instanceof WhosaidError && error.code === 'EMBEDDINGS_FAILED',
      );
      const { rows } = await pool.query('SELECT 1 FROM whosaid_index');
      assert.equal(rows.length, 0, 'nothing was published');
      const written = await pool.query<{ id: string }>('SELECT id FROM whosaid_documents');
      assert.ok(written.rows.length > 0, 'the documents embedded before the failure were kept');
      const embedder = countingEmbedder();
      const { report } = await streamIngestToPostgres(pool, options(embedder));
      for (const { id } of written.rows) assert.ok(report.unchanged.includes(id), `${id} is not done again`);
      assert.deepEqual(await publication(pool), await publication(published));
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('stages rewritten documents: replicas read the last publication whole while a run fails, and the next run resumes', async () => {
    const first = 'corpus/axios-musk-putin-spacex.md';
    const second = 'corpus/reed-2023-09-starlink-vulnerabilities-statement.md';
    const originals = new Map<string, string>();
    for (const id of [first, second]) {
      const path = join(corpusDir, id.replace('corpus/', ''));
      originals.set(path, await readFile(path, 'utf8'));
      await writeFile(path, `${originals.get(path)?.trimEnd()}\n\nA paragraph added to ${id}.\n`);
    }
    const embedder = countingEmbedder();
    const paragraphsOf = async (id: string) => {
      const replica = await loadPostgresIndex(streamed, embedder.id);
      const document = replica?.documents.find((candidate) => candidate.id === id);
      assert.ok(replica && document, id);
      return {
        count: replica.documents.length,
        texts: (await replica.store?.documentParagraphs(id, 999))?.map((p) => p.text) ?? [],
      };
    };
    const before = await paragraphsOf(first);
    try {
      // The first edited document's one new passage is embedded; the service fails on the second's.
      await assert.rejects(
        streamIngestToPostgres(streamed, options(failingEmbedder(1))),
        (error: unknown) => error instanceof WhosaidError && error.code === 'EMBEDDINGS_FAILED',
      );
      const staged = await streamed.query<{ replaces: string }>(
        'SELECT replaces FROM whosaid_documents WHERE replaces IS NOT NULL',
      );
      assert.deepEqual(
        staged.rows.map((row) => row.replaces),
        [first],
        'its new version is staged',
      );
      assert.deepEqual(await paragraphsOf(first), before, 'a replica reads the published version whole');
      // The corpus statistics count the published rows only, not the staged version beside them.
      const number = async (sql: string) => Number((await streamed.query<{ n: string }>(sql)).rows[0]?.n);
      assert.equal(
        await number('SELECT sum(chunks) AS n FROM whosaid_field_lengths'),
        await number(
          'SELECT count(*) AS n FROM whosaid_chunks c JOIN whosaid_documents d ON d.id = c.document_id WHERE d.replaces IS NULL',
        ),
      );

      const { report } = await streamIngestToPostgres(streamed, options(embedder));
      assert.deepEqual(
        embedder.embeddedTexts,
        [`A paragraph added to ${second}.`],
        'the staged one is not redone',
      );
      assert.deepEqual(report.changed, [second]);
      const after = await paragraphsOf(first);
      assert.equal(after.count, before.count);
      assert.deepEqual(after.texts, [...before.texts, `A paragraph added to ${first}.`]);
      const left = await streamed.query('SELECT 1 FROM whosaid_documents WHERE replaces IS NOT NULL');
      assert.equal(left.rows.length, 0, 'the publication swapped every staged version in');
      assert.equal(
        await number('SELECT sum(chunks) AS n FROM whosaid_field_lengths'),
        await number('SELECT count(*) AS n FROM whosaid_chunks'),
        'and counted them once',
      );
    } finally {
      for (const [path, text] of originals) await writeFile(path, text);
    }
    await streamIngestToPostgres(streamed, options(countingEmbedder()));
    assert.deepEqual(await publication(streamed), await publication(published));
  });

  it('drops a staged version when its file is put back as published, embedding nothing', async () => {
    const path = join(corpusDir, 'axios-musk-putin-spacex.md');
    const original = await readFile(path, 'utf8');
    await writeFile(path, `${original.trimEnd()}\n\nA paragraph that will be taken back.\n`);
    try {
      // The edit is staged and embedded, then the service fails on the next edited document.
      const other = join(corpusDir, 'reed-2023-09-starlink-vulnerabilities-statement.md');
      const otherText = await readFile(other, 'utf8');
      await writeFile(other, `${otherText.trimEnd()}\n\nAnother paragraph.\n`);
      try {
        await assert.rejects(streamIngestToPostgres(streamed, options(failingEmbedder(1))));
      } finally {
        await writeFile(other, otherText);
      }
    } finally {
      await writeFile(path, original);
    }
    const staged = async () =>
      (await streamed.query('SELECT 1 FROM whosaid_documents WHERE replaces IS NOT NULL')).rows.length;
    assert.equal(await staged(), 1);
    const embedder = countingEmbedder();
    const { report, written } = await streamIngestToPostgres(streamed, options(embedder));
    assert.deepEqual(embedder.embeddedTexts, []);
    assert.equal(written, 0);
    assert.ok(report.unchanged.includes('corpus/axios-musk-putin-spacex.md'));
    assert.equal(await staged(), 0);
    assert.deepEqual(await publication(streamed), await publication(published));
  });

  it('publishes rows a stopped run wrote after the manifest, though nothing else changed', async () => {
    // An earlier run rewrote this document, then stopped before publishing: replicas hold it back.
    await streamed.query(
      "UPDATE whosaid_documents SET updated_at = now() + interval '1 minute' WHERE id = 'corpus/axios-musk-putin-spacex.md'",
    );
    const at = await publishedAt(streamed);
    await streamIngestToPostgres(streamed, options(countingEmbedder()));
    assert.notEqual(await publishedAt(streamed), at, 'the held rows are published');
    // (The row's time was set ahead of the clock; put it back behind the publication.)
    await streamed.query("UPDATE whosaid_documents SET updated_at = now() - interval '1 minute'");
  });

  it('takes over what the whole-index writer published, embedding nothing', async () => {
    const embedder = countingEmbedder();
    const { report, written } = await streamIngestToPostgres(published, options(embedder));
    assert.equal(report.unchanged.length, report.documents);
    assert.equal(written, 0);
    assert.deepEqual(embedder.embeddedTexts, []);
  });

  it('publishes what a stopped run wrote, and re-embeds rows another embedder made', async () => {
    const database = await createTestDatabase();
    const pool = testPool(database.url);
    try {
      await migrate(pool, await loadMigrations('index'));
      // --strict stops at a malformed file listed last, after every document was written: nothing
      // is published, and the next run (the file fixed) must publish them all without redoing them.
      const bad = join(corpusDir, 'zz-broken.pdf');
      await writeFile(bad, 'not a pdf');
      try {
        await assert.rejects(streamIngestToPostgres(pool, { ...options(countingEmbedder()), strict: true }));
      } finally {
        await rm(bad);
      }
      const { rows } = await pool.query('SELECT 1 FROM whosaid_index');
      assert.equal(rows.length, 0, 'nothing was published');
      const resumed = countingEmbedder();
      const { written } = await streamIngestToPostgres(pool, options(resumed));
      assert.equal(written, 0);
      assert.deepEqual(resumed.embeddedTexts, []);
      assert.deepEqual(await publication(pool), await publication(published));
      // Vectors some other embedder (or the local one's older code) made are not this one's.
      await pool.query("UPDATE whosaid_documents SET embedder_id = 'local-hash-v0'");
      const again = countingEmbedder();
      await streamIngestToPostgres(pool, options(again));
      assert.ok(again.embeddedTexts.length > 0);
      assert.deepEqual(await publication(pool), await publication(published));
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('waits for another writer, saying so, and then goes on', async () => {
    const other = await streamed.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [INDEX_WRITER_LOCK.toString()]);
      const notices: string[] = [];
      let released: () => void = () => {};
      const waiting = new Promise<void>((resolve) => {
        released = resolve;
      });
      const run = streamIngestToPostgres(streamed, {
        ...options(countingEmbedder()),
        notify: (message) => {
          notices.push(message);
          released();
        },
      });
      await waiting;
      assert.match(notices[0] ?? '', /Another writer is publishing/);
      await other.query('SELECT pg_advisory_unlock($1)', [INDEX_WRITER_LOCK.toString()]);
      const { report } = await run;
      assert.equal(report.unchanged.length, report.documents);
    } finally {
      other.release();
    }
  });

  it('is what `whosaid ingest` runs with the index in PostgreSQL, building no files index', async () => {
    const database = await createTestDatabase();
    try {
      const env = {
        WHOSAID_CORPUS_DIR: corpusDir,
        WHOSAID_INDEX_DIR: indexDir,
        WHOSAID_DATABASE_URL: database.url,
      };
      const run = await runWhosaid(['ingest'], env);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /Published the index to PostgreSQL/);
      assert.match(run.stdout, /Indexed \d+ documents/);
      await assert.rejects(stat(join(indexDir, 'manifest.json')), 'no files index was written');
      const pool = testPool(database.url);
      try {
        assert.deepEqual(await publication(pool), await publication(published));
      } finally {
        await pool.end();
      }
    } finally {
      await database.drop();
    }
  });
});
