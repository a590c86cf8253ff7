import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WhosaidError } from '../errors.js';
import { PROJECT_ROOT } from '../project-root.js';

/**
 * Migrations come in tracks, each numbered on its own: `state` (the bot's shared state) needs plain
 * PostgreSQL; `index` (the corpus index) needs the pgvector extension, so a server without it can
 * still hold the state, and gains the index later by applying that track alone.
 */
export type MigrationTrack = 'state' | 'index';

export interface Migration {
  track: MigrationTrack;
  version: number;
  name: string;
  sql: string;
  /** SHA-256 of `sql`: an applied migration edited afterwards is refused rather than silently skipped. */
  checksum: string;
}

/** Plain SQL files, `migrations/<track>/NNN-name.sql`, so a schema change is a readable diff. */
const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');

const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

export async function loadMigrations(track: MigrationTrack, dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const folder = join(dir, track);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const migrations: Migration[] = [];
  for (const name of names.sort()) {
    const match = FILE_NAME.exec(name);
    if (!match?.[1] || !match[2]) {
      throw new WhosaidError(
        'DATABASE_SCHEMA',
        `${join(folder, name)} is not a migration file name (expected NNN-name.sql).`,
      );
    }
    const sql = await readFile(join(folder, name), 'utf8');
    migrations.push({ track, version: Number(match[1]), name: match[2], sql, checksum: checksum(sql) });
  }
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new WhosaidError(
        'DATABASE_SCHEMA',
        `The ${track} migrations in ${folder} must be numbered 001, 002, … without gaps (found ${String(migration.version).padStart(3, '0')} at place ${i + 1}).`,
      );
    }
  });
  return migrations;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}
