import type pg from 'pg';
import pgvector from 'pgvector';
import { corpusTables } from '../../answer/corpus-tables.js';
import { toLexicalDocument } from '../assemble-index.js';
import { documentCollection } from '../collection-labels.js';
import type { IndexData } from '../index-store.js';
import type { Chunk, CorpusTables, IndexManifest, StoredDocument } from '../types.js';
import { lexicalTerms } from './lexical-terms.js';
import {
  heldDocument,
  INDEX_WRITER_LOCK,
  PUBLICATION_CHANNEL,
  SWAP_STAGED_SQL,
  stagedKey,
  staleVectorIndexesSql,
  vectorIndexSql,
} from './postgres-index-sql.js';

/** Rows per INSERT: at most a dozen parameters each, far below PostgreSQL's 65,535 per statement. */
const ROWS_PER_INSERT = 500;

export interface SaveOptions {
  /** The collection a document belongs to (issue 16); by default the one it names (`news` when none). */
  collectionOf?: (document: StoredDocument) => string;
}

/**
 * The least memory the HNSW build gets: enough for the graph of about 200,000 vectors of 384
 * dimensions (pgvector keeps the vectors and their neighbour lists in it; past that it goes on far
 * more slowly on disk, and says so in a NOTICE). An operator who set more — for the server, the
 * database or the role — keeps it: a larger corpus needs more (docs/benchmarks.md, 1,000,000 paragraphs).
 */
const INDEX_BUILD_MEMORY_KB = 512 * 1024;

export interface SaveReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Publishes an index to PostgreSQL, incrementally: a document whose content hash (and the embedder
 * and processing that made it) is unchanged keeps its rows; a new or changed one is replaced with
 * its chunks, vectors and quotes in one transaction, so replicas reading meanwhile see either the old
 * document or the new one, never half. The manifest goes last, as in the files backend. Two writers
 * take turns (an advisory lock), so their documents never interleave.
 */
export async function savePostgresIndex(
  pool: pg.Pool,
  index: IndexData,
  options: SaveOptions = {},
): Promise<SaveReport> {
  // By default the collection the document itself names (`news` when none), as every reader assumes.
  const collectionOf = options.collectionOf ?? documentCollection;
  const client = await pool.connect();
  const report: SaveReport = { written: [], unchanged: [], removed: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [INDEX_WRITER_LOCK.toString()]);
    const previous = await client.query<{ manifest: IndexData['manifest']; has_tables: boolean }>(
      'SELECT manifest, corpus_tables IS NOT NULL AS has_tables FROM whosaid_index',
    );
    const before = previous.rows[0]?.manifest;
    // Vectors of another embedder, or chunks of other processing code, are not comparable: rewrite all.
    const sameBasis =
      before?.embedder.id === index.manifest.embedder.id && before?.pipeline === index.manifest.pipeline;
    // Versions a writer staged and never published are not this index's: this writer writes its own.
    await client.query('DELETE FROM whosaid_documents WHERE replaces IS NOT NULL');
    const existing = (
      await client.query<{ id: string; content_hash: string; ordinal: number }>(
        'SELECT id, content_hash, ordinal FROM whosaid_documents',
      )
    ).rows;
    const hashes = new Map(existing.map((row) => [row.id, row.content_hash]));
    const ordinals = new Map(existing.map((row) => [row.id, row.ordinal]));
    // Labels follow the documents' order: a document moved in it changes what replicas read.
    let reordered = false;
    const chunksOf = groupChunks(index.chunks);
    for (const [ordinal, document] of index.documents.entries()) {
      const collection = collectionOf(document);
      if (sameBasis && hashes.get(document.id) === document.contentHash) {
        // Same content: only what the files say about it (path, size, time, metadata, collection) is
        // refreshed, the document's chunks and quotes with it in one transaction.
        await inTransaction(client, () => refreshDocument(client, { document, ordinal, collection }));
        reordered ||= ordinals.get(document.id) !== ordinal;
        report.unchanged.push(document.id);
        continue;
      }
      await inTransaction(client, () =>
        writeDocument(client, { document, ordinal, collection }, chunksOf.get(document.id) ?? [], index),
      );
      report.written.push(document.id);
    }
    const kept = new Set(index.documents.map((document) => document.id));
    report.removed = [...hashes.keys()].filter((id) => !kept.has(id));
    await buildVectorIndex(client, index.manifest.embedder.dimensions);
    // A publication that changes nothing replicas answer from leaves the manifest (and its time) as it
    // was: every replica reloads the index when that time changes, which costs a full read.
    const changed = report.written.length > 0 || report.removed.length > 0 || reordered;
    if (!before || changed || !sameBuild(before, index.manifest) || !previous.rows[0]?.has_tables) {
      await publishManifest(client, index.manifest, corpusTables(index), report.removed);
    }
    return report;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [INDEX_WRITER_LOCK.toString()]).catch(() => {});
    client.release();
  }
}

