import type { CorpusProblem } from '../corpus/load-corpus.js';
import { chunkVectors, sameIdentity } from './chunk-vectors.js';
import type { Embedder } from './embedder.js';
import type { EmbeddingCache } from './embedding-cache.js';
import { INDEX_FORMAT_VERSION, type IndexData } from './index-store.js';
import { LexicalIndex } from './lexical-index.js';
import { combinedFingerprint, type PipelineFingerprint } from './pipeline-version.js';
import type { Chunk, IngestProgress, StoredDocument } from './types.js';
import { HnswVectorIndex } from './vector-index.js';

/** A document ready to index: what it stores and its chunks. */
export interface PreparedDocument {
  stored: StoredDocument;
  chunks: Omit<Chunk, 'label'>[];
}

export interface AssembleOptions {
  embedder: Embedder;
  cache: EmbeddingCache;
  /** The generation this one replaces, if readable: a source of vectors and of the vector graph. */
  previous: IndexData | null;
  steps: PipelineFingerprint;
  corpusDir: string;
  problems: CorpusProblem[];
}

/**
 * Builds the index from prepared documents: vectors (embedding only texts never embedded before,
 * reporting progress between batches), then the hnswlib graph, the BM25 index and the manifest.
 */
export async function assembleIndex(
  prepared: PreparedDocument[],
  options: AssembleOptions,
  progress: (progress: IngestProgress) => void,
): Promise<{ index: IndexData; embedded: number }> {
  const chunks: Chunk[] = prepared
    .flatMap((document) => document.chunks)
    .map((chunk, label) => ({ ...chunk, label }));
  const { rows, embedded } = await chunkVectors(
    chunks.map((chunk) => chunk.text),
    options,
    progress,
  );
  const dimensions = rows[0]?.length ?? 0;
  const vectors = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => {
    vectors.set(row, i * dimensions);
  });
  progress({ phase: 'build', done: 0, total: 1 });
  const hnsw =
    reusableGraph(options, chunks) ??
    editedGraph(options, chunks, rows) ??
    HnswVectorIndex.build(rows, dimensions);
  // Where the edited graph keeps a chunk's vector under another label than its position (a chunk
  // copied from the previous generation brings that generation's, which no longer holds).
  for (const chunk of chunks) {
    const label = hnsw.graphLabelOf(chunk.label);
    if (label !== chunk.label) chunk.vector = label;
    else delete chunk.vector;
  }
  const documents = prepared.map((document) => document.stored);
  const titles = new Map(documents.map((document) => [document.id, document.meta.title]));
  const lexical = LexicalIndex.build(
    chunks.map((chunk) => toLexicalDocument(chunk, titles.get(chunk.doc) ?? '')),
  );
  progress({ phase: 'build', done: 1, total: 1 });
  const index: IndexData = {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      pipeline: combinedFingerprint(options.steps),
      steps: options.steps,
      embedder: { id: options.embedder.id, dimensions, identity: options.embedder.identity },
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
  return { index, embedded };
}

/**
 * The previous generation's graph, when it holds exactly these vectors in this order (the same texts
 * by the same embedder, and the same graph code): building it again would give the same graph (the
 * build is single-threaded with a fixed seed), at the cost of the slowest step of an ingest. This is what makes a change to
 * quote attribution cheap: the texts, and so the graph, stay the same.
 */
function reusableGraph(
  { previous, embedder, steps }: AssembleOptions,
  chunks: Chunk[],
): HnswVectorIndex | null {
  if (!previous || !sameIdentity(previous, embedder) || previous.chunks.length !== chunks.length) return null;
  if (previous.manifest.steps?.vectorGraph !== steps.vectorGraph) return null;
  const same = chunks.every((chunk, i) => previous.chunks[i]?.text === chunk.text);
  return same ? previous.hnsw : null;
}

/**
 * The previous generation's graph, edited into this one's (vector-index.ts, `edit`): a chunk whose
 * text the previous generation also had keeps that vector's label (the same text by the same embedder
 * is the same vector), new texts are added, vanished ones deleted. So editing one document of 100,000
 * paragraphs re-inserts only its changed passages instead of building the whole graph again. Null when
 * the graphs cannot be related (another embedder or graph code) or editing would leave the graph
 * mostly deleted points.
 */
function editedGraph(
  { previous, embedder, steps }: AssembleOptions,
  chunks: Chunk[],
  rows: readonly ArrayLike<number>[],
): HnswVectorIndex | null {
  if (!previous || !sameIdentity(previous, embedder)) return null;
  if (previous.manifest.steps?.vectorGraph !== steps.vectorGraph) return null;
  const labelsByText = new Map<string, number[]>();
  for (const chunk of previous.chunks) {
    const labels = labelsByText.get(chunk.text) ?? [];
    labels.push(previous.hnsw.graphLabelOf(chunk.label));
    labelsByText.set(chunk.text, labels);
  }
  const reuse = chunks.map((chunk) => labelsByText.get(chunk.text)?.shift() ?? null);
  return previous.hnsw.edit(rows, reuse);
}

export function toLexicalDocument(chunk: Chunk, title: string) {
  const speakers = chunk.quotes
    .flatMap((quote) => [quote.speaker, quote.role, ...quote.members])
    .filter(Boolean);
  return { label: chunk.label, text: chunk.text, speakers: [...new Set(speakers)].join(' ; '), title };
}
