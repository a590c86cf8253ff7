import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

export function registerQuotes(program: Command, io: CliIo): void {
  const command = program
    .command('quotes')
    .description('list verbatim quotes in the corpus, by speaker and/or about a topic')
    .argument('[topic]', 'words the quotes should be about (optional)')
    .option(
      '-s, --speaker <name>',
      'only quotes by this speaker (case, surname-only and small typos are forgiven)',
    )
    .option('--limit <n>', 'show at most this many quotes')
    .option('--json', 'print an array of quote objects');
  addCorpusOptions(command)
    .addHelpText(
      'after',
      '\nExamples:\n  $ whosaid quotes --speaker meyer\n  $ whosaid quotes "security clearance"\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/quotes-action.js')).quotesAction));
}