export interface DocumentRow {
  document: StoredDocument;
  ordinal: number;
  collection: string;
}

/**
 * What the files say about an unchanged document, written over its row `key` (its id, or the key of
 * its staged version: stagedKey) with its chunks' and quotes' collection.
 */
export async function refreshDocument(
  client: pg.PoolClient,
  { document, ordinal, collection }: DocumentRow,
  key = document.id,
) {
  await client.query(
    'UPDATE whosaid_documents SET stored = $2, ordinal = $3, collection = $4 WHERE id = $1',
    [key, document, ordinal, collection],
  );
  for (const table of ['whosaid_chunks', 'whosaid_quotes'])
    await client.query(
      `UPDATE ${table} SET collection = $2 WHERE document_id = $1 AND collection IS DISTINCT FROM $2`,
      [key, collection],
    );
}

/** What made a document's rows (migration index/006): its vectors' embedder and its processing. */
export interface RowBasis {
  embedderId: string;
  pipeline: string;
}

async function writeDocument(client: pg.PoolClient, row: DocumentRow, chunks: Chunk[], index: IndexData) {
  const { dimensions } = index.manifest.embedder;
  // What made the vectors: the embedder's identity (its id with, for the local one, its code).
  const { embedder } = index.manifest;
  const basis = { embedderId: embedder.identity ?? embedder.id, pipeline: index.manifest.pipeline };
  await writeDocumentRows(client, row, basis, chunks, (chunk) =>
    index.vectors.subarray(chunk.label * dimensions, (chunk.label + 1) * dimensions),
  );
}

/**
 * Writes one document's rows — the document, its chunks with their vectors and lexical terms, its
 * quotes — inside the caller's transaction. `vectorOf` gives each chunk's vector (by its position).
 * A document a publication holds is not overwritten: its new version is staged beside it (stagedKey,
 * replacing any version staged before), so replicas read the published one until the next
 * publication swaps them (publishManifest); any other row of it (new, or written by a run that never
 * published) is replaced in place. Returns the key the rows were written under.
 */
