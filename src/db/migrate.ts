import type pg from 'pg';
import { WhosaidError } from '../errors.js';
import type { Migration, MigrationTrack } from './migrations.js';

/**
 * The key of the advisory lock every migrator takes: any fixed 64-bit number works, as long as every
 * version of whosaid uses the same one (this is "whosaid" in ASCII, read as a number).
 */
export const MIGRATION_LOCK = 0x77686f73616964n;

export interface MigrationResult {
  applied: Pick<Migration, 'track' | 'version' | 'name'>[];
  /** Per track, the version the schema is at afterwards (0: nothing applied yet). */
  versions: Partial<Record<MigrationTrack, number>>;
}

/**
 * Applies the migrations not applied yet, in one transaction under a transaction-scoped advisory
 * lock: when two replicas start at once, the second waits for the first to commit, then finds
 * everything applied and does nothing. A failed migration rolls back all of this run's changes.
 */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    // Created under the lock, so two first starts never race on it.
    await client.query(`CREATE TABLE IF NOT EXISTS whosaid_migrations (
      track text NOT NULL,
      version integer NOT NULL,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (track, version))`);
    const { rows } = await client.query<{ track: string; version: number; checksum: string }>(
      'SELECT track, version, checksum FROM whosaid_migrations',
    );
    const done = new Map(rows.map((row) => [`${row.track}/${row.version}`, row.checksum]));
    checkKnown(rows, migrations);
    const result: MigrationResult = { applied: [], versions: {} };
    for (const migration of migrations) {
      const key = `${migration.track}/${migration.version}`;
      const applied = done.get(key);
      if (applied !== undefined && applied !== migration.checksum) {
        throw new WhosaidError(
          'DATABASE_SCHEMA',
          `Migration ${label(migration)} was changed after it was applied to this database; add a new migration instead of editing an applied one.`,
        );
      }
      if (applied === undefined) {
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO whosaid_migrations (track, version, name, checksum) VALUES ($1, $2, $3, $4)',
          [migration.track, migration.version, migration.name, migration.checksum],
        );
        result.applied.push({ track: migration.track, version: migration.version, name: migration.name });
      }
      result.versions[migration.track] = Math.max(result.versions[migration.track] ?? 0, migration.version);
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A database migrated by a newer whosaid has a schema this one does not know: refuse to touch it. */
function checkKnown(rows: { track: string; version: number }[], migrations: readonly Migration[]): void {
  const tracks = new Set(migrations.map((migration) => migration.track));
  for (const row of rows) {
    if (!tracks.has(row.track as MigrationTrack)) continue;
    const known = migrations.some(
      (migration) => migration.track === row.track && migration.version === row.version,
    );
    if (!known) {
      throw new WhosaidError(
        'DATABASE_SCHEMA',
        `The database's ${row.track} schema is at version ${row.version}, which this version of whosaid does not know: it was migrated by a newer whosaid. Upgrade whosaid.`,
      );
    }
  }
}

function label(migration: Migration): string {
  return `${migration.track}/${String(migration.version).padStart(3, '0')}-${migration.name}`;
}
