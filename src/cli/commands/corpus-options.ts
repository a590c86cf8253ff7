import type { Command } from 'commander';

/** `--corpus` and `--index`, declared once for every command that reads the corpus. */
export function addCorpusOptions(command: Command): Command {
  return command
    .option('--corpus <dir>', 'corpus folder (default: WHOSAID_CORPUS_DIR or ./corpus of the project)')
    .option('--index <dir>', 'index folder (default: WHOSAID_INDEX_DIR or .whosaid/ of the project)');
}

/** `--collection NAME[,NAME]`: what a reading command answers from (default: every collection). */
export function addCollectionOption(command: Command): Command {
  return command.option(
    '--collection <names>',
    'read only these collections, comma-separated (default: every collection; see `whosaid collections list`)',
  );
}