export async function writeDocumentRows<C extends Omit<Chunk, 'label'>>(
  client: pg.PoolClient,
  { document, ordinal, collection }: DocumentRow,
  basis: RowBasis,
  chunks: readonly C[],
  vectorOf: (chunk: C, position: number) => ArrayLike<number>,
): Promise<string> {
  await client.query('DELETE FROM whosaid_documents WHERE replaces = $1', [document.id]);
  const published = await client.query(
    `SELECT 1 FROM whosaid_documents d JOIN whosaid_index i ON ${heldDocument('d', 'i.updated_at')}
      WHERE d.id = $1`,
    [document.id],
  );
  const staged = published.rows.length > 0;
  const key = staged ? stagedKey(document.id) : document.id;
  if (!staged) await client.query('DELETE FROM whosaid_documents WHERE id = $1', [document.id]);
  await client.query(
    `INSERT INTO whosaid_documents (id, replaces, ordinal, content_hash, stored, collection, embedder_id, pipeline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      key,
      staged ? document.id : null,
      ordinal,
      document.contentHash,
      document,
      collection,
      basis.embedderId,
      basis.pipeline,
    ],
  );
  const chunkRows = chunks.map((chunk, position) => {
    const { label: _label, ...stored } = chunk as C & { label?: number };
    const lexical = toLexicalDocument({ ...stored, label: position }, document.meta.title);
    const { terms, lengths } = lexicalTerms(lexical);
    return {
      document_id: key,
      position,
      chunk: stored,
      text: chunk.text,
      speakers: lexical.speakers,
      title: lexical.title,
      embedding: pgvector.toSql(Array.from(vectorOf(chunk, position))),
      collection,
      terms,
      text_length: lengths.text,
      speakers_length: lengths.speakers,
      title_length: lengths.title,
    };
  });
  await insertRows(client, 'whosaid_chunks', chunkRows, { embedding: 'vector' });
  const quoteRows = document.quotes.map((quote, position) => ({
    document_id: key,
    position,
    paragraph: quote.paragraph,
    speaker: quote.speaker,
    kind: quote.kind,
    quote,
    collection,
  }));
  await insertRows(client, 'whosaid_quotes', quoteRows);
  return key;
}

/**
 * Built after the bulk load (cheaper than growing it row by row), then kept current by inserts. The
 * build is much faster when the graph fits in maintenance_work_mem (64 MB by default, far less than
 * 100,000 vectors of 384 dimensions need): raised for this statement's transaction only, never
 * lowered below what the operator set.
 */
export async function buildVectorIndex(client: pg.PoolClient, dimensions: number): Promise<void> {
  await inTransaction(client, async () => {
    const { rows: memory } = await client.query<{ kb: string }>(
      "SELECT setting AS kb FROM pg_settings WHERE name = 'maintenance_work_mem'",
    );
    const kb = Math.max(INDEX_BUILD_MEMORY_KB, Number(memory[0]?.kb) || 0);
    await client.query(`SET LOCAL maintenance_work_mem = '${Math.floor(kb)}kB'`);
    await client.query(vectorIndexSql(dimensions));
    // An index of an earlier build is dropped only now, last, so replicas keep searching one until
    // the new one commits (DROP INDEX holds its exclusive lock just until this commit).
    const { rows } = await client.query<{ indexname: string }>(staleVectorIndexesSql(dimensions));
    for (const { indexname } of rows) await client.query(`DROP INDEX ${client.escapeIdentifier(indexname)}`);
  });
}

/**
 * Publishes a manifest with the tables of this very index, in one transaction with what changes the
 * documents replicas read: the documents `removed` go (with any version of them staged), and every
 * staged version replaces the one published (SWAP_STAGED_SQL) — never a version's tables beside
 * another version's manifest or documents. Replicas listening (follow-publications.ts) reload at the
 * commit rather than at their next start.
 */
export async function publishManifest(
  client: pg.PoolClient,
  manifest: IndexManifest,
  tables: CorpusTables,
  removed: readonly string[] = [],
): Promise<void> {
  await inTransaction(client, async () => {
    if (removed.length > 0)
      await client.query('DELETE FROM whosaid_documents WHERE id = ANY($1) OR replaces = ANY($1)', [removed]);
    await client.query(SWAP_STAGED_SQL);
    await client.query(
      `INSERT INTO whosaid_index (id, manifest, corpus_tables) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE
           SET manifest = EXCLUDED.manifest, corpus_tables = EXCLUDED.corpus_tables, updated_at = now()`,
      [manifest, JSON.stringify(tables)],
    );
    await client.query('SELECT pg_notify($1, $2)', [PUBLICATION_CHANNEL, '']);
  });
}

/**
 * Multi-row INSERTs of `rows` (objects with the same keys, the table's columns), as many rows per
 * statement as stay far below PostgreSQL's 65,535 parameters: one round trip per batch, not per row.
 * `casts` gives a column's type where the driver's text needs one (a vector).
 */
async function insertRows(
  client: pg.PoolClient,
  table: string,
  rows: readonly Record<string, unknown>[],
  casts: Record<string, string> = {},
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values: unknown[] = [];
    const tuples = rows.slice(i, i + ROWS_PER_INSERT).map((row) => {
      const placeholders = columns.map((column) => {
        values.push(row[column]);
        return `$${values.length}${casts[column] ? `::${casts[column]}` : ''}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

/**
 * Whether two manifests were made alike: the same embedder, processing and document hashes, with the
 * same problems (build times and paths may differ). Compared key by key in sorted order: the stored
 * manifest comes back from jsonb, which does not keep the order keys were written in.
 */
export function sameBuild(a: IndexManifest, b: IndexManifest): boolean {
  const build = (manifest: IndexManifest) =>
    sortedJson([manifest.embedder, manifest.pipeline, manifest.documents, manifest.problems]);
  return build(a) === build(b);
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : item,
  );
}

function groupChunks(chunks: readonly Chunk[]): Map<string, Chunk[]> {
  const byDocument = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const list = byDocument.get(chunk.doc);
    if (list) list.push(chunk);
    else byDocument.set(chunk.doc, [chunk]);
  }
  return byDocument;
}

export async function inTransaction(client: pg.PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
