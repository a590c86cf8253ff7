import type { Config } from '../config.js';
import { type ErrorCode, WhosaidError } from '../errors.js';
import type { IngestReport } from './ingest.js';
import { startWorker } from './start-worker.js';
import type { IngestProgress } from './types.js';

/** What the worker needs to build the index: plain data (a worker gets copies, never objects). */
export interface RebuildSettings {
  corpusDir: string;
  /** The fetched-documents folder, indexed with the corpus (see IngestOptions). */
  fetchedDir?: string;
  indexDir: string;
  /** The collections folder (see IngestOptions). */
  collectionsDir?: string;
  maxBytes?: number;
  embeddings: Pick<Config, 'embeddings' | 'openai'>;
}

export type WorkerMessage =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'done'; report: IngestReport }
  | { type: 'failed'; code: ErrorCode | null; message: string };

/**
 * Ingests in a worker thread and resolves with its report once the new index is on disk. Its memory
 * (the whole build) is returned when the worker ends; the caller reads the written index.
 */
export function rebuildInWorker(
  settings: RebuildSettings,
  onProgress: (progress: IngestProgress) => void = () => {},
): Promise<IngestReport> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('rebuild-worker', settings);
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') return onProgress(message.progress);
      settled = true;
      if (message.type === 'done') resolve(message.report);
      else
        reject(message.code ? new WhosaidError(message.code, message.message) : new Error(message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the index rebuild stopped (exit code ${code}) before finishing`));
    });
  });
}
