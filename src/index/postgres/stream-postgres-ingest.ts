import { stat } from 'node:fs/promises';
import type pg from 'pg';
import pgvector from 'pgvector';
import { CorpusTableParts, wholeParagraphs } from '../../answer/corpus-table-parts.js';
import { type CorpusProblem, loadCorpusFile } from '../../corpus/load-corpus.js';
import type { CorpusDocument } from '../../corpus/types.js';
import { describeError, WhosaidError } from '../../errors.js';
import { chunkDocument } from '../chunk-document.js';
import type { Embedder } from '../embedder.js';
import { INDEX_FORMAT_VERSION } from '../index-store.js';
import {
  emptyCorpus,
  type IngestOptions,
  type IngestReport,
  newReport,
  prepareDocument,
  sourceFiles,
  storedDocument,
} from '../ingest.js';
import { changedSteps, combinedFingerprint, pipelineFingerprint } from '../pipeline-version.js';
import type { Chunk, IndexManifest, StoredDocument } from '../types.js';
import { INDEX_WRITER_LOCK } from './postgres-index-sql.js';
import {
  buildVectorIndex,
  inTransaction,
  publishManifest,
  type RowBasis,
  refreshDocument,
  sameBuild,
  writeDocumentRows,
} from './save-postgres-index.js';

export type StreamIngestOptions = Pick<
  IngestOptions,
  | 'corpusDir'
  | 'fetchedDir'
  | 'collectionsDir'
  | 'indexDir'
  | 'embedder'
  | 'maxBytes'
  | 'strict'
  | 'onProgress'
  | 'notify'
> & {
  /** Paths of documents to return whole, quotes included (the few just fetched, to summarise them). */
  keep?: ReadonlySet<string>;
};

export interface StreamIngestResult {
  report: IngestReport;
  manifest: IndexManifest;
  /** Every document as stored, without its quotes (which stay in the database). */
  documents: StoredDocument[];
  /** Attributed quotes (a speaker named) per document id. */
  attributed: Map<string, number>;
  /** The documents of `keep`, whole. */
  kept: StoredDocument[];
  /** Documents this run wrote (the others were only refreshed). */
  written: number;
}

interface ExistingRow {
  /** The row's key: the document's id, or its staged version's (stagedKey). */
  key: string;
  content_hash: string;
  embedder_id: string | null;
  pipeline: string | null;
}

/**
 * Brings the corpus index in PostgreSQL up to date one document at a time, so a corpus larger than
 * memory can be ingested: each file is read, attributed, chunked, embedded and written in its own
 * transaction, then dropped; what stays in memory grows with the number of documents, the quotes and
 * the vocabulary, not with the paragraphs and vectors. A document whose content, embedder and
 * processing are those of its rows is only refreshed (path, size, metadata, place), so a run stopped
 * half way resumes where it stopped. An edited document's vectors are reused for its passages whose
 * text the same embedder already embedded. Replicas keep reading the previous publication meanwhile,
 * whole (a rewritten document is staged beside its published rows, a new one held back until the
 * publication: save-postgres-index.ts, load-postgres-index.ts); the corpus-wide
 * tables are computed as the documents stream by (one more read of the paragraphs for the speakers'
 * descriptions) and published with the manifest, last, as `savePostgresIndex` publishes. Two writers
 * take turns on the same advisory lock.
 */
export async function streamIngestToPostgres(
  pool: pg.Pool,
  options: StreamIngestOptions,
): Promise<StreamIngestResult> {
  const client = await pool.connect();
  try {
    const lock = [INDEX_WRITER_LOCK.toString()];
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      lock,
    );
    if (!rows[0]?.locked) {
      options.notify?.('Another writer is publishing to this database; waiting for it to finish…');
      await client.query('SELECT pg_advisory_lock($1)', lock);
    }
    return await ingestLocked(client, options);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [INDEX_WRITER_LOCK.toString()]).catch(() => {});
    client.release();
  }
}

