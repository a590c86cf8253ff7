import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

export function registerFeedback(program: Command, io: CliIo): void {
  addCorpusOptions(
    program
      .command('feedback')
      .description('the Helpful / Not helpful votes on the bot’s answers, per question and answer')
      .option('--since <date>', 'only votes from this date (UTC) or instant on, e.g. 2026-11-30')
      .option('--json', 'print the report as JSON')
      .option('--csv', 'print one CSV row per answer (for a spreadsheet)')
      .addHelpText(
        'after',
        '\nEach person’s latest click on an answer counts (a second click is a changed mind). With\n' +
          'WHOSAID_DATABASE_URL the votes of every replica are read from PostgreSQL; otherwise from the\n' +
          'state folder beside the index (readable while the bot runs).\n' +
          'Examples:\n' +
          '  $ whosaid feedback --since 2026-11-30\n' +
          '  $ whosaid feedback --csv > feedback.csv\n',
      ),
  ).action(lazyAction(io, async () => (await import('../actions/feedback-action.js')).feedbackAction));
}
