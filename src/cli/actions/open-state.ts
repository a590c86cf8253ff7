import type { Config } from '../../config.js';
import { openStateStore } from '../../store/open-state-store.js';
import type { StateStore } from '../../store/state-store.js';

/**
 * The bot's state store for a command: PostgreSQL with a database URL (its schema brought up to date
 * first, as `serve` does), else the embedded store, which a running bot holds locked.
 */
export async function openStateForCommand(config: Config): Promise<StateStore> {
  if (config.database) {
    const [{ openDatabase }, { migrate }, { loadMigrations }] = await Promise.all([
      import('../../db/open-database.js'),
      import('../../db/migrate.js'),
      import('../../db/migrations.js'),
    ]);
    const pool = await openDatabase(config.database.url);
    try {
      await migrate(pool, await loadMigrations('state'));
    } finally {
      await pool.end();
    }
  }
  return (await openStateStore(config)).store;
}
