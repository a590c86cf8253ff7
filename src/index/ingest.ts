import { stat } from 'node:fs/promises';
import { type CollectionSource, collectionSources } from '../collections/collection-sources.js';
import { DEFAULT_COLLECTION } from '../collections/scope.js';
import {
  type CorpusFile,
  type CorpusProblem,
  corpusFiles,
  type LoadedCorpus,
  loadCorpusFile,
} from '../corpus/load-corpus.js';
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
  /**
   * The collections folder (registry and each collection's own documents): every collection's
   * folders are indexed too, each document tagged with its collection. Absent: only `news`.
   */
  collectionsDir?: string;
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
  const { corpus, collectionOf, sources } = await loadCollections(options);
  if (options.strict && corpus.problems.length > 0) {
    const list = corpus.problems.map((problem) => `  ${problem.path}: ${problem.reason}`).join('\n');
    throw new WhosaidError(
      'CORPUS_FILE_INVALID',
      `--strict: ${corpus.problems.length} file(s) cannot be indexed:\n${list}`,
    );
  }
  if (corpus.documents.length === 0) throw emptyCorpus(options.corpusDir);
  const { previous, rebuildReason } = await readPrevious(options);
  const steps = pipelineFingerprint();
  const rerun = previous ? changedSteps(previous.manifest.steps, steps) : [];
  const report = newReport({
    documents: corpus.documents.length,
    rerun,
    problems: corpus.problems,
    rebuildReason,
  });
  const reusable = previous ? groupPrevious(previous) : new Map<string, Reusable>();
  const prepared: PreparedDocument[] = [];
  for (const [i, document] of corpus.documents.entries()) {
    const collection = collectionOf.get(document.id) ?? DEFAULT_COLLECTION;
    prepared.push(
      await prepareDocument(document, collection, reusable.get(document.id), new Set(rerun), report),
    );
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
  if (sources.length > 0) index.manifest.collections = sources;
  report.embedded = embedded;
  report.chunks = index.chunks.length;
  progress({ phase: 'write', done: 0, total: 1 });
  await writeIndex(options.indexDir, index);
  await cache.compact(new Set(index.chunks.map((chunk) => textHash(chunk.text))));
  progress({ phase: 'write', done: 1, total: 1 });
  return { index, report };
}

/** A file to index and the collection its document goes to. */
export interface SourceFile {
  file: CorpusFile;
  collection: string;
}

/**
 * The corpus folder and the fetched-documents folder (collection `news`), then each registered
 * collection's folders, their document ids prefixed with the collection's name: listed, not read.
 */
export async function sourceFiles(
  options: Pick<IngestOptions, 'corpusDir' | 'fetchedDir' | 'collectionsDir' | 'indexDir'>,
): Promise<{ files: SourceFile[]; sources: CollectionSource[] }> {
  const files: SourceFile[] = (
    await corpusFiles({ dir: options.corpusDir, extraDirs: options.fetchedDir ? [options.fetchedDir] : [] })
  ).map((file) => ({ file, collection: DEFAULT_COLLECTION }));
  const sources = await collectionSources(options.collectionsDir);
  for (const source of sources) {
    await checkIndexLocation(options.indexDir, source.dir);
    for (const file of await corpusFiles({ dir: source.dir, idPrefix: `${source.collection}:` }))
      files.push({ file, collection: source.collection });
  }
  return { files, sources };
}

async function loadCollections(
  options: IngestOptions,
): Promise<{ corpus: LoadedCorpus; collectionOf: Map<string, string>; sources: CollectionSource[] }> {
  const { files, sources } = await sourceFiles(options);
  const corpus: LoadedCorpus = { documents: [], problems: [] };
  const collectionOf = new Map<string, string>();
  for (const { file, collection } of files) {
    const loaded = await loadCorpusFile(file, options);
    if ('problem' in loaded) {
      corpus.problems.push(loaded.problem);
      continue;
    }
    const { document } = loaded;
    if (collection !== DEFAULT_COLLECTION) {
      // A document two folders of one collection both hold is indexed once, from the first.
      if (collectionOf.has(document.id)) continue;
      collectionOf.set(document.id, collection);
    }
    corpus.documents.push(document);
  }
  return { corpus, collectionOf, sources };
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
export interface Reusable {
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
export async function prepareDocument(
  document: CorpusDocument,
  collection: string,
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
    stored: storedDocument(
      document,
      collection,
      info,
      quotes,
      keepQuotes ? old.stored.aliases : findAliases(document.paragraphs.map((paragraph) => paragraph.text)),
    ),
    chunks:
      keepQuotes && !rerun.has('chunks')
        ? old.chunks.map(({ label: _label, ...chunk }) => chunk)
        : chunkDocument(document, quotes),
  };
}

/** What the index keeps of a document: where it is, what the file says of it now, its quotes and aliases. */
export function storedDocument(
  document: CorpusDocument,
  collection: string,
  info: { size: number; mtimeMs: number },
  quotes: Quote[],
  aliases: StoredDocument['aliases'],
): StoredDocument {
  return {
    id: document.id,
    path: document.path,
    ...(collection === DEFAULT_COLLECTION ? {} : { collection }),
    meta: document.meta,
    contentHash: document.contentHash,
    size: info.size,
    mtimeMs: info.mtimeMs,
    paragraphCount: document.paragraphs.length,
    quotes,
    aliases,
  };
}

/** A report of nothing done yet, with `fields` set. */
export function newReport(fields: Partial<IngestReport> = {}): IngestReport {
  return {
    documents: 0,
    chunks: 0,
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
    embedded: 0,
    rerun: [],
    problems: [],
    rebuildReason: null,
    ...fields,
  };
}

export function emptyCorpus(corpusDir: string): WhosaidError {
  return new WhosaidError(
    'CORPUS_EMPTY',
    `No usable documents in ${corpusDir} (.md, .txt, .html, .pdf or .docx files).`,
  );
}