async function ingestLocked(
  client: pg.PoolClient,
  options: StreamIngestOptions,
): Promise<StreamIngestResult> {
  const progress = options.onProgress ?? (() => {});
  const { embedder } = options;
  const steps = pipelineFingerprint();
  // The embedder's identity, not its id: the local embedder's vectors change with its code, its id not.
  const basis: RowBasis = { embedderId: embedder.identity, pipeline: combinedFingerprint(steps) };
  const previous = await client.query<{ manifest: IndexManifest; has_tables: boolean }>(
    'SELECT manifest, corpus_tables IS NOT NULL AS has_tables FROM whosaid_index',
  );
  const before = previous.rows[0]?.manifest;
  // Per document, its newest rows: a version an earlier run staged (and never published) before the
  // published one, so a stopped run resumes from what it wrote.
  const existing = new Map(
    (
      await client.query<ExistingRow & { id: string; ordinal: number }>(
        `SELECT DISTINCT ON (coalesce(replaces, id)) coalesce(replaces, id) AS id, id AS key, ordinal,
                content_hash, embedder_id, pipeline
           FROM whosaid_documents ORDER BY coalesce(replaces, id), replaces IS NULL`,
      )
    ).rows.map((row) => [row.id, row]),
  );
  // The published rows of documents that also have a staged version: a file put back as it was
  // published needs neither.
  const publishedOf = new Map(
    (
      await client.query<ExistingRow & { id: string; ordinal: number }>(
        `SELECT p.id, p.id AS key, p.ordinal, p.content_hash, p.embedder_id, p.pipeline
           FROM whosaid_documents p JOIN whosaid_documents s ON s.replaces = p.id`,
      )
    ).rows.map((row) => [row.id, row]),
  );
  const madeAsNow = (row: ExistingRow | undefined, document: CorpusDocument) =>
    row?.content_hash === document.contentHash &&
    row.embedder_id === basis.embedderId &&
    row.pipeline === basis.pipeline;
  const { files, sources } = await sourceFiles(options);
  const report = newReport({ rerun: before?.steps ? changedSteps(before.steps, steps) : [] });
  const tables = new CorpusTableParts();
  // Where each document's rows are this run: its id, or its staged version's key (stagedKey).
  const keys = new Map<string, string>();
  const documents: StoredDocument[] = [];
  const attributed = new Map<string, number>();
  const kept: StoredDocument[] = [];
  const manifestDocuments: IndexManifest['documents'] = {};
  const seen = new Set<string>();
  // The size of the vectors this embedder already wrote, which every new one must have.
  let dimensions = await storedDimensions(client, basis.embedderId);
  let written = 0;
  for (const [i, { file, collection }] of files.entries()) {
    progress({ phase: 'load', done: i, total: files.length });
    const loaded = await loadCorpusFile(file, options);
    if ('problem' in loaded) {
      report.problems.push(loaded.problem);
      if (options.strict) throw strictFailure(loaded.problem);
      continue;
    }
    const { document } = loaded;
    if (seen.has(document.id)) continue; // one document two folders of a collection both hold
    seen.add(document.id);
    const row = { ordinal: documents.length, collection };
    let old = existing.get(document.id);
    const published = publishedOf.get(document.id);
    if (!madeAsNow(old, document) && madeAsNow(published, document) && old && published) {
      // Staged by a stopped run, then put back as published: the staged version is dropped.
      await client.query('DELETE FROM whosaid_documents WHERE id = $1', [old.key]);
      old = published;
    }
    const done = madeAsNow(old, document)
      ? await refreshUnchanged(client, document, row, old?.key ?? document.id)
      : await writeChanged(client, document, row, basis, embedder, dimensions);
    if (!done.refreshed) written += 1;
    dimensions ||= done.dimensions;
    report.embedded += done.embedded;
    const sameText = old?.content_hash === document.contentHash;
    (sameText ? report.unchanged : old ? report.changed : report.added).push(document.id);
    tables.add(done.stored, wholeParagraphs(done.chunks));
    keys.set(document.id, done.key);
    documents.push({ ...done.stored, quotes: [] });
    if (options.keep?.has(document.path)) kept.push(done.stored);
    attributed.set(document.id, done.stored.quotes.filter((quote) => quote.speaker).length);
    manifestDocuments[document.id] = { contentHash: document.contentHash, chunkCount: done.chunks.length };
    report.chunks += done.chunks.length;
  }
  progress({ phase: 'load', done: files.length, total: files.length });
  if (documents.length === 0) throw emptyCorpus(options.corpusDir);
  report.documents = documents.length;
  report.removed = [...existing.keys()].filter((id) => !seen.has(id));
  progress({ phase: 'build', done: 0, total: 1 });
  await buildVectorIndex(client, dimensions);
  const corpusTables = await tables.finish(documents, async (document) => {
    const { rows } = await client.query<{ chunk: Omit<Chunk, 'label'> }>(
      'SELECT chunk FROM whosaid_chunks WHERE document_id = $1 ORDER BY position',
      [keys.get(document.id) ?? document.id],
    );
    return wholeParagraphs(rows.map((row) => row.chunk));
  });
  progress({ phase: 'build', done: 1, total: 1 });
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    pipeline: basis.pipeline,
    steps,
    embedder: { id: embedder.id, dimensions, identity: embedder.identity },
    corpusDir: options.corpusDir,
    ...(sources.length > 0 ? { collections: sources } : {}),
    builtAt: new Date().toISOString(),
    chunkCount: report.chunks,
    documents: manifestDocuments,
    problems: report.problems,
  };
  const reordered = documents.some(
    (document, ordinal) => existing.has(document.id) && ordinalOf(existing, document.id) !== ordinal,
  );
  // Rows an earlier run wrote and never published (it stopped, or failed) are held back from replicas
  // (newer than the manifest) until a publication: they count as changes even when this run wrote
  // nothing itself.
  const held = await client.query(
    'SELECT 1 FROM whosaid_documents d, whosaid_index i WHERE d.updated_at > i.updated_at LIMIT 1',
  );
  const changed = written > 0 || report.removed.length > 0 || reordered || held.rows.length > 0;
  // As savePostgresIndex: a publication that changes nothing leaves the manifest's time as it was, so
  // replicas do not reload the whole index for nothing.
  progress({ phase: 'write', done: 0, total: 1 });
  if (!before || changed || !sameBuild(before, manifest) || !previous.rows[0]?.has_tables)
    await publishManifest(client, manifest, corpusTables, report.removed);
  progress({ phase: 'write', done: 1, total: 1 });
  return { report, manifest, documents, attributed, kept, written };
}

