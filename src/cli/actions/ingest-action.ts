import type { Config } from '../../config.js';
import { existingDirs } from '../../corpus/list-files.js';
import { summarizeDocument } from '../../fetch/document-summary.js';
import type { FeedReport } from '../../fetch/pull-feeds.js';
import { createEmbedder } from '../../index/embedder.js';
import type { IndexData } from '../../index/index-store.js';
import { type IngestReport, ingest } from '../../index/ingest.js';
import { type FetchedReport, feedLine, fetchedLine, plural } from '../format-fetched.js';
import { type CliIo, notice } from '../io.js';
import { publishIndex } from '../postgres-index.js';
import { createProgressReporter } from '../progress.js';
import { type CorpusFlags, configFor, displayPath, warnProblems } from '../runtime.js';

export interface IngestFlags extends CorpusFlags {
  strict?: boolean;
  feeds?: boolean;
  json?: boolean;
}

/**
 * `whosaid ingest [URL…]`: fetches the URLs into the fetched-documents folder (each on its own: one that
 * fails is reported and the others go on), then brings the index up to date with the corpus and them.
 */
export async function ingestAction(io: CliIo, urls: string[], flags: IngestFlags): Promise<void> {
  const config = configFor(io, flags);
  let fetched: FetchedReport[] = [];
  let feeds: FeedReport[] = [];
  if (flags.feeds) {
    ({ feeds, items: fetched } = await pullAllFeeds(config));
    if (feeds.length === 0) notice(io, 'No feeds are followed: add one with `whosaid feeds add URL`.');
  }
  if (urls.length > 0) {
    const { fetchDocuments } = await import('../../fetch/fetch-documents.js');
    fetched.push(
      ...(await fetchDocuments({
        urls,
        fetchedDir: config.fetchedDir,
        corpusDir: config.corpusDir,
        policy: config.fetch,
      })),
    );
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
      notify: (message) => notice(io, message),
    });
  } finally {
    progress.stop();
  }
  const { report, index } = result;
  await publishIndex(config, index, (message) => notice(io, message));
  fetched = fetched.map((item) => withSummary(item, index));
  if (fetched.some((item) => item.outcome === 'failed') || feeds.some((feed) => feed.status === 'failed'))
    io.exitCode = 1;
  if (report.rebuildReason) notice(io, report.rebuildReason);
  warnProblems(io, report);
  if (flags.json) {
    const json = {
      ...report,
      indexDir: config.indexDir,
      embedder: embedder.id,
      ...(flags.feeds ? { feeds } : {}),
      ...(urls.length || flags.feeds ? { fetched } : {}),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  for (const feed of feeds) io.stdout.write(`${feedLine(feed)}\n`);
  for (const item of fetched) io.stdout.write(`${fetchedLine(item)}\n`);
  const sources = [config.corpusDir, ...(await existingDirs([config.fetchedDir]))]
    .map(displayPath)
    .join(' and ');
  io.stdout.write(indexedText(report, sources, config.indexDir, embedder.id));
}

async function pullAllFeeds(config: Config): Promise<{ feeds: FeedReport[]; items: FetchedReport[] }> {
  const [{ pullFeeds }, { HostPacer }] = await Promise.all([
    import('../../fetch/pull-feeds.js'),
    import('../../fetch/host-pacer.js'),
  ]);
  return pullFeeds({
    fetchedDir: config.fetchedDir,
    corpusDir: config.corpusDir,
    policy: config.fetch,
    maxItems: config.feeds.maxItems,
    pacer: new HostPacer(config.feeds.hostDelayMs),
  });
}

function withSummary(item: FetchedReport, index: IndexData): FetchedReport {
  const stored = item.path ? index.documents.find((document) => document.path === item.path) : undefined;
  return stored ? { ...item, summary: summarizeDocument(stored) } : item;
}

function indexedText(report: IngestReport, sources: string, indexDir: string, embedderId: string): string {
  return (
    `Indexed ${plural(report.documents, 'document')} (${plural(report.chunks, 'passage')}) from ${sources} ` +
    `into ${displayPath(indexDir)}.\n` +
    `  new: ${report.added.length}, changed: ${report.changed.length}, unchanged: ${report.unchanged.length}, ` +
    `removed: ${report.removed.length}; embedded ${plural(report.embedded, 'passage')} with ${embedderId}` +
    (report.embedded < report.chunks ? ' (the others reuse vectors already computed)' : '') +
    '.\n' +
    (report.rerun.length > 0
      ? `  re-ran for every document, its code having changed: ${report.rerun.join(', ')}.\n`
      : '') +
    (report.problems.length > 0
      ? `  skipped ${report.problems.length} file(s): see the warnings above.\n`
      : '')
  );
}
