import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

export function registerIngest(program: Command, io: CliIo): void {
  const command = program
    .command('ingest')
    .description('(re)build the index of the corpus; text embedded by any earlier run is not embedded again');
  addCorpusOptions(command)
    .addHelpText(
      'after',
      '\nVectors are kept by chunk text and embedder beside the index (WHOSAID_INDEX_DIR + "-embeddings"),\n' +
        'so rebuilding after an upgrade, or after deleting the index folder, embeds only new text.\n',
    )
    .option('--strict', 'fail when any corpus file cannot be read, instead of skipping it with a warning')
    .option('--json', 'print the ingest report as JSON')
    .action(lazyAction(io, async () => (await import('../actions/ingest-action.js')).ingestAction));
}
