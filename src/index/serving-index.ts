import { describeError, isWhosaidError } from '../errors.js';
import { runNow, type Steps } from '../run-in-slices.js';
import type { Embedder } from './embedder.js';
import { indexStaleness } from './index-staleness.js';
import { type IndexData, readIndex, readManifest } from './index-store.js';
import type { IngestReport } from './ingest.js';
import { LiveIndex } from './live-index.js';
import { loadGenerationInWorker } from './load-in-worker.js';
import { type RebuildSettings, rebuildInWorker } from './rebuild-in-worker.js';
import type { IngestProgress } from './types.js';

export interface ServingIndexOptions extends RebuildSettings {
  /** Must be the embedder `embeddings` describes: queries of every generation are embedded with it. */
  embedder: Embedder;
  /** Human-readable notices: why the index is stale, that a rebuild started, finished or failed. */
  notify?: (message: string, level: 'info' | 'warn') => void;
  /** Progress of the build that must finish before serving (no usable index yet). */
  onProgress?: (progress: IngestProgress) => void;
}

/** The index of a long-running process (the bot), kept current without a restart. */
export interface ServingIndex<T> {
  live: LiveIndex<IndexData, T>;
  /**
   * Brings the index up to date with the corpus (new feed items, a document added from Slack, changed
   * code) in the background, and swaps to the new generation when it is complete; resolves with the
   * ingest report after the swap. Requests made during a rebuild are folded into one more rebuild.
   */
  refresh(): Promise<IngestReport>;
  /**
   * Swaps to the index on disk when another process (a scheduled `whosaid ingest`) wrote a newer
   * generation than the one served; resolves true when it did. Nothing is rebuilt.
   */
  reload(): Promise<boolean>;
  /** The background rebuild started at opening because the index was stale, if any. */
  rebuilding: Promise<IngestReport> | null;
}

/**
 * Opens the newest complete index and serves it at once, even when stale — saying so and why — while
 * a worker thread rebuilds it; only when no usable index exists (none yet, another embedder or format,
 * damaged) is the first one built before serving.
 */
export async function openServingIndex<T>(
  options: ServingIndexOptions,
  prepare: (index: IndexData) => Steps<T>,
): Promise<ServingIndex<T>> {
  const notify = options.notify ?? (() => {});
  // Only plain data crosses into the worker.
  const settings: RebuildSettings = {
    corpusDir: options.corpusDir,
    fetchedDir: options.fetchedDir,
    indexDir: options.indexDir,
    collectionsDir: options.collectionsDir,
    maxBytes: options.maxBytes,
    embeddings: options.embeddings,
  };
  let first = await readUsable(options, notify);
  if (!first) {
    await rebuildInWorker(settings, options.onProgress, (message) => notify(message, 'info'));
    first = await readIndex(options.indexDir, { embedderId: options.embedder.id });
  }
  // The first generation is prepared at once (nothing is served yet); later ones in slices.
  const live = new LiveIndex(first, {
    prepare: (index) => runNow(prepare(index)),
    prepareSteps: prepare,
    release: releaseGraph,
  });
  // While serving, a new generation is read in a worker thread and handed over in pieces, and what
  // answers read of it is prepared in slices: reading it here (JSON.parse of every file at once), or
  // preparing it in one go, paused acknowledgements for seconds at 100k paragraphs.
  const loadGeneration = () =>
    loadGenerationInWorker({ indexDir: options.indexDir, embedderId: options.embedder.id });
  const refresh = coalesced(async () => {
    const report = await rebuildInWorker(settings, undefined, (message) => notify(message, 'info'));
    await live.swapInSlices(await loadGeneration());
    notify(
      `The index was rebuilt (${report.added.length} new, ${report.changed.length} changed, ${report.removed.length} removed documents; ${report.embedded} passages embedded): now answering from generation ${live.generation}.`,
      'info',
    );
    return report;
  });
  const stale = await indexStaleness(first, options);
  let rebuilding: Promise<IngestReport> | null = null;
  if (stale) {
    notify(
      `Answering from the index built ${first.manifest.builtAt}, which is out of date (${stale}): rebuilding it in the background.`,
      'warn',
    );
    rebuilding = refresh();
    rebuilding.catch((error: unknown) =>
      notify(
        `The background rebuild failed (${describeError(error)}); still answering from the index built ${first.manifest.builtAt}.`,
        'warn',
      ),
    );
  }
  const reload = async () => {
    const manifest = await readManifest(options.indexDir);
    if (!manifest || manifest.builtAt === live.index.manifest.builtAt) return false;
    await live.swapInSlices(await loadGeneration());
    return true;
  };
  return { live, refresh, reload, rebuilding };
}

async function readUsable(
  options: ServingIndexOptions,
  notify: (message: string, level: 'info' | 'warn') => void,
): Promise<IndexData | null> {
  try {
    return await readIndex(options.indexDir, { embedderId: options.embedder.id });
  } catch (error) {
    if (!isWhosaidError(error)) throw error;
    if (error.code === 'INDEX_MISSING')
      notify(`No index yet: building it from ${options.corpusDir}…`, 'info');
    else if (error.code === 'INDEX_MISMATCH' || error.code === 'INDEX_CORRUPT')
      notify(`${error.message} Rebuilding it before answering…`, 'warn');
    else throw error;
    return null;
  }
}

/**
 * The native hnswlib memory of a replaced generation, freed at once (garbage collection would free it
 * eventually, but native memory does not press V8 to collect). An index built in this process may
 * share its graph with the one it replaced (assemble-index.ts): then it stays.
 */
export function releaseGraph(index: IndexData, replacement: IndexData): void {
  if (index.hnsw !== replacement.hnsw) index.hnsw.release();
}

/** One run at a time; calls during a run share a single next run (which sees all their changes). */
export function coalesced<R>(run: () => Promise<R>): () => Promise<R> {
  let running: Promise<R> | null = null;
  let next: Promise<R> | null = null;
  const request = (): Promise<R> => {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running
      .catch(() => {})
      .then(() => {
        next = null;
        return request();
      });
    return next;
  };
  return request;
}
