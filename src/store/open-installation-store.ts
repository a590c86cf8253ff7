import type { Config, TokenKeys } from '../config.js';
import { FileInstallationRows } from './file-installation-rows.js';
import { EncryptedInstallationStore } from './installation-store.js';
import { stateDirFor } from './state-location.js';
import { TokenSeal } from './token-seal.js';

/**
 * Where OAuth installations are kept, encrypted with `keys`: in PostgreSQL when WHOSAID_DATABASE_URL
 * is set (every replica reads the same installations; the schema is migrated at start-up before this
 * runs), else in the bot's state folder beside the index, like the rest of the embedded state.
 */
export async function openInstallationStore(
  config: Pick<Config, 'database' | 'indexDir' | 'stateDir'>,
  keys: TokenKeys,
): Promise<EncryptedInstallationStore> {
  const seal = new TokenSeal(keys);
  if (!config.database)
    return new EncryptedInstallationStore(await FileInstallationRows.open(stateDirFor(config)), seal);
  const { openDatabase } = await import('../db/open-database.js');
  const { PostgresInstallationRows } = await import('./postgres-installation-rows.js');
  const pool = await openDatabase(config.database.url);
  return new EncryptedInstallationStore(new PostgresInstallationRows(pool, { ownsPool: true }), seal);
}
