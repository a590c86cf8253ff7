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
import { EmbeddingCache, textHash } from './embedding-cache.js';
import { checkIndexLocation, embeddingCacheDir } from './index-location.js';
import { type IndexData, readIndex, writeIndex } from './index-store.js';
import { changedSteps, type PipelineStep, pipelineFingerprint } from './pipeline-version.js';
import type { Chunk, IngestProgress, StoredDocument } from './types.js';
import { DEFAULT_WRITER_WAIT_MS, lockIndexForWriting } from './writer-lock.js';

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
  /** Notices for the person running it: waiting for another writer, taking over a dead one's lock. */
  notify?: (message: string) => void;
  /** How long to wait for another process writing the same index (default DEFAULT_WRITER_WAIT_MS). */
  lockWaitMs?: number;
}

export interface IngestReport {
  documents: number;
  chunks: number;
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  /** Distinct chunk texts embedded in this run (texts embedded by any earlier run come from the cache). */
  embedded: number;
  /** Processing steps re-run for every document because their code changed since the last index. */
  rerun: PipelineStep[];
  problems: CorpusProblem[];
  /** Why an existing index could not be reused, when it could not. */
  rebuildReason: string | null;
}

/**
 * Loads the corpus, embeds what changed, and writes a fresh index atomically — as the only writer of
 * that index (writer-lock.ts), from reading the previous index to writing the new one, so two writers
 * never build on the same old index nor interleave their files.
 */
export async function ingest(options: IngestOptions): Promise<{ index: IndexData; report: IngestReport }> {
  await checkIndexLocation(options.indexDir, options.corpusDir);
  if (options.fetchedDir) await checkIndexLocation(options.indexDir, options.fetchedDir);
  const release = await lockIndexForWriting(options.indexDir, {
    waitMs: options.lockWaitMs ?? DEFAULT_WRITER_WAIT_MS,
    notify: options.notify,
  });
  try {
    return await ingestLocked(options);
  } finally {
    await release();
  }
}

async function ingestLocked(options: IngestOptions): Promise<{ index: IndexData; report: IngestReport }> {
  const progress = options.onProgress ?? (() => {});
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
  const steps = pipelineFingerprint();
  const rerun = previous ? changedSteps(previous.manifest.steps, steps) : [];
  const report: IngestReport = {
    documents: corpus.documents.length,
    chunks: 0,
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
    embedded: 0,
    rerun,
    problems: corpus.problems,
    rebuildReason,
  };
  const reusable = previous ? groupPrevious(previous) : new Map<string, Reusable>();
  const prepared: PreparedDocument[] = [];
  for (const [i, document] of corpus.documents.entries()) {
    prepared.push(await prepare(document, reusable.get(document.id), new Set(rerun), report));
    progress({ phase: 'load', done: i + 1, total: corpus.documents.length });
  }
  const seen = new Set(corpus.documents.map((document) => document.id));
  report.removed = (previous?.documents ?? []).map((document) => document.id).filter((id) => !seen.has(id));
  const cache = await EmbeddingCache.open(embeddingCacheDir(options.indexDir), options.embedder.identity);
  const { index, embedded } = await assembleIndex(
    prepared,
    {
      embedder: options.embedder,
      cache,
      previous,
      steps,
      corpusDir: options.corpusDir,
      problems: corpus.problems,
    },
    progress,
  );
  report.embedded = embedded;
  report.chunks = index.chunks.length;
  progress({ phase: 'write', done: 0, total: 1 });
  await writeIndex(options.indexDir, index);
  await cache.compact(new Set(index.chunks.map((chunk) => textHash(chunk.text))));
  progress({ phase: 'write', done: 1, total: 1 });
  return { index, report };
}

async function readPrevious(
  options: IngestOptions,
): Promise<{ previous: IndexData | null; rebuildReason: string | null }> {
  try {
    return {
      // Whatever code built it: unchanged steps' results and its vectors are still good.
      previous: await readIndex(options.indexDir, { embedderId: options.embedder.id }),
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
}

function groupPrevious(previous: IndexData): Map<string, Reusable> {
  const byId = new Map<string, Reusable>(
    previous.documents.map((stored) => [stored.id, { stored, chunks: [] }]),
  );
  for (const chunk of previous.chunks) byId.get(chunk.doc)?.chunks.push(chunk);
  return byId;
}

/**
 * Runs the steps a document needs: none for the same content under the same code; from attribution
 * on when only the attribution code changed; everything for new or edited text. (Vectors are found
 * by text later, so re-running a step never re-embeds text that did not change.)
 */
async function prepare(
  document: CorpusDocument,
  old: Reusable | undefined,
  rerun: Set<PipelineStep>,
  report: IngestReport,
): Promise<PreparedDocument> {
  const info = await stat(document.path);
  const sameText = old !== undefined && old.stored.contentHash === document.contentHash;
  if (sameText) report.unchanged.push(document.id);
  else (old ? report.changed : report.added).push(document.id);
  const keepQuotes = sameText && !rerun.has('paragraphs') && !rerun.has('quotes');
  const quotes: Quote[] = keepQuotes
    ? old.stored.quotes
    : extractQuotes({
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
      aliases: keepQuotes
        ? old.stored.aliases
        : findAliases(document.paragraphs.map((paragraph) => paragraph.text)),
    },
    chunks:
      keepQuotes && !rerun.has('chunks')
        ? old.chunks.map(({ label: _label, ...chunk }) => chunk)
        : chunkDocument(document, quotes),
  };
}
