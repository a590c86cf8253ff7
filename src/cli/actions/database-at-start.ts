import type { Config } from '../../config.js';
import { describeDatabase } from '../../db/database-url.js';
import { describeMigration } from '../../db/describe-migration.js';
import type { Logger } from '../../logger.js';

/**
 * At `serve` start-up with WHOSAID_DATABASE_URL: the schema is brought up to date (safe when several
 * replicas start at once), and the log says where the corpus index lives and, when it stays in
 * files although a database is configured, why. Fails the start when the database is unusable:
 * a bot that silently kept its state elsewhere would split it between replicas.
 */
export async function prepareDatabaseAtStart(config: Config, logger: Logger): Promise<void> {
  if (!config.database) return;
  const { prepareDatabase } = await import('../../db/prepare-database.js');
  const prepared = await prepareDatabase(config.database);
  await prepared.pool.end();
  const database = describeDatabase(config.database.url);
  logger.info({ database }, `database ${describeMigration(prepared.migration)}`);
  if (prepared.indexStore === 'files') {
    const why = prepared.filesReason ?? 'WHOSAID_INDEX_STORE=files';
    logger[config.database.indexStore === 'files' ? 'info' : 'warn'](
      { database, indexDir: config.indexDir },
      `the corpus index stays in files in ${config.indexDir}: ${why}`,
    );
  } else {
    logger.info(
      { database },
      'the corpus index is read from PostgreSQL (as `whosaid ingest` published it; built and published now if it never was)',
    );
  }
}
