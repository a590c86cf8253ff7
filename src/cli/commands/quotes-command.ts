import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCollectionOption, addCorpusOptions } from './corpus-options.js';

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
    .option(
      '--since <date>',
      'only quotes said on or after a date: 2024-10-27, today, yesterday, monday, "3 days ago"',
    )
    .option('--latest', "newest first (the date the text gives for the words, else the document's date)")
    .option('--json', 'print an array of quote objects');
  addCorpusOptions(addCollectionOption(command))
    .addHelpText(
      'after',
      '\nExamples:\n  $ whosaid quotes --speaker meyer\n  $ whosaid quotes "security clearance"\n  $ whosaid quotes --speaker reed --since 2024-01-01 --latest\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/quotes-action.js')).quotesAction));
}
