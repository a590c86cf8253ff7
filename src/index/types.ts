import type { Embeddings } from '@langchain/core/embeddings';
import type { DocumentMeta } from '../corpus/types.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import type { Quote } from '../quotes/types.js';
import type { Alias } from '../text/aliases.js';
import type { PipelineFingerprint } from './pipeline-version.js';

/** The unit of retrieval: a paragraph, or a sentence-aligned part of a very long one. */
export interface Chunk {
  /** Position in the index (of its row in the vectors, its document in the keyword index). */
  label: number;
  /**
   * Its vector's label in the hnswlib graph, when that is not `label`: an edited graph keeps each
   * vector's label across generations while chunks move (vector-index.ts, `edit`). Absent: `label`.
   */
  vector?: number;
  /** `${doc}#${paragraph}` (plus `.${part}` when a long paragraph was split). */
  id: string;
  doc: string;
  paragraph: number;
  /** Page of a paged document (PDF) the paragraph starts on. */
  page?: number;
  /** Verbatim slice of the document text. */
  text: string;
  start: number;
  end: number;
  /** The attributed quotes whose span lies in this chunk. */
  quotes: Quote[];
}

/** What the index keeps about each document: metadata for citations, and what decides re-embedding. */
export interface StoredDocument {
  id: string;
  path: string;
  /** The collection it belongs to; absent for `news` (the corpus folder), as in indexes made before collections. */
  collection?: string;
  meta: DocumentMeta;
  contentHash: string;
  size: number;
  mtimeMs: number;
  paragraphCount: number;
  quotes: Quote[];
  /** Short forms the document defines or implies ("DoD", "WSJ"), learnt at ingest. */
  aliases: Alias[];
}

/**
 * The corpus-wide tables questions are read with, as the writer computes them from the whole index
 * at publication (src/answer/corpus-tables.ts) so a replica reads them instead of rebuilding them from
 * every paragraph and quote at start-up. Plain JSON: each Map as its entries, in insertion order
 * (ties are broken by it). They describe the index as a whole, never a view of some collections.
 */
export interface CorpusTables {
  /** The speaker directory (speaker-directory.ts) over every document's quotes. */
  speakers: SpeakerEntry[];
  /** Short form, lower-cased → the names it stands for (search-context.ts). */
  aliases: [string, string[]][];
  /** Each word of the paragraphs and titles (stopwords aside) → its occurrences (correct-question.ts). */
  vocabulary: [string, number][];
  /** Each capitalised run of the paragraphs → its occurrences, first met first (corpus-names.ts). */
  nameRuns: [string, number][];
  /** Each quoted person's name → the stems of what the documents write around it (speaker-descriptions.ts). */
  descriptions: [string, string[]][];
}

export interface IndexManifest {
  formatVersion: number;
  /** Fingerprint of the document-processing code that built the index (see pipeline-version.ts). */
  pipeline: string;
  /** The same, step by step, so a change to one step re-runs that step only (absent before steps). */
  steps?: PipelineFingerprint;
  /** `identity`: what the vectors depend on (see Embedder); absent in indexes from before the cache. */
  embedder: { id: string; dimensions: number; identity?: string };
  corpusDir: string;
  /** The collection folders indexed besides the corpus (absent in indexes from before collections). */
  collections?: { collection: string; dir: string }[];
  builtAt: string;
  chunkCount: number;
  documents: Record<string, { contentHash: string; chunkCount: number }>;
  problems: { path: string; reason: string }[];
  /**
   * SHA-256 of the binary files, checked before they are read: hnswlib trusts its file and a damaged
   * one can crash the process, so corruption must be found first.
   */
  checksums?: Record<string, string>;
}

/**
 * What the index needs of an embeddings model: langchain's `Embeddings` interface (OpenAIEmbeddings
 * implements it), as a type only, so the offline default never loads langchain.
 */
export type EmbeddingsModel = Pick<Embeddings, 'embedDocuments' | 'embedQuery'>;

type IngestPhase = 'load' | 'embed' | 'build' | 'write';

/** Progress of an ingest, phase by phase, for a progress bar. */
export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}
