import pg from 'pg';
import pgvector from 'pgvector';
import type { VectorSearch, VectorSearchOptions } from '../served-index.js';
import type { VectorHit } from '../vector-index.js';
import { checkedDimensions, heldDocument } from './postgres-index-sql.js';

/**
 * Search breadth: the same as the files backend's hnswlib ef (vector-index.ts), so both backends
 * look equally far; pgvector's default of 40 would also cap every search at 40 rows, below the 50
 * candidates retrieval asks for.
 */
const EF_SEARCH = 200;
/** pgvector accepts ef_search up to 1000. */
const MAX_EF_SEARCH = 1000;

/** Where a chunk row is: its document and its place in it (the table's primary key). */
export interface ChunkKey {
  documentId: string;
  position: number;
}

/**
 * Vector search in PostgreSQL at query time: the HNSW index over `embedding::vector(N)`
 * (postgres-index-sql.ts), cosine distance, optionally limited to collections inside the same SQL.
 * `labelOf` maps a row to the label the rest of the index uses for that chunk; rows it does not know
 * (written after this index was read) are left out, so a search never names a chunk the caller lacks.
 */
export class PostgresVectorSearch implements VectorSearch {
  private readonly dimensions: number;

  constructor(
    private readonly pool: pg.Pool,
    dimensions: number,
    private readonly labelOf: (key: ChunkKey) => number | undefined,
    /** `whosaid_index.updated_at` of the publication read: chunks of documents rewritten since are left out. */
    private readonly publishedAt: string,
    /** At least k is used: pgvector returns at most ef_search rows from one scan. */
    private readonly efSearch = EF_SEARCH,
  ) {
    this.dimensions = checkedDimensions(dimensions);
  }

  async nearest(query: number[], k: number, options: VectorSearchOptions = {}): Promise<VectorHit[]> {
    if (k <= 0) return [];
    const n = this.dimensions;
    if (query.length !== n || !query.every(Number.isFinite))
      throw new Error(`a query vector must hold ${n} finite numbers`);
    const count = Math.max(1, Math.floor(k));
    // Twice k are read: rows this replica does not hold (a document's next version staged beside its
    // published one, with the same vectors for its unchanged passages, or a new document) are dropped
    // after the scan, and a staged twin sits at exactly its published row's distance.
    const fetched = Math.min(MAX_EF_SEARCH, 2 * count);
    const ef = Math.min(MAX_EF_SEARCH, Math.max(this.efSearch, fetched));
    // The text of the vector is digits, signs, dots and commas only (checked finite above); collection
    // names are quoted by the driver's own escaping.
    const vector = `'${pgvector.toSql(query)}'::vector(${n})`;
    const filter = options.collections
      ? `AND collection = ANY(ARRAY[${options.collections.map((name) => pg.escapeLiteral(name)).join(', ') || 'NULL'}]::text[])`
      : '';
    // One round trip: the statements of one simple query run as one implicit transaction, so SET
    // LOCAL lasts for this search only (the pool's next user of the connection gets the defaults),
    // and an error rolls it all back. (Parameters would need the extended protocol: one statement.)
    const results = (await this.pool.query(`SET LOCAL hnsw.ef_search = ${ef};
      ${
        // A filter applied after the HNSW scan would leave a small collection with fewer than k rows
        // (the scan stops after ef_search candidates); an iterative scan (pgvector ≥ 0.8) goes on
        // until k rows pass the filter. relaxed_order may return them slightly out of order: sorted below.
        options.collections ? 'SET LOCAL hnsw.iterative_scan = relaxed_order;' : ''
      }
      SELECT r.*, ${heldDocument('d', pg.escapeLiteral(this.publishedAt))} AS held
        FROM (SELECT document_id, position, embedding::vector(${n}) <=> ${vector} AS distance
                FROM whosaid_chunks
               WHERE vector_dims(embedding) = ${n} ${filter}
               ORDER BY embedding::vector(${n}) <=> ${vector}
               LIMIT ${fetched}) r
        JOIN whosaid_documents d ON d.id = r.document_id`)) as unknown as pg.QueryResult<{
      document_id: string;
      position: number;
      distance: number;
      held: boolean;
    }>[];
    // Those of the publication held (heldDocument), the nearest k of them: a row written since is left
    // out after the scan, so while a writer runs a search may still return fewer than k when more than
    // k of the nearest are new; kept out of the scan itself, it would need an iterative scan on every
    // search, which orders the nearest only approximately.
    return toHits(
      (results.at(-1)?.rows ?? []).filter((row) => row.held),
      this.labelOf,
    ).slice(0, count);
  }
}

/** Closest first; equal distances in label order, so the result does not depend on the scan's order. */
function toHits(
  rows: { document_id: string; position: number; distance: number }[],
  labelOf: (key: ChunkKey) => number | undefined,
): VectorHit[] {
  const hits: VectorHit[] = [];
  for (const row of rows) {
    const label = labelOf({ documentId: row.document_id, position: row.position });
    if (label !== undefined) hits.push({ label, similarity: 1 - row.distance });
  }
  return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label);
}
