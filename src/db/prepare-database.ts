import type pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { WhosaidError } from '../errors.js';
import { describeDatabase } from './database-url.js';
import { type MigrationResult, migrate } from './migrate.js';
import { loadMigrations } from './migrations.js';
import { openDatabase } from './open-database.js';
import { vectorSupport } from './vector-support.js';

export interface PreparedDatabase {
  pool: pg.Pool;
  /** Where the corpus index lives, decided once from the setting and the server. */
  indexStore: 'files' | 'postgres';
  /** Why the index stays in files although a database is configured (null when it does not). */
  filesReason: string | null;
  migration: MigrationResult;
}

/**
 * Connects, decides where the corpus index lives, and brings the schema up to date: the state
 * migrations always, the index migrations when the index is to live in PostgreSQL. Safe to run from
 * several replicas at once (see migrate.ts). `WHOSAID_INDEX_STORE=postgres` on a server without
 * pgvector is an error; `auto` falls back to files and says why.
 */
export async function prepareDatabase(database: DatabaseConfig): Promise<PreparedDatabase> {
  const pool = await openDatabase(database.url);
  try {
    let indexStore: 'files' | 'postgres' = 'files';
    let filesReason: string | null = null;
    if (database.indexStore === 'files') filesReason = 'WHOSAID_INDEX_STORE=files';
    else {
      const support = await vectorSupport(pool);
      if (support.ok) indexStore = 'postgres';
      else if (database.indexStore === 'postgres') {
        throw new WhosaidError(
          'DATABASE_SCHEMA',
          `WHOSAID_INDEX_STORE=postgres, but ${describeDatabase(database.url)} cannot hold the index: ${support.reason}. Or set WHOSAID_INDEX_STORE=files.`,
        );
      } else filesReason = support.reason;
    }
    const migrations = [
      ...(await loadMigrations('state')),
      ...(indexStore === 'postgres' ? await loadMigrations('index') : []),
    ];
    return { pool, indexStore, filesReason, migration: await migrate(pool, migrations) };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}
