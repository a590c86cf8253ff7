import type pg from 'pg';
import { WhosaidError } from '../../errors.js';
import type { ServedIndex } from '../served-index.js';
import type { Chunk, CorpusTables, IndexManifest, StoredDocument } from '../types.js';
import { type LabelRange, PostgresChunkStore } from './postgres-chunk-store.js';
import { heldDocument } from './postgres-index-sql.js';
import { PostgresLexicalSearch, type TermStatistics } from './postgres-lexical-search.js';
import { PostgresQuoteStore } from './postgres-quote-store.js';
import { type ChunkKey, PostgresVectorSearch } from './postgres-vector-search.js';

/** The index another process published, as read from PostgreSQL, and when it was published. */
export interface PostgresIndex extends ServedIndex {
  /**
   * Absent only for an index published before its tables (then `chunks` holds every chunk and each
   * document its quotes).
   */
  store?: PostgresChunkStore;
  quoteStore?: PostgresQuoteStore;
  /** `whosaid_index.updated_at` of the version read: a replica compares it to find newer ones. */
  publishedAt: string;
}

/**
 * Reads the index another process published (save-postgres-index.ts) for answering: its documents,
 * the corpus-wide tables its writer computed, and where each document's chunks sit among the labels —
 * but not the chunks: answering reads those it needs when it needs them (postgres-chunk-store.ts), in
 * the form the files backend holds them, so every replica answers as the files backend would while
 * holding no paragraph text at all. Nor the vectors or an inverted index: vector searches go to pgvector and
 * keyword searches to PostgreSQL's full-text index at query time (ranked as the files backend ranks,
 * postgres-lexical-search.ts), so no replica holds the vectors, builds a graph or indexes the words of
 * the corpus (the parts of an index that grow largest, and the slowest to load); it reads only the
 * term counts word statistics need. Labels follow the documents' order in the index the writer
 * published (`ordinal`). Null when nothing was published yet; an index of another embedder is refused
 * like the files backend does. The pool must stay open while the index is used.
 */
