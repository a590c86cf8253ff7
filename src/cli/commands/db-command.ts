import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';

export function registerDb(program: Command, io: CliIo): void {
  const db = program
    .command('db')
    .description(
      'the PostgreSQL database named by WHOSAID_DATABASE_URL (for a team: many replicas, one database)',
    );
  db.command('migrate')
    .description(
      'bring the database schema up to date (serve does this at start-up too; safe while replicas start)',
    )
    .addHelpText(
      'after',
      '\nApplies the numbered SQL files in migrations/ that this database has not had yet, in one transaction,\n' +
        'under an advisory lock (a second migrator waits, then finds nothing to do). The corpus index tables\n' +
        'need the pgvector extension; without it (or with WHOSAID_INDEX_STORE=files) the index stays in files.\n' +
        'Example:\n' +
        '  $ WHOSAID_DATABASE_URL=postgres://whosaid:PASSWORD@db.example:5432/whosaid whosaid db migrate\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/db-action.js')).dbMigrateAction));
}
