import type { Command } from 'commander';
import { createEmbedder } from '../../index/embedder.js';
import { ingest } from '../../index/ingest.js';
import { createProgressReporter } from '../progress.js';
import { runAction } from '../run-action.js';
import { type CorpusFlags, configFor, displayPath, notice, warnProblems } from '../runtime.js';

interface IngestFlags extends CorpusFlags {
  strict?: boolean;
  json?: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('(re)build the index of the corpus; unchanged documents are not embedded again')
    .option('--corpus <dir>', 'corpus folder (default: WHOSAID_CORPUS_DIR or ./corpus of the project)')
    .option('--index <dir>', 'index folder (default: WHOSAID_INDEX_DIR or .whosaid/ of the project)')
    .option('--strict', 'fail when any corpus file cannot be read, instead of skipping it with a warning')
    .option('--json', 'print the ingest report as JSON')
    .action(
      runAction(async (flags: IngestFlags) => {
        const config = configFor(flags);
        const embedder = createEmbedder(config);
        const progress = createProgressReporter(!flags.json && process.stderr.isTTY === true);
        let result: Awaited<ReturnType<typeof ingest>>;
        try {
          result = await ingest({
            corpusDir: config.corpusDir,
            indexDir: config.indexDir,
            embedder,
            maxBytes: config.maxFileBytes,
            strict: flags.strict,
            onProgress: progress.onProgress,
          });
        } finally {
          progress.stop();
        }
        const { report } = result;
        if (report.rebuildReason) notice(report.rebuildReason);
        warnProblems(report);
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ ...report, indexDir: config.indexDir, embedder: embedder.id }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(
          `Indexed ${plural(report.documents, 'document')} (${plural(report.chunks, 'passage')}) from ${displayPath(config.corpusDir)} ` +
            `into ${displayPath(config.indexDir)}.\n` +
            `  new: ${report.added.length}, changed: ${report.changed.length}, unchanged: ${report.unchanged.length}, ` +
            `removed: ${report.removed.length}; embedded ${plural(report.embedded, 'passage')} with ${embedder.id}.\n` +
            (report.problems.length > 0
              ? `  skipped ${report.problems.length} file(s): see the warnings above.\n`
              : ''),
        );
      }),
    );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
