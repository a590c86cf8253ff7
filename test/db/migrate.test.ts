import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { MIGRATION_LOCK, migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { prepareDatabase } from '../../src/db/prepare-database.js';
import { isWhosaidError } from '../../src/errors.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/** A migrations folder of the test's own: `files` maps `track/NNN-name.sql` to its SQL. */
async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('whosaid-migrations-');
  for (const [path, sql] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), sql);
  }
  return dir;
}

async function tables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isWhosaidError(error), String(error));
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('database migrations', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
  });
  after(async () => {
    await pool.end();
    await database.drop();
  });

  it('`db migrate` creates the state and index tables once (pgvector present), then finds nothing to do', async () => {
    const env = { WHOSAID_DATABASE_URL: database.url };
    const first = await runWhosaid(['db', 'migrate'], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /applied 10 migrations \(state\/001-bot-state, state\/002-channel-bindings, index\/001-corpus-index, index\/002-collections, index\/003-lexical-terms, index\/004-corpus-tables, index\/005-quote-members, index\/006-document-basis, index\/007-staged-documents, index\/008-uncounted-staged\); schema at state 2, index 8\./,
    );
    assert.deepEqual(await tables(pool), [
      'whosaid_channel_bindings',
      'whosaid_chunks',
      'whosaid_claims',
      'whosaid_documents',
      'whosaid_feedback',
      'whosaid_field_lengths',
      'whosaid_index',
      'whosaid_installations',
      'whosaid_migrations',
      'whosaid_outbox',
      'whosaid_quotes',
      'whosaid_terms',
    ]);
    const again = await runWhosaid(['db', 'migrate'], env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /up to date \(schema at state 2, index 8\)\./);
    assert.doesNotMatch(again.stdout, /files/);
  });

  it('two migrators starting at once: the second waits for the first, then applies nothing', async () => {
    const scratch = await createTestDatabase();
    const migrations = await loadMigrations(
      'state',
      await migrationsDir({
        'state/001-first.sql': 'CREATE TABLE first_table (id integer PRIMARY KEY);',
        'state/002-second.sql': 'CREATE TABLE second_table (id integer PRIMARY KEY);',
      }),
    );
    const pools = [0, 1, 2].map(() => testPool(scratch.url));
    const [holderPool, poolA, poolB] = pools as [pg.Pool, pg.Pool, pg.Pool];
    const holder = await holderPool.connect();
    try {
      // Holding the migrators' lock makes both start "at once": both must queue behind it.
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
      const runs = [migrate(poolA, migrations), migrate(poolB, migrations)];
      await waitFor(async () => (await waitingOnAdvisoryLock(holder)) === 2);
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
      const results = await Promise.all(runs);
      const appliedCounts = results.map((result) => result.applied.length).sort();
      assert.deepEqual(appliedCounts, [0, 2]);
      for (const result of results) assert.deepEqual(result.versions, { state: 2 });
      const { rows } = await holder.query('SELECT track, version FROM whosaid_migrations ORDER BY version');
      assert.deepEqual(rows, [
        { track: 'state', version: 1 },
        { track: 'state', version: 2 },
      ]);
    } finally {
      holder.release();
      for (const each of pools) await each.end();
      await scratch.drop();
    }
  });

  it('a failing migration rolls back the whole run; an edited or unknown applied migration is refused', async () => {
    const scratch = await createTestDatabase();
    const scratchPool = testPool(scratch.url);
    try {
      const good = 'CREATE TABLE kept (id integer);';
      const broken = await loadMigrations(
        'state',
        await migrationsDir({ 'state/001-kept.sql': good, 'state/002-broken.sql': 'CREATE TABLE (;' }),
      );
      await assert.rejects(migrate(scratchPool, broken), /syntax error/);
      assert.deepEqual(await tables(scratchPool), []);

      const one = await loadMigrations('state', await migrationsDir({ 'state/001-kept.sql': good }));
      assert.equal((await migrate(scratchPool, one)).applied.length, 1);
      const edited = await loadMigrations(
        'state',
        await migrationsDir({ 'state/001-kept.sql': `${good}\nCREATE TABLE more (id integer);` }),
      );
      await rejectsWith(migrate(scratchPool, edited), 'DATABASE_SCHEMA', /state\/001-kept was changed/);
      await scratchPool.query(
        "INSERT INTO whosaid_migrations (track, version, name, checksum) VALUES ('state', 2, 'future', 'x')",
      );
      await rejectsWith(
        migrate(scratchPool, one),
        'DATABASE_SCHEMA',
        /state schema is at version 2.*newer whosaid/,
      );
    } finally {
      await scratchPool.end();
      await scratch.drop();
    }
  });

  it('refuses migration files that are misnamed or numbered with gaps', async () => {
    await rejectsWith(
      loadMigrations('state', await migrationsDir({ 'state/1-x.sql': 'SELECT 1;' })),
      'DATABASE_SCHEMA',
      /not a migration file name/,
    );
    await rejectsWith(
      loadMigrations('state', await migrationsDir({ 'state/002-x.sql': 'SELECT 1;' })),
      'DATABASE_SCHEMA',
      /without gaps/,
    );
  });

  it('a user who may not enable pgvector: the index stays in files and the reason is given', async () => {
    const scratch = await createTestDatabase();
    try {
      const user = await scratch.createRole();
      const url = scratch.urlAs(user);
      const prepared = await prepareDatabase({ url, indexStore: 'auto' });
      await prepared.pool.end();
      assert.equal(prepared.indexStore, 'files');
      assert.match(prepared.filesReason ?? '', /CREATE EXTENSION vector/);
      const run = await runWhosaid(['db', 'migrate'], { WHOSAID_DATABASE_URL: url });
      assert.equal(run.status, 0, run.stderr);
      assert.match(
        run.stdout,
        /The corpus index stays in files: pgvector is installed on the server but not enabled/,
      );
      const forced = await runWhosaid(['db', 'migrate'], {
        WHOSAID_DATABASE_URL: url,
        WHOSAID_INDEX_STORE: 'postgres',
      });
      assert.equal(forced.status, 1);
      assert.match(forced.stderr, /WHOSAID_INDEX_STORE=postgres, but .* cannot hold the index/);
      const files = await prepareDatabase({ url: scratch.url, indexStore: 'files' });
      await files.pool.end();
      assert.equal(files.indexStore, 'files');
      assert.deepEqual(files.migration.applied, []);
    } finally {
      await scratch.drop();
    }
  });

  it('says which setting is missing, and which server is unreachable, without the password', async () => {
    const none = await runWhosaid(['db', 'migrate']);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /needs WHOSAID_DATABASE_URL/);
    const down = await runWhosaid(['db', 'migrate'], {
      WHOSAID_DATABASE_URL: 'postgres://whosaid:s3cret-pw@127.0.0.1:1/whosaid',
    });
    assert.equal(down.status, 1);
    assert.match(down.stderr, /Cannot use PostgreSQL at whosaid@127\.0\.0\.1:1\/whosaid/);
    assert.doesNotMatch(down.stderr, /s3cret-pw/);
  });
});

async function waitingOnAdvisoryLock(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `SELECT count(*) FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return Number(rows[0]?.count ?? 0);
}

/**
 * Polls a condition a bounded number of times (no clock in the assertion: it either happens or fails).
 * Generous, so a loaded machine (connections are slow to open then) never fails it.
 */
async function waitFor(condition: () => Promise<boolean>, attempts = 3000): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('the condition never became true');
}
