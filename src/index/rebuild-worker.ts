/**
 * Runs one ingest in a worker thread (see rebuild-in-worker.ts), so a long rebuild — quote extraction
 * and the vector graph are CPU-bound for minutes on a large corpus — never stalls the thread that
 * acknowledges Slack and answers questions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, isWhosaidError } from '../errors.js';
import { createEmbedder } from './embedder.js';
import { ingest } from './ingest.js';
import type { RebuildSettings, WorkerMessage } from './rebuild-in-worker.js';

const settings = workerData as RebuildSettings;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  const embedder = await createEmbedder(settings.embeddings);
  const { report } = await ingest({
    corpusDir: settings.corpusDir,
    fetchedDir: settings.fetchedDir,
    indexDir: settings.indexDir,
    collectionsDir: settings.collectionsDir,
    embedder,
    maxBytes: settings.maxBytes,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', report });
} catch (error) {
  post({
    type: 'failed',
    code: isWhosaidError(error) ? error.code : null,
    message: describeError(error),
  });
}
