import { describeError, WhosaidError } from '../errors.js';
import type { Embedder } from './embedder.js';
import { type EmbeddingCache, textHash } from './embedding-cache.js';
import type { IndexData } from './index-store.js';
import type { IngestProgress } from './types.js';

export interface ChunkVectorsOptions {
  embedder: Embedder;
  cache: EmbeddingCache;
  /** The previous generation: its vectors seed the cache when it was made by the same embedder. */
  previous: IndexData | null;
}

/**
 * One vector per text, embedding only texts neither the cache nor the previous generation holds, each
 * distinct text once; every batch is added to the cache as soon as it is paid for.
 */
export async function chunkVectors(
  texts: string[],
  { embedder, cache, previous }: ChunkVectorsOptions,
  progress: (progress: IngestProgress) => void,
): Promise<{ rows: Float32Array[]; embedded: number }> {
  const hashes = texts.map(textHash);
  if (previous && sameIdentity(previous, embedder)) await cache.add(previousVectors(previous, hashes, cache));
  const missing = new Map<string, string>();
  hashes.forEach((hash, i) => {
    if (!cache.has(hash) && !missing.has(hash)) missing.set(hash, texts[i] ?? '');
  });
  const toEmbed = [...missing];
  progress({ phase: 'embed', done: 0, total: toEmbed.length });
  for (let i = 0; i < toEmbed.length; i += embedder.batchSize) {
    const batch = toEmbed.slice(i, i + embedder.batchSize);
    const vectors = await embedder.embeddings
      .embedDocuments(batch.map(([, text]) => text))
      .catch((error: unknown) => {
        throw embeddingsFailed(embedder, error, i, toEmbed.length);
      });
    await cache.add(batch.map(([hash], j) => ({ hash, vector: vectors[j] ?? [] })));
    progress({ phase: 'embed', done: Math.min(i + batch.length, toEmbed.length), total: toEmbed.length });
  }
  const rows = hashes.map((hash) => {
    const vector = cache.get(hash);
    if (!vector)
      throw new Error(`the embeddings model returned vectors of another size than before (${embedder.id})`);
    return vector;
  });
  return { rows, embedded: toEmbed.length };
}

/**
 * The service failing mid-ingest (unreachable, model missing, quota): the index is written only at the
 * end, so it is untouched, and the batches already paid for are in the cache.
 */
function embeddingsFailed(embedder: Embedder, error: unknown, done: number, total: number): WhosaidError {
  return new WhosaidError(
    'EMBEDDINGS_FAILED',
    `The embeddings service (${embedder.id}) failed after ${done} of ${total} new passages (${describeError(error)}). ` +
      'The index was not changed, and passages already embedded are kept for the next run. Check OPENAI_BASE_URL and ' +
      'OPENAI_EMBEDDING_MODEL (or set WHOSAID_EMBEDDINGS=local), then run `whosaid ingest` again.',
    { cause: error },
  );
}

/** True when the previous generation's vectors are what this embedder would compute. */
export function sameIdentity(previous: IndexData, embedder: Embedder): boolean {
  const { identity, id } = previous.manifest.embedder;
  // Before the cache, an index recorded only its id: enough for a hosted model (its vectors depend on
  // its name alone), never for the local one, whose code may have changed since.
  return (identity ?? id) === embedder.identity;
}

function previousVectors(previous: IndexData, wanted: string[], cache: EmbeddingCache) {
  const needed = new Set(wanted.filter((hash) => !cache.has(hash)));
  if (needed.size === 0) return [];
  const { dimensions } = previous.manifest.embedder;
  const found: { hash: string; vector: Float32Array }[] = [];
  for (const chunk of previous.chunks) {
    const hash = textHash(chunk.text);
    if (!needed.delete(hash)) continue;
    found.push({
      hash,
      vector: previous.vectors.subarray(chunk.label * dimensions, (chunk.label + 1) * dimensions),
    });
  }
  return found;
}
