import { describeDatabase } from '../../db/database-url.js';
import { describeMigration } from '../../db/describe-migration.js';
import { prepareDatabase } from '../../db/prepare-database.js';
import { WhosaidError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { configFor } from '../runtime.js';

export async function dbMigrateAction(io: CliIo): Promise<void> {
  const { database } = configFor(io);
  if (!database) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      '`whosaid db migrate` needs WHOSAID_DATABASE_URL (postgres://user:password@host:5432/db); without it whosaid keeps everything in files and needs no migrations.',
    );
  }
  const prepared = await prepareDatabase(database);
  try {
    io.stdout.write(`${describeDatabase(database.url)}: ${describeMigration(prepared.migration)}\n`);
    if (prepared.filesReason && database.indexStore !== 'files')
      io.stdout.write(`The corpus index stays in files: ${prepared.filesReason}.\n`);
  } finally {
    await prepared.pool.end();
  }
}
