import { type ErrorCode, WhosaidError } from '../errors.js';
import { addPiece, type GenerationHeader, type Piece } from './generation-pieces.js';
import { damagedUnless, type IndexData, loadGraph } from './index-store.js';
import { LexicalIndex } from './lexical-index.js';
import { startWorker } from './start-worker.js';

export interface LoadRequest {
  indexDir: string;
  embedderId: string;
}

export type LoadWorkerMessage =
  | { type: 'header'; header: GenerationHeader }
  | { type: 'piece'; piece: Piece }
  | { type: 'failed'; code: ErrorCode | null; message: string };

/**
 * Reads the index generation in `indexDir` as readIndex does, without pausing this thread for longer
 * than one piece at a time: a worker thread reads, parses and checks the files and sends them over in
 * pieces this thread asks for one by one (generation-pieces.ts); the BM25 index is rebuilt from them
 * yielding every thousand terms, and hnswlib reads its graph on a thread of its own. For the bot,
 * whose thread must acknowledge Slack within 3 s while it swaps to a new generation.
 */
export async function loadGenerationInWorker(request: LoadRequest): Promise<IndexData> {
  const parts = await receiveParts(request);
  return damagedUnless(request.indexDir, async () => ({
    manifest: parts.manifest,
    documents: parts.documents,
    chunks: parts.chunks,
    vectors: parts.vectors,
    hnsw: await loadGraph(parts),
    lexical: await LexicalIndex.fromJSONAsync(parts.lexical),
  }));
}

function receiveParts(request: LoadRequest): Promise<GenerationHeader['parts']> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('load-worker', request);
    let header: GenerationHeader | undefined;
    let received = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else if (header) resolve(header.parts);
    };
    const askNext = () => {
      if (header && received === header.pieces) finish(null);
      // Asked for after this thread's event loop has turned: Node delivers the messages waiting on a
      // port in one go, so a piece asked for at once, arriving while this one is still being read,
      // would be handled in the same turn, and so on to the last piece (one long pause again).
      else setImmediate(() => worker.postMessage('next'));
    };
    worker.on('message', (message: LoadWorkerMessage) => {
      if (message.type === 'failed')
        return finish(
          message.code ? new WhosaidError(message.code, message.message) : new Error(message.message),
        );
      if (message.type === 'header') header = message.header;
      else if (header) {
        addPiece(header.parts, message.piece);
        received += 1;
      }
      askNext();
    });
    worker.on('error', (error) => {
      if (!settled) finish(error);
    });
    worker.on('exit', (code) => {
      if (!settled) finish(new Error(`the index reader stopped (exit code ${code}) before finishing`));
    });
  });
}
