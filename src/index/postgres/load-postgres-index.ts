import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import { WhosaidError } from '../../errors.js';
import type { Quote } from '../../quotes/types.js';
import type { ServedIndex } from '../served-index.js';
import type { Chunk, CorpusTables, IndexManifest, StoredDocument } from '../types.js';
import { PostgresLexicalSearch, type TermStatistics } from './postgres-lexical-search.js';
import { type ChunkKey, PostgresVectorSearch } from './postgres-vector-search.js';

/** The index another process published, as read from PostgreSQL, and when it was published. */
export interface PostgresIndex extends ServedIndex {
  /** `whosaid_index.updated_at` of the version read: a replica compares it to find newer ones. */
  publishedAt: string;
}

/**
 * Reads the index another process published (save-postgres-index.ts) for answering: documents and
 * chunks in the same in-memory form the files backend reads, so every replica answers as the files
 * backend would — but neither the vectors nor an inverted index: vector searches go to pgvector and
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
  options: { efSearch?: number } = {},
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
    const documents = await client.query<{ id: string; stored: StoredDocument }>(
      'SELECT id, stored FROM whosaid_documents ORDER BY ordinal',
    );
    const chunkRows = await client.query<{ position: number; chunk: Omit<Chunk, 'label'> }>(
      'SELECT position, chunk FROM whosaid_chunks ORDER BY document_id, position',
    );
    const statistics = await readTermStatistics(client);
    await client.query('COMMIT');
    return assemble({ pool, efSearch: options.efSearch, statistics }, row, documents.rows, chunkRows.rows);
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

function assemble(
  { pool, efSearch, statistics }: { pool: pg.Pool; efSearch: number | undefined; statistics: TermStatistics },
  { manifest, corpus_tables, published_at }: PublishedRow,
  documentRows: { id: string; stored: StoredDocument }[],
  chunkRows: { position: number; chunk: Omit<Chunk, 'label'> }[],
): PostgresIndex {
  const rank = new Map(documentRows.map((row, i) => [row.id, i]));
  const sorted = chunkRows
    .filter((row) => rank.has(row.chunk.doc))
    .sort((a, b) => (rank.get(a.chunk.doc) ?? 0) - (rank.get(b.chunk.doc) ?? 0));
  const byId = new Map(documentRows.map((row) => [row.id, row.stored]));
  // A document's chunks are written at positions 0, 1, 2 … (save-postgres-index.ts) and read in that
  // order, so a chunk's label is its document's first label plus its position: one entry per
  // document, not per chunk.
  const firstLabels = new Map<string, { first: number; count: number }>();
  const spans = new Map<string, Map<string, Quote>>();
  const quotesOf = (document: StoredDocument) => {
    let found = spans.get(document.id);
    if (!found) {
      found = new Map(document.quotes.map((quote) => [spanOf(quote), quote]));
      spans.set(document.id, found);
    }
    return found;
  };
  const chunks: Chunk[] = sorted.map((row, label) => {
    const document = byId.get(row.chunk.doc) as StoredDocument;
    const range = firstLabels.get(document.id) ?? { first: label - row.position, count: 0 };
    range.count = Math.max(range.count, row.position + 1);
    firstLabels.set(document.id, range);
    return {
      ...row.chunk,
      doc: document.id,
      quotes: sharedQuotes(row.chunk.quotes, () => quotesOf(document)),
      label,
    };
  });
  const labelOf = ({ documentId, position }: ChunkKey) => {
    const range = firstLabels.get(documentId);
    return range && position < range.count ? range.first + position : undefined;
  };
  return {
    manifest: { ...manifest, chunkCount: chunks.length },
    documents: documentRows.map((row) => row.stored),
    chunks,
    lexical: new PostgresLexicalSearch(pool, labelOf, statistics),
    vectorSearch: new PostgresVectorSearch(pool, manifest.embedder.dimensions, labelOf, efSearch),
    ...(corpus_tables ? { tables: corpus_tables } : {}),
    publishedAt: published_at,
  };
}

/**
 * A chunk's quotes as the very objects of its document's list (chunk-document.ts gives a chunk its
 * document's quote objects; JSON read back gives copies), so each quote is held once, not twice.
 * Quotes are told apart by their span; one the document does not list stays the chunk's own.
 */
function sharedQuotes(quotes: readonly Quote[], documentQuotes: () => ReadonlyMap<string, Quote>): Quote[] {
  if (quotes.length === 0) return [];
  const bySpan = documentQuotes();
  return quotes.map((quote) => {
    const shared = bySpan.get(spanOf(quote));
    return shared && isDeepStrictEqual(shared, quote) ? shared : quote;
  });
}

function spanOf(quote: Quote): string {
  return `${quote.start}:${quote.end}`;
}
