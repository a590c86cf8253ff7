import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

export function registerIngest(program: Command, io: CliIo): void {
  const command = program
    .command('ingest')
    .description(
      '(re)build the index of the corpus; text embedded by any earlier run is not embedded again. With URLs, first fetch ' +
        'each article (or PDF / Word file) into the fetched-documents folder (WHOSAID_FETCHED_DIR)',
    )
    .argument(
      '[sources...]',
      'http(s) URLs of articles or files to add (a URL added before is updated only if it changed); with --collection, also local folders (read in place) and files (copied)',
    );
  addCorpusOptions(command)
    .option(
      '--collection <name>',
      'add the URLs, folders and files to this collection (created if new; default: news)',
    )
    .option('--team <id>', 'with --collection: the Slack team (or enterprise) id that owns a new collection')
    .option('--strict', 'fail when any corpus file cannot be read, instead of skipping it with a warning')
    .option('--feeds', 'first bring in the new items of every feed followed (see `whosaid feeds`)')
    .option('--json', 'print the ingest report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ whosaid ingest\n' +
        '  $ whosaid ingest https://example.com/news/senator-statement\n' +
        '  $ whosaid ingest --feeds\n' +
        '  $ whosaid ingest ~/memos https://example.com/letter.pdf --collection legal --team T0123ABCD\n' +
        'Each URL prints one line: added / updated / unchanged / failed, the file, the title, paragraphs,\n' +
        'attributed quotes and who is quoted most. A failed URL makes the exit code 1; the others are kept.\n' +
        'With --feeds, each feed prints one line first: not modified, N new items (M left for the next run), or failed.\n' +
        'Vectors are kept by chunk text and embedder beside the index (WHOSAID_INDEX_DIR + "-embeddings"),\n' +
        'so rebuilding after an upgrade, or after deleting the index folder, embeds only new text.\n' +
        'With WHOSAID_DATABASE_URL (and pgvector), the corpus goes into PostgreSQL instead, one document at a\n' +
        'time (no files index; memory grows with documents and quotes, not paragraphs), changed documents only, for every\n' +
        'replica to answer from; a run that stops resumes where it stopped. Vectors then come from the\n' +
        "database's own rows.\n",
    )
    .action(lazyAction(io, async () => (await import('../actions/ingest-action.js')).ingestAction));
}
