import { summarizeDocument } from '../../fetch/document-summary.js';
import { createEmbedder } from '../../index/embedder.js';
import type { IndexData } from '../../index/index-store.js';
import { type IngestReport, ingest } from '../../index/ingest.js';
import { type FetchedReport, fetchedLine, plural } from '../format-fetched.js';
import { type CliIo, notice } from '../io.js';
import { createProgressReporter } from '../progress.js';
import { type CorpusFlags, configFor, displayPath, warnProblems } from '../runtime.js';

export interface IngestFlags extends CorpusFlags {
  strict?: boolean;
  json?: boolean;
}

/**
 * `whosaid ingest [URL…]`: fetches the URLs into the fetched-documents folder (each on its own: one that
 * fails is reported and the others go on), then brings the index up to date with the corpus and them.
 */
export async function ingestAction(io: CliIo, urls: string[], flags: IngestFlags): Promise<void> {
  const config = configFor(io, flags);
  let fetched: FetchedReport[] = [];
  if (urls.length > 0) {
    const { fetchDocuments } = await import('../../fetch/fetch-documents.js');
    fetched = await fetchDocuments({
      urls,
      fetchedDir: config.fetchedDir,
      corpusDir: config.corpusDir,
      policy: config.fetch,
    });
  }
  const embedder = await createEmbedder(config);
  const progress = await createProgressReporter(io.stderr, !flags.json && io.stderr.isTTY === true);
  let result: Awaited<ReturnType<typeof ingest>>;
  try {
    result = await ingest({
      corpusDir: config.corpusDir,
      fetchedDir: config.fetchedDir,
      indexDir: config.indexDir,
      embedder,
      maxBytes: config.maxFileBytes,
      strict: flags.strict,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
  const { report, index } = result;
  fetched = fetched.map((item) => withSummary(item, index));
  if (fetched.some((item) => item.outcome === 'failed')) io.exitCode = 1;
  if (report.rebuildReason) notice(io, report.rebuildReason);
  warnProblems(io, report);
  if (flags.json) {
    const json = {
      ...report,
      indexDir: config.indexDir,
      embedder: embedder.id,
      ...(urls.length ? { fetched } : {}),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  for (const item of fetched) io.stdout.write(`${fetchedLine(item)}\n`);
  io.stdout.write(indexedText(report, config.corpusDir, config.indexDir, embedder.id));
}

function withSummary(item: FetchedReport, index: IndexData): FetchedReport {
  const stored = item.path ? index.documents.find((document) => document.path === item.path) : undefined;
  return stored ? { ...item, summary: summarizeDocument(stored) } : item;
}

function indexedText(report: IngestReport, corpusDir: string, indexDir: string, embedderId: string): string {
  return (
    `Indexed ${plural(report.documents, 'document')} (${plural(report.chunks, 'passage')}) from ${displayPath(corpusDir)} ` +
    `into ${displayPath(indexDir)}.\n` +
    `  new: ${report.added.length}, changed: ${report.changed.length}, unchanged: ${report.unchanged.length}, ` +
    `removed: ${report.removed.length}; embedded ${plural(report.embedded, 'passage')} with ${embedderId}.\n` +
    (report.problems.length > 0
      ? `  skipped ${report.problems.length} file(s): see the warnings above.\n`
      : '')
  );
}