export async function loadPostgresIndex(
  pool: pg.Pool,
  embedderId: string,
  options: { efSearch?: number; cachedParagraphs?: number; cachedDocuments?: number } = {},
): Promise<PostgresIndex | null> {
  const client = await pool.connect();
  try {
    // One snapshot for all three reads: a writer committing in between cannot mix two versions.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // As text: a Date would drop the microseconds that tell two publications apart.
    const found = await client.query<PublishedRow>(
      'SELECT manifest, corpus_tables, updated_at::text AS published_at FROM whosaid_index',
    );
    const row = found.rows[0];
    if (!row) return null;
    const { manifest } = row;
    if (manifest.embedder.id !== embedderId) {
      throw new WhosaidError(
        'INDEX_MISMATCH',
        `The index in PostgreSQL was built with embeddings "${manifest.embedder.id}", but "${embedderId}" is configured.`,
      );
    }
    const onDemand = row.corpus_tables !== null;
    // With the tables published, quotes are read on demand (postgres-quote-store.ts): not here.
    // Only the documents of this publication: a new one or a staged next version, written for a
    // publication not yet made, is left out (heldDocument), as every later read of its rows is.
    const published = [row.published_at];
    const documents = await client.query<{ id: string; stored: StoredDocument }>(
      `SELECT id, ${onDemand ? "jsonb_set(stored, '{quotes}', '[]')" : 'stored'} AS stored
         FROM whosaid_documents d WHERE ${heldDocument('d', '$1')} ORDER BY ordinal`,
      published,
    );
    const attributed = onDemand
      ? await client.query<{ document_id: string; count: number }>(
          `SELECT document_id, count(*)::int AS count FROM whosaid_quotes
            WHERE speaker IS NOT NULL GROUP BY document_id`,
        )
      : null;
    // How many chunks each document has (from the primary key's index, not the rows): the labels.
    const counts = await client.query<{ document_id: string; count: number }>(
      'SELECT document_id, max(position) + 1 AS count FROM whosaid_chunks GROUP BY document_id',
    );
    // An index published before the writer computed its tables: its chunks are read whole, as then,
    // so the tables can be built from them.
    const legacy = onDemand
      ? null
      : await client.query<Row>('SELECT document_id, position, chunk FROM whosaid_chunks');
    const statistics = await readTermStatistics(client);
    await client.query('COMMIT');
    const ranges = labelRanges(
      documents.rows.map((document) => document.stored),
      new Map(counts.rows.map((count) => [count.document_id, Number(count.count)])),
    );
    const store = new PostgresChunkStore(pool, ranges, row.published_at, options.cachedParagraphs);
    const quoteStore = new PostgresQuoteStore(
      pool,
      new Map((attributed?.rows ?? []).map((count) => [count.document_id, count.count])),
      row.published_at,
      options.cachedDocuments,
    );
    const chunks = legacy ? residentChunks(ranges, legacy.rows) : [];
    const searches = { pool, efSearch: options.efSearch, statistics, store, quoteStore };
    return assemble(searches, row, ranges, chunks);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/** The text field's term counts per collection, and each collection's chunk count (for IDF). */
async function readTermStatistics(client: pg.PoolClient): Promise<TermStatistics> {
  const terms = await client.query<{ term: string; collection: string; chunks: number }>(
    "SELECT term, collection, chunks FROM whosaid_terms WHERE field = 'A' AND chunks > 0",
  );
  const frequency: TermStatistics['frequency'] = new Map();
  for (const { term, collection, chunks } of terms.rows) {
    const byCollection = frequency.get(term) ?? new Map<string, number>();
    byCollection.set(collection, chunks);
    frequency.set(term, byCollection);
  }
  const lengths = await client.query<{ collection: string; chunks: string }>(
    'SELECT collection, chunks FROM whosaid_field_lengths',
  );
  return { frequency, chunks: new Map(lengths.rows.map((row) => [row.collection, Number(row.chunks)])) };
}

interface PublishedRow {
  manifest: IndexManifest;
  /** Null in an index published before the writer computed them: then built from the chunks. */
  corpus_tables: CorpusTables | null;
  published_at: string;
}

type Row = { document_id: string; position: number; chunk: Omit<Chunk, 'label'> };

/** Labels follow the documents' order (`ordinal`), each document's chunks by position. */
function labelRanges(
  documents: readonly StoredDocument[],
  counts: ReadonlyMap<string, number>,
): LabelRange[] {
  let first = 0;
  return documents.map((document) => {
    const range = { document, first, count: counts.get(document.id) ?? 0 };
    first += range.count;
    return range;
  });
}

/** Every chunk, held in memory as the files backend holds it (an index published without tables). */
function residentChunks(ranges: readonly LabelRange[], rows: readonly Row[]): Chunk[] {
  const byDocument = new Map(ranges.map((range) => [range.document.id, range]));
  const chunks: Chunk[] = [];
  for (const row of rows) {
    const range = byDocument.get(row.document_id);
    if (!range || row.position >= range.count) continue;
    const label = range.first + row.position;
    chunks[label] = { ...row.chunk, doc: range.document.id, label };
  }
  return chunks.filter(Boolean);
}

function assemble(
  searches: {
    pool: pg.Pool;
    efSearch: number | undefined;
    statistics: TermStatistics;
    store: PostgresChunkStore;
    quoteStore: PostgresQuoteStore;
  },
  { manifest, corpus_tables, published_at }: PublishedRow,
  ranges: readonly LabelRange[],
  chunks: Chunk[],
): PostgresIndex {
  const { pool, efSearch, statistics, store, quoteStore } = searches;
  const byDocument = new Map(ranges.map((range) => [range.document.id, range]));
  const labelOf = ({ documentId, position }: ChunkKey) => {
    const range = byDocument.get(documentId);
    return range && position < range.count ? range.first + position : undefined;
  };
  const chunkCount = ranges.reduce((sum, range) => sum + range.count, 0);
  return {
    manifest: { ...manifest, chunkCount },
    documents: ranges.map((range) => range.document),
    // Read when answering asks for them (the store), unless published without tables (then all here).
    chunks,
    ...(corpus_tables ? { tables: corpus_tables, store, quoteStore } : {}),
    lexical: new PostgresLexicalSearch(pool, labelOf, statistics, published_at),
    vectorSearch: new PostgresVectorSearch(
      pool,
      manifest.embedder.dimensions,
      labelOf,
      published_at,
      efSearch,
    ),
    publishedAt: published_at,
  };
}