/** The vector size of rows `embedderId` made (0 when there are none). */
async function storedDimensions(client: pg.PoolClient, embedderId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT vector_dims(c.embedding) AS n FROM whosaid_chunks c
       JOIN whosaid_documents d ON d.id = c.document_id WHERE d.embedder_id = $1 LIMIT 1`,
    [embedderId],
  );
  return rows[0]?.n ?? 0;
}

function ordinalOf(existing: Map<string, { ordinal: number }>, id: string): number | undefined {
  return existing.get(id)?.ordinal;
}

function strictFailure(problem: CorpusProblem): WhosaidError {
  return new WhosaidError(
    'CORPUS_FILE_INVALID',
    `--strict: a file cannot be indexed:\n  ${problem.path}: ${problem.reason}\nNothing was published.`,
  );
}

interface Written {
  stored: StoredDocument;
  /** The document's chunks (for the corpus-wide tables; their vectors are in the database). */
  chunks: Omit<Chunk, 'label'>[];
  embedded: number;
  dimensions: number;
  /** Only refreshed: its rows were made as this run would make them. */
  refreshed: boolean;
  /** The key of its rows: its id, or its staged version's. */
  key: string;
}

/**
 * Same content, embedder and processing: its quotes and aliases are read back (they are what this run
 * would compute), what the file says about it now is written over the old, and its chunks are made
 * again for the tables (chunking is deterministic and cheap; no vector is touched).
 */
async function refreshUnchanged(
  client: pg.PoolClient,
  document: CorpusDocument,
  { ordinal, collection }: { ordinal: number; collection: string },
  key: string,
): Promise<Written> {
  const { rows } = await client.query<{ stored: StoredDocument }>(
    'SELECT stored FROM whosaid_documents WHERE id = $1',
    [key],
  );
  const before = rows[0]?.stored as StoredDocument;
  const info = await stat(document.path);
  const stored = storedDocument(document, collection, info, before.quotes, before.aliases);
  await inTransaction(client, () => refreshDocument(client, { document: stored, ordinal, collection }, key));
  return {
    stored,
    chunks: chunkDocument(document, stored.quotes),
    embedded: 0,
    dimensions: 0,
    refreshed: true,
    key,
  };
}

/**
 * New, edited, or made by other code or another embedder: attributed and chunked afresh, embedded
 * (passages whose text the same embedder already embedded for this document keep their vectors) and
 * written in one transaction.
 */
async function writeChanged(
  client: pg.PoolClient,
  document: CorpusDocument,
  { ordinal, collection }: { ordinal: number; collection: string },
  basis: RowBasis,
  embedder: Embedder,
  expected: number,
): Promise<Written> {
  // Its own report is the caller's to make (content-wise changed or not); this one is thrown away.
  const { stored, chunks } = await prepareDocument(document, collection, undefined, new Set(), newReport());
  const known = await vectorsOf(client, document.id, basis.embedderId);
  const missing = [...new Set(chunks.map((chunk) => chunk.text).filter((text) => !known.has(text)))];
  for (let i = 0; i < missing.length; i += embedder.batchSize) {
    const batch = missing.slice(i, i + embedder.batchSize);
    const vectors = await embedder.embeddings.embedDocuments(batch).catch((error: unknown) => {
      throw embeddingsFailed(embedder, document, error);
    });
    batch.forEach((text, j) => {
      known.set(text, vectors[j] ?? []);
    });
  }
  const dimensions = known.values().next().value?.length ?? 0;
  for (const vector of known.values())
    if (vector.length === 0 || vector.length !== (expected || dimensions))
      throw new WhosaidError(
        'EMBEDDINGS_FAILED',
        `The embeddings model (${embedder.id}) returned vectors of ${vector.length} dimensions for ${document.id}, ` +
          `not ${expected || dimensions} as before. Nothing of this document was written.`,
      );
  let key = document.id;
  await inTransaction(client, async () => {
    key = await writeDocumentRows(
      client,
      { document: stored, ordinal, collection },
      basis,
      chunks,
      (chunk) => {
        const vector = known.get(chunk.text);
        if (!vector) throw new Error(`no vector for a passage of ${document.id}`);
        return vector;
      },
    );
  });
  return { stored, chunks, embedded: missing.length, dimensions, refreshed: false, key };
}

/**
 * The service failing mid-ingest: documents written so far stay written (staged, or held back when
 * new), unpublished until a run completes, so the next run resumes from this document. Until then
 * replicas answer from the last publication as it was, which the message says.
 */
function embeddingsFailed(embedder: Embedder, document: CorpusDocument, error: unknown): WhosaidError {
  return new WhosaidError(
    'EMBEDDINGS_FAILED',
    `The embeddings service (${embedder.id}) failed on ${document.id} (${describeError(error)}). ` +
      'Replicas still answer from the last published index as it was; what this run already wrote is ' +
      'kept, and the next `whosaid ingest` resumes here and publishes it. Check ' +
      'OPENAI_BASE_URL and OPENAI_EMBEDDING_MODEL (or set WHOSAID_EMBEDDINGS=local), then run it again.',
    { cause: error },
  );
}

/** The vectors a document's rows hold, by passage text, when `embedderId` made them. */
async function vectorsOf(
  client: pg.PoolClient,
  id: string,
  embedderId: string,
): Promise<Map<string, ArrayLike<number>>> {
  const { rows } = await client.query<{ text: string; embedding: string }>(
    `SELECT c.text, c.embedding::text AS embedding FROM whosaid_chunks c
       JOIN whosaid_documents d ON d.id = c.document_id
      WHERE c.document_id = $1 AND d.embedder_id = $2`,
    [id, embedderId],
  );
  return new Map(rows.map((row) => [row.text, pgvector.fromSql(row.embedding) as number[]]));
}
