import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createLiveServices } from '../../src/cli/actions/live-index.js';
import { loadConfig } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { silentIo } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { tempDir } from '../support/temp-dir.js';

/** A logger whose lines a test can wait for (no timing: the wait ends when the line is written). */
function waitableLogger() {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const logger = pino(
    { level: 'info' },
    {
      write(json: string) {
        const { msg } = JSON.parse(json) as { msg: string };
        lines.push(msg);
        for (const waiter of waiters.filter((w) => w.pattern.test(msg))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(msg);
        }
      },
    },
  );
  const next = (pattern: RegExp) => new Promise<string>((resolve) => waiters.push({ pattern, resolve }));
  return { logger, lines, next };
}

describe('a bot replica over the index published in PostgreSQL', () => {
  let database: TestDatabase;
  let files: IndexData;
  before(async () => {
    database = await createTestDatabase();
    const pool = testPool(database.url);
    await migrate(pool, [...(await loadMigrations('state')), ...(await loadMigrations('index'))]);
    files = await readIndex(await bundledIndexCopy(), { embedderId: 'local-hash-v1:384' });
    await savePostgresIndex(pool, files);
    await pool.end();
  });
  after(() => database.drop());

  it('builds nothing, answers from PostgreSQL, and swaps to each newer publication', async () => {
    const indexDir = join(await tempDir(), 'replica-index');
    const env = { WHOSAID_INDEX_DIR: indexDir, WHOSAID_DATABASE_URL: database.url };
    const config = loadConfig({ env, dotenvPath: null });
    const io = silentIo(env);
    const { logger, lines, next } = waitableLogger();
    const services = await createLiveServices(config, io, logger, { k: config.topK });
    await assert.rejects(stat(indexDir), { code: 'ENOENT' }, 'no index of its own');
    assert.ok(lines.some((line) => /answering from the index published in PostgreSQL/.test(line)));
    assert.equal(services.knowledge().documents.length, files.documents.length);
    const question = 'Who warned about relying on one provider?';
    const before = await services.ask(question);
    assert.equal(before.abstained, false);

    // A writer publishes a version without the document that answers: the replica follows.
    const cited = before.citations[0]?.doc;
    assert.ok(cited);
    const pool = testPool(database.url);
    const swapped = next(/Now answering from the index published in PostgreSQL/);
    await savePostgresIndex(pool, {
      ...files,
      documents: files.documents.filter((document) => document.id !== cited),
      chunks: files.chunks.filter((chunk) => chunk.doc !== cited),
      manifest: {
        ...files.manifest,
        documents: Object.fromEntries(
          Object.entries(files.manifest.documents).filter(([id]) => id !== cited),
        ),
      },
    });
    assert.match(await swapped, /generation 2/);
    assert.equal(services.knowledge().documents.length, files.documents.length - 1);
    const afterSwap = await services.ask(question);
    assert.ok(afterSwap.citations.every((citation) => citation.doc !== cited));

    // The document comes back: generation 3. Publishing that same content once more changes nothing
    // a replica answers from, so the publication time stays and no replica is told to reload.
    const third = next(/generation 3/);
    assert.deepEqual((await savePostgresIndex(pool, files)).written, [cited]);
    await third;
    assert.equal(services.knowledge().documents.length, files.documents.length);
    const publishedAt = async () =>
      (await pool.query<{ at: string }>('SELECT updated_at::text AS at FROM whosaid_index')).rows[0]?.at;
    const at = await publishedAt();
    assert.deepEqual((await savePostgresIndex(pool, files)).written, []);
    assert.equal(await publishedAt(), at);
    await pool.end();
  });
});
