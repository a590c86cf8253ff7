import { isWhosaidError } from '../errors.js';
import type { Embedder } from './embedder.js';
import { indexStaleness } from './index-staleness.js';
import { type IndexData, readIndex } from './index-store.js';
import type { IngestReport } from './ingest.js';
import type { IngestProgress } from './types.js';

export interface OpenIndexOptions {
  corpusDir: string;
  /** The fetched-documents folder, indexed with the corpus (see IngestOptions). */
  fetchedDir?: string;
  indexDir: string;
  /** The collections folder (see IngestOptions). */
  collectionsDir?: string;
  embedder: Embedder;
  maxBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Human-readable notices ("building the index…"); the CLI prints them on stderr. */
  notify?: (message: string) => void;
}

/**
 * The index for the configured corpus, ready to query: read from disk when it is current; built on
 * first use; rebuilt (with a notice saying why) when it was made with another embedder or format or
 * is damaged; brought up to date incrementally when corpus files or processing code changed since it
 * was written (only the steps and texts that changed are redone).
 */
export async function openIndex(
  options: OpenIndexOptions,
): Promise<{ index: IndexData; report: IngestReport | null }> {
  const notify = options.notify ?? (() => {});
  let reason: string;
  try {
    const index = await readIndex(options.indexDir, { embedderId: options.embedder.id });
    const stale = await indexStaleness(index, options);
    if (!stale) return { index, report: null };
    reason = `The index is out of date (${stale}): updating it…`;
  } catch (error) {
    if (!isWhosaidError(error)) throw error;
    if (error.code === 'INDEX_MISSING') reason = `No index yet: building it from ${options.corpusDir}…`;
    else if (error.code === 'INDEX_MISMATCH' || error.code === 'INDEX_CORRUPT')
      reason = `${error.message} Rebuilding it…`;
    else throw error;
  }
  notify(reason);
  // Loaded only now: a current index is opened without the parsers and the quote engine.
  const { ingest } = await import('./ingest.js');
  const { index, report } = await ingest(options);
  return { index, report };
}
