import { createEmbedder } from '../../index/embedder.js';
import { ingest } from '../../index/ingest.js';
import { type CliIo, notice } from '../io.js';
import { createProgressReporter } from '../progress.js';
import { type CorpusFlags, configFor, displayPath, warnProblems } from '../runtime.js';

export interface IngestFlags extends CorpusFlags {
  strict?: boolean;
  json?: boolean;
}

export async function ingestAction(io: CliIo, flags: IngestFlags): Promise<void> {
  const config = configFor(io, flags);
  const embedder = await createEmbedder(config);
  const progress = await createProgressReporter(io.stderr, !flags.json && io.stderr.isTTY === true);
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
  if (report.rebuildReason) notice(io, report.rebuildReason);
  warnProblems(io, report);
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ ...report, indexDir: config.indexDir, embedder: embedder.id }, null, 2)}\n`,
    );
    return;
  }
  io.stdout.write(
    `Indexed ${plural(report.documents, 'document')} (${plural(report.chunks, 'passage')}) from ${displayPath(config.corpusDir)} ` +
      `into ${displayPath(config.indexDir)}.\n` +
      `  new: ${report.added.length}, changed: ${report.changed.length}, unchanged: ${report.unchanged.length}, ` +
      `removed: ${report.removed.length}; embedded ${plural(report.embedded, 'passage')} with ${embedder.id}` +
      (report.embedded < report.chunks ? ' (the others reuse vectors already computed)' : '') +
      '.\n' +
      (report.rerun.length > 0
        ? `  re-ran for every document, its code having changed: ${report.rerun.join(', ')}.\n`
        : '') +
      (report.problems.length > 0
        ? `  skipped ${report.problems.length} file(s): see the warnings above.\n`
        : ''),
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
