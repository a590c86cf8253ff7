import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { existingDirs, listFiles } from '../corpus/list-files.js';
import { isWhosaidError } from '../errors.js';
import type { Embedder } from './embedder.js';
import { type IndexData, readIndex } from './index-store.js';
import type { IngestReport } from './ingest.js';
import { pipelineVersion } from './pipeline-version.js';
import type { IngestProgress } from './types.js';

export interface OpenIndexOptions {
  corpusDir: string;
  /** The fetched-documents folder, indexed with the corpus (see IngestOptions). */
  fetchedDir?: string;
  indexDir: string;
  embedder: Embedder;
  maxBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Human-readable notices ("building the index…"); the CLI prints them on stderr. */
  notify?: (message: string) => void;
}

/**
 * The index for the configured corpus, ready to query: read from disk when it is current; built on
 * first use; rebuilt (with a notice saying why) when it was made with another embedder or format or
 * is damaged; brought up to date incrementally when corpus files changed since it was written.
 */
export async function openIndex(
  options: OpenIndexOptions,
): Promise<{ index: IndexData; report: IngestReport | null }> {
  const notify = options.notify ?? (() => {});
  let reason: string;
  try {
    const index = await readIndex(options.indexDir, {
      embedderId: options.embedder.id,
      pipeline: await pipelineVersion(),
    });
    if (!(await corpusChanged(index, options.corpusDir, options.fetchedDir))) return { index, report: null };
    reason = `The corpus in ${options.corpusDir} changed since the index was built: updating it…`;
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

/** Cheap freshness check: the same files, with the same sizes and modification times. */
export async function corpusChanged(
  index: IndexData,
  corpusDir: string,
  fetchedDir?: string,
): Promise<boolean> {
  if (resolve(index.manifest.corpusDir) !== resolve(corpusDir)) return true;
  const files = await listFiles(resolve(corpusDir)).catch(() => null);
  if (!files) return true;
  for (const dir of await existingDirs(fetchedDir ? [fetchedDir] : [])) files.push(...(await listFiles(dir)));
  const known = new Map(index.documents.map((document) => [document.path, document]));
  const problems = new Set(index.manifest.problems.map((problem) => resolve(problem.path)));
  if (files.length !== known.size + problems.size) return true;
  for (const file of files) {
    const document = known.get(file);
    if (!document) {
      if (problems.has(file)) continue;
      return true;
    }
    const info = await stat(file).catch(() => null);
    if (!info || info.size !== document.size || info.mtimeMs !== document.mtimeMs) return true;
  }
  return false;
}
