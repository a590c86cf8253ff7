import type { Embedder } from '../index/embedder.js';
import { ingest } from '../index/ingest.js';
import type { StoredDocument } from '../index/types.js';
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
   * Brings the index up to date once the documents at `stored` (paths) are stored, and returns the
   * indexed documents, at least those whole. By default an ingest in this thread; the bot passes its
   * background rebuild, which also swaps the new generation in, or its writer of the index in
   * PostgreSQL.
   */
  reindex?: (stored: readonly string[]) => Promise<IndexedDocuments>;
}

/** What a reindex returns: the documents indexed (quotes included for those just stored). */
export interface IndexedDocuments {
  documents: readonly StoredDocument[];
}

/** The index brought up to date with the stored documents (see `reindex`). */
export async function reindexAfterFetch(
  options: FetchIntoIndexOptions,
  stored: readonly string[],
): Promise<IndexedDocuments> {
  if (options.reindex) return options.reindex(stored);
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
