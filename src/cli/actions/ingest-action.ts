import { stat } from 'node:fs/promises';
import { addPathsToCollection } from '../../collections/add-to-collection.js';
import { collectionOwnDir } from '../../collections/collection-registry.js';
import { checkCollectionName, DEFAULT_COLLECTION } from '../../collections/scope.js';
import type { Config } from '../../config.js';
import { existingDirs } from '../../corpus/list-files.js';
import { WhosaidError } from '../../errors.js';
import { summarizeDocument } from '../../fetch/document-summary.js';
import type { FeedReport } from '../../fetch/pull-feeds.js';
import { type CollectionStats, collectionStats } from '../../index/collection-stats.js';
import { createEmbedder } from '../../index/embedder.js';
import type { IndexData } from '../../index/index-store.js';
import { type IngestReport, ingest } from '../../index/ingest.js';
import type { StoredDocument } from '../../index/types.js';
import { statsText } from '../format-collections.js';
import { type FetchedReport, feedLine, fetchedLine, plural } from '../format-fetched.js';
import { indexSources } from '../index-sources.js';
import { type CliIo, notice } from '../io.js';
import { ingestIntoPostgres } from '../postgres-index.js';
import { createProgressReporter } from '../progress.js';
import { type CorpusFlags, configFor, displayPath, feedFolder, warnProblems } from '../runtime.js';

export interface IngestFlags extends CorpusFlags {
  strict?: boolean;
  feeds?: boolean;
  json?: boolean;
  /** `--team T`: the installation that owns a collection this run creates. */
  team?: string;
}

/**
 * `whosaid ingest [URL…]`: fetches the URLs into the fetched-documents folder (each on its own: one that
 * fails is reported and the others go on), then brings the index up to date with the corpus and them.
 */
export async function ingestAction(io: CliIo, sources: string[], flags: IngestFlags): Promise<void> {
  const config = configFor(io, flags);
  // What exists on disk is a local path; anything else is a URL (a malformed one fails as a URL does).
  const local = await Promise.all(
    sources.map((source) =>
      stat(source).then(
        () => true,
        () => false,
      ),
    ),
  );
  const paths = sources.filter((_, i) => local[i]);
  const urls = sources.filter((_, i) => !local[i]);
  const collection =
    flags.collection === undefined ? DEFAULT_COLLECTION : checkCollectionName(flags.collection);
  if (paths.length > 0 && flags.collection === undefined) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `${paths[0]} is not a URL: local folders and files go into a collection of their own (add --collection NAME); the corpus folder itself is --corpus.`,
    );
  }
  if (flags.team !== undefined && collection === DEFAULT_COLLECTION)
    throw new WhosaidError('INPUT_INVALID', '--team needs --collection NAME (the collection the team owns).');
  const owner = { name: collection, team: flags.team ?? null };
  const added =
    collection === DEFAULT_COLLECTION ? [] : await addPathsToCollection(config.collectionsDir, owner, paths);
  const fetchedDir =
    collection === DEFAULT_COLLECTION
      ? config.fetchedDir
      : collectionOwnDir(config.collectionsDir, collection);
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
        fetchedDir,
        corpusDir: config.corpusDir,
        policy: config.fetch,
      })),
    );
  }
  const embedder = await createEmbedder(config);
  const progress = await createProgressReporter(io.stderr, !flags.json && io.stderr.isTTY === true);
  let outcome: IngestOutcome;
  try {
    const options = {
      ...indexSources(config),
      embedder,
      strict: flags.strict,
      onProgress: progress.onProgress,
    };
    const keep = new Set(fetched.flatMap((item) => (item.path ? [item.path] : [])));
    const streamed = await ingestIntoPostgres(config, { ...options, keep }, (message) => notice(io, message));
    outcome = streamed
      ? {
          report: streamed.report,
          stats: collectionStats(
            streamed.documents,
            [],
            (document) => streamed.attributed.get(document.id) ?? 0,
          ),
          whole: streamed.kept,
          collections: streamed.manifest.collections ?? [],
        }
      : filesOutcome(await ingest({ ...options, notify: (message) => notice(io, message) }));
  } finally {
    progress.stop();
  }
  const { report } = outcome;
  const stats = outcome.stats.find((entry) => entry.name === collection);
  fetched = fetched.map((item) => withSummary(item, outcome.whole));
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
      ...(flags.collection !== undefined ? { collection: stats ?? null, added } : {}),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  for (const feed of feeds) io.stdout.write(`${feedLine(feed)}\n`);
  for (const item of fetched) io.stdout.write(`${fetchedLine(item)}\n`);
  for (const item of added)
    io.stdout.write(
      item.as === 'folder'
        ? `collection ${collection}: reads the folder ${displayPath(item.path)}\n`
        : `collection ${collection}: copied ${displayPath(item.path)} → ${displayPath(item.stored)}\n`,
    );
  const folders = [
    config.corpusDir,
    ...(await existingDirs([config.fetchedDir])),
    ...outcome.collections.map((source) => source.dir),
  ];
  const shown = [...new Set(folders)].map(displayPath).join(', ');
  io.stdout.write(indexedText(report, shown, config.indexDir, embedder.id));
  if (flags.collection !== undefined && stats)
    io.stdout.write(`  collection ${collection}: ${statsText(stats)}.\n`);
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
    folderFor: feedFolder(config),
  });
}

/** What the rest of the command reports, from either writer. */
interface IngestOutcome {
  report: IngestReport;
  stats: CollectionStats[];
  /** Documents held whole (quotes included): all of them from the files writer, the fetched ones from PostgreSQL's. */
  whole: readonly StoredDocument[];
  collections: { dir: string }[];
}

function filesOutcome({ index, report }: { index: IndexData; report: IngestReport }): IngestOutcome {
  return {
    report,
    stats: collectionStats(index.documents),
    whole: index.documents,
    collections: index.manifest.collections ?? [],
  };
}

function withSummary(item: FetchedReport, documents: readonly StoredDocument[]): FetchedReport {
  const stored = item.path ? documents.find((document) => document.path === item.path) : undefined;
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
