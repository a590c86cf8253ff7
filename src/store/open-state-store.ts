import type { Config } from '../config.js';
import { FileStateStore } from './file-state-store.js';
import { stateDirFor } from './state-location.js';
import type { StateStore } from './state-store.js';

/**
 * The bot's state store: in PostgreSQL when WHOSAID_DATABASE_URL is set (shared by every replica; the
 * schema is migrated at start-up before this runs), else the embedded one in a folder beside the index.
 * `skipped` counts unreadable lines of the embedded store (none unless edited by hand).
 */
export async function openStateStore(
  config: Pick<Config, 'database' | 'indexDir' | 'stateDir'>,
): Promise<{ store: StateStore; skipped: number }> {
  if (!config.database) return FileStateStore.open(stateDirFor(config));
  const { openDatabase } = await import('../db/open-database.js');
  const { PostgresStateStore } = await import('./postgres-state-store.js');
  const pool = await openDatabase(config.database.url);
  try {
    return {
      store: await PostgresStateStore.open(pool, config.database.url, { ownsPool: true }),
      skipped: 0,
    };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}
