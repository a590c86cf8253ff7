import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

const load = async () => await import('../actions/collections-action.js');

export function registerCollections(program: Command, io: CliIo): void {
  const collections = program
    .command('collections')
    .description(
      'named sets of documents in the one index (the corpus folder is `news`); Slack channels are bound to them',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ whosaid ingest ~/memos --collection legal\n' +
        '  $ whosaid collections list\n' +
        '  $ whosaid ask "What did the letter demand?" --collection legal\n' +
        '  $ whosaid collections remove legal\n',
    );
  addCorpusOptions(
    collections.command('list').description('each collection: documents, paragraphs, quotes, last update'),
  )
    .option('--json', 'print the list as JSON')
    .action(lazyAction(io, async () => (await load()).collectionsListAction));
  addCorpusOptions(
    collections
      .command('remove')
      .description(
        'forget a collection and delete what was fetched or copied into it (folders it read are left alone), then update the index',
      )
      .argument('<name>', 'the collection, as `collections list` shows it'),
  ).action(lazyAction(io, async () => (await load()).collectionsRemoveAction));
}
