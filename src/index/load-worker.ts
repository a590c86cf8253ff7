/**
 * Reads and checks an index generation in a worker thread (see load-in-worker.ts) and hands it over
 * in pieces, one each time the bot's thread asks (generation-pieces.ts), so that thread never parses
 * the generation's JSON itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, isWhosaidError } from '../errors.js';
import { splitParts } from './generation-pieces.js';
import { readIndexParts } from './index-store.js';
import type { LoadRequest, LoadWorkerMessage } from './load-in-worker.js';

const request = workerData as LoadRequest;
const post = (message: LoadWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort?.postMessage(message, transfer);
try {
  const parts = await readIndexParts(request.indexDir, { embedderId: request.embedderId });
  const { header, pieces } = splitParts(parts);
  let next = 0;
  parentPort?.on('message', () => {
    const piece = pieces[next];
    pieces[next] = undefined as never;
    next += 1;
    if (piece) post({ type: 'piece', piece });
    else parentPort?.close();
  });
  post({ type: 'header', header: { parts: header, pieces: pieces.length } }, [
    header.vectors.buffer as ArrayBuffer,
  ]);
} catch (error) {
  post({ type: 'failed', code: isWhosaidError(error) ? error.code : null, message: describeError(error) });
}
