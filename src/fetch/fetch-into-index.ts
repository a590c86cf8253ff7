import type { Embedder } from '../index/embedder.js';
import type { IndexData } from '../index/index-store.js';
import { ingest } from '../index/ingest.js';
import type { FetchPolicy } from './fetch-url.js';

/** Everything needed to fetch documents and bring the index up to date with them. */
export interface FetchIntoIndexOptions {
  corpusDir: string;
  fetchedDir: string;
  indexDir: string;
  /** The collections folder (see IngestOptions). */
  collectionsDir?: string;
  embedder: Embedder;
  maxBytes?: number;
  policy: FetchPolicy;
  /**
   * Brings the index up to date once documents are stored, and returns it. By default an ingest in
   * this thread; the bot passes its background rebuild, which also swaps the new generation in.
   */
  reindex?: () => Promise<IndexData>;
}

/** The index brought up to date with the stored documents (see `reindex`). */
export async function reindexAfterFetch(options: FetchIntoIndexOptions): Promise<IndexData> {
  if (options.reindex) return options.reindex();
  const { index } = await ingest({
    corpusDir: options.corpusDir,
    fetchedDir: options.fetchedDir,
    indexDir: options.indexDir,
    collectionsDir: options.collectionsDir,
    embedder: options.embedder,
    maxBytes: options.maxBytes,
  });
  return index;
}
