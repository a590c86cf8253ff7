import { after, before } from 'node:test';
import type pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { createTestDatabase, type TestDatabase, testPool } from './postgres-database.js';

/**
 * A database of the test file's own with the bot-state schema (migrations/state), made before its
 * tests and dropped after them; `pool()` is valid from the first test on.
 */
export function useStateDatabase(): { pool(): pg.Pool } {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('state'));
  });
  after(async () => {
    await pool?.end();
    await database?.drop();
  });
  return {
    pool: () => {
      if (!pool) throw new Error('the state database is made before the first test');
      return pool;
    },
  };
}
