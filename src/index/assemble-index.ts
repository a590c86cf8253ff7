import type { CorpusProblem } from '../corpus/load-corpus.js';
import type { Embedder } from './embedder.js';
import { INDEX_FORMAT_VERSION, type IndexData } from './index-store.js';
import { LexicalIndex } from './lexical-index.js';
import { pipelineVersion } from './pipeline-version.js';
import type { Chunk, IngestProgress, StoredDocument } from './types.js';
import { HnswVectorIndex } from './vector-index.js';

/** A document ready to index: its chunks, and its vectors when an earlier index had them. */
export interface PreparedDocument {
  stored: StoredDocument;
  chunks: Omit<Chunk, 'label'>[];
  /** Reused vectors (one per chunk), or null when the document must be embedded. */
  vectors: Float32Array[] | null;
}

export interface AssembleOptions {
  embedder: Embedder;
  corpusDir: string;
  problems: CorpusProblem[];
}

/**
 * Builds the index from prepared documents: embeds the chunks that have no reusable vectors (reporting
 * progress between batches), then the hnswlib graph, the BM25 index and the manifest.
 */
export async function assembleIndex(
  prepared: PreparedDocument[],
  options: AssembleOptions,
  progress: (progress: IngestProgress) => void,
): Promise<{ index: IndexData; embedded: number }> {
  const chunks: Chunk[] = prepared
    .flatMap((document) => document.chunks)
    .map((chunk, label) => ({ ...chunk, label }));
  const toEmbed = prepared.flatMap((document) =>
    document.vectors ? [] : document.chunks.map((chunk) => chunk.text),
  );
  const fresh = await embedAll(toEmbed, options.embedder, progress);
  const rows: Float32Array[] = [];
  let nextFresh = 0;
  for (const document of prepared) {
    if (document.vectors) rows.push(...document.vectors);
    else for (const _chunk of document.chunks) rows.push(Float32Array.from(fresh[nextFresh++] ?? []));
  }
  const dimensions = rows[0]?.length ?? 0;
  const vectors = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => {
    vectors.set(row, i * dimensions);
  });
  progress({ phase: 'build', done: 0, total: 1 });
  const hnsw = HnswVectorIndex.build(rows, dimensions);
  const documents = prepared.map((document) => document.stored);
  const titles = new Map(documents.map((document) => [document.id, document.meta.title]));
  const lexical = LexicalIndex.build(
    chunks.map((chunk) => toLexicalDocument(chunk, titles.get(chunk.doc) ?? '')),
  );
  progress({ phase: 'build', done: 1, total: 1 });
  const index: IndexData = {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      pipeline: await pipelineVersion(),
      embedder: { id: options.embedder.id, dimensions },
      corpusDir: options.corpusDir,
      builtAt: new Date().toISOString(),
      chunkCount: chunks.length,
      documents: Object.fromEntries(
        prepared.map((document) => [
          document.stored.id,
          { contentHash: document.stored.contentHash, chunkCount: document.chunks.length },
        ]),
      ),
      problems: options.problems,
    },
    documents,
    chunks,
    vectors,
    hnsw,
    lexical,
  };
  return { index, embedded: fresh.length };
}

async function embedAll(
  texts: string[],
  embedder: Embedder,
  progress: (progress: IngestProgress) => void,
): Promise<number[][]> {
  const vectors: number[][] = [];
  progress({ phase: 'embed', done: 0, total: texts.length });
  for (let i = 0; i < texts.length; i += embedder.batchSize) {
    vectors.push(...(await embedder.embeddings.embedDocuments(texts.slice(i, i + embedder.batchSize))));
    progress({ phase: 'embed', done: vectors.length, total: texts.length });
  }
  return vectors;
}

export function toLexicalDocument(chunk: Chunk, title: string) {
  const speakers = chunk.quotes
    .flatMap((quote) => [quote.speaker, quote.role, ...quote.members])
    .filter(Boolean);
  return { label: chunk.label, text: chunk.text, speakers: [...new Set(speakers)].join(' ; '), title };
}
