import { stat } from 'node:fs/promises';
import { type CorpusProblem, loadCorpus } from '../corpus/load-corpus.js';
import type { CorpusDocument } from '../corpus/types.js';
import { isWhosaidError, WhosaidError } from '../errors.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import type { Quote } from '../quotes/types.js';
import { findAliases } from '../text/aliases.js';
import { assembleIndex, type PreparedDocument } from './assemble-index.js';
import { chunkDocument } from './chunk-document.js';
import type { Embedder } from './embedder.js';
import { checkIndexLocation } from './index-location.js';
import { type IndexData, readIndex, writeIndex } from './index-store.js';
import { pipelineVersion } from './pipeline-version.js';
import type { Chunk, IngestProgress, StoredDocument } from './types.js';

export interface IngestOptions {
  corpusDir: string;
  /** The fetched-documents folder (articles and files brought in by URL), indexed with the corpus. */
  fetchedDir?: string;
  indexDir: string;
  embedder: Embedder;
  maxBytes?: number;
  /** Fail on the first malformed file instead of reporting it and indexing the rest. */
  strict?: boolean;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestReport {
  documents: number;
  chunks: number;
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  /** Chunks whose vectors were computed in this run (unchanged documents reuse theirs). */
  embedded: number;
  problems: CorpusProblem[];
  /** Why an existing index could not be reused, when it could not. */
  rebuildReason: string | null;
}

/** Loads the corpus, embeds what changed, and writes a fresh index atomically. */
export async function ingest(options: IngestOptions): Promise<{ index: IndexData; report: IngestReport }> {
  const progress = options.onProgress ?? (() => {});
  await checkIndexLocation(options.indexDir, options.corpusDir);
  if (options.fetchedDir) await checkIndexLocation(options.indexDir, options.fetchedDir);
  const corpus = await loadCorpus({
    dir: options.corpusDir,
    extraDirs: options.fetchedDir ? [options.fetchedDir] : [],
    maxBytes: options.maxBytes,
  });
  if (options.strict && corpus.problems.length > 0) {
    const list = corpus.problems.map((problem) => `  ${problem.path}: ${problem.reason}`).join('\n');
    throw new WhosaidError(
      'CORPUS_FILE_INVALID',
      `--strict: ${corpus.problems.length} file(s) cannot be indexed:\n${list}`,
    );
  }
  if (corpus.documents.length === 0) {
    throw new WhosaidError(
      'CORPUS_EMPTY',
      `No usable documents in ${options.corpusDir} (.md, .txt, .html, .pdf or .docx files).`,
    );
  }
  const { previous, rebuildReason } = await readPrevious(options);
  const report: IngestReport = {
    documents: corpus.documents.length,
    chunks: 0,
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
    embedded: 0,
    problems: corpus.problems,
    rebuildReason,
  };
  const reusable = previous ? groupPrevious(previous) : new Map<string, Reusable>();
  const prepared: PreparedDocument[] = [];
  for (const [i, document] of corpus.documents.entries()) {
    prepared.push(await prepare(document, reusable.get(document.id), report));
    progress({ phase: 'load', done: i + 1, total: corpus.documents.length });
  }
  const seen = new Set(corpus.documents.map((document) => document.id));
  report.removed = (previous?.documents ?? []).map((document) => document.id).filter((id) => !seen.has(id));
  const { index, embedded } = await assembleIndex(
    prepared,
    { embedder: options.embedder, corpusDir: options.corpusDir, problems: corpus.problems },
    progress,
  );
  report.embedded = embedded;
  report.chunks = index.chunks.length;
  progress({ phase: 'write', done: 0, total: 1 });
  await writeIndex(options.indexDir, index);
  progress({ phase: 'write', done: 1, total: 1 });
  return { index, report };
}

async function readPrevious(
  options: IngestOptions,
): Promise<{ previous: IndexData | null; rebuildReason: string | null }> {
  try {
    return {
      previous: await readIndex(options.indexDir, {
        embedderId: options.embedder.id,
        pipeline: await pipelineVersion(),
      }),
      rebuildReason: null,
    };
  } catch (error) {
    if (isWhosaidError(error) && error.code === 'INDEX_MISSING')
      return { previous: null, rebuildReason: null };
    if (isWhosaidError(error) && (error.code === 'INDEX_MISMATCH' || error.code === 'INDEX_CORRUPT')) {
      return { previous: null, rebuildReason: `${error.message} Rebuilding it from scratch.` };
    }
    throw error;
  }
}

/** What an earlier index holds for one document. */
interface Reusable {
  stored: StoredDocument;
  chunks: Chunk[];
  vectors: Float32Array[];
}

function groupPrevious(previous: IndexData): Map<string, Reusable> {
  const { dimensions } = previous.manifest.embedder;
  const byId = new Map<string, Reusable>(
    previous.documents.map((stored) => [stored.id, { stored, chunks: [], vectors: [] }]),
  );
  for (const chunk of previous.chunks) {
    const entry = byId.get(chunk.doc);
    entry?.chunks.push(chunk);
    entry?.vectors.push(previous.vectors.slice(chunk.label * dimensions, (chunk.label + 1) * dimensions));
  }
  return byId;
}

async function prepare(
  document: CorpusDocument,
  old: Reusable | undefined,
  report: IngestReport,
): Promise<PreparedDocument> {
  const info = await stat(document.path);
  if (old && old.stored.contentHash === document.contentHash) {
    report.unchanged.push(document.id);
    return {
      stored: {
        ...old.stored,
        path: document.path,
        meta: document.meta,
        size: info.size,
        mtimeMs: info.mtimeMs,
      },
      chunks: old.chunks.map(({ label: _label, ...chunk }) => chunk),
      vectors: old.vectors,
    };
  }
  (old ? report.changed : report.added).push(document.id);
  const quotes: Quote[] = extractQuotes({
    paragraphs: document.paragraphs,
    speakerHints: document.meta.speakers,
    document: { publisher: document.meta.publisher, date: document.meta.date },
  });
  return {
    stored: {
      id: document.id,
      path: document.path,
      meta: document.meta,
      contentHash: document.contentHash,
      size: info.size,
      mtimeMs: info.mtimeMs,
      paragraphCount: document.paragraphs.length,
      quotes,
      aliases: findAliases(document.paragraphs.map((paragraph) => paragraph.text)),
    },
    chunks: chunkDocument(document, quotes),
    vectors: null,
  };
}
