import type pg from 'pg';
import pgvector from 'pgvector';
import type { VectorSearch, VectorSearchOptions } from '../served-index.js';
import type { VectorHit } from '../vector-index.js';
import { checkedDimensions } from './postgres-index-sql.js';

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
    /** At least k is used: pgvector returns at most ef_search rows from one scan. */
    private readonly efSearch = EF_SEARCH,
  ) {
    this.dimensions = checkedDimensions(dimensions);
  }

  async nearest(query: number[], k: number, options: VectorSearchOptions = {}): Promise<VectorHit[]> {
    if (k <= 0) return [];
    const n = this.dimensions;
    const parameters: unknown[] = [pgvector.toSql(query), k];
    let filter = '';
    if (options.collections) {
      parameters.push([...options.collections]);
      filter = `AND collection = ANY($${parameters.length})`;
    }
    const client = await this.pool.connect();
    try {
      // SET LOCAL (set_config(…, true)) lasts for this transaction only: the pool's next user of this
      // connection gets the defaults again.
      await client.query('BEGIN READ ONLY');
      await client.query(
        `SELECT set_config('hnsw.ef_search', $1, true)${
          // A filter applied after the HNSW scan would leave a small collection with fewer than k rows
          // (the scan stops after ef_search candidates); an iterative scan (pgvector ≥ 0.8) goes on
          // until k rows pass the filter. relaxed_order may return them slightly out of order: sorted below.
          options.collections ? ", set_config('hnsw.iterative_scan', 'relaxed_order', true)" : ''
        }`,
        [String(Math.min(MAX_EF_SEARCH, Math.max(this.efSearch, k)))],
      );
      const { rows } = await client.query<{ document_id: string; position: number; distance: number }>(
        `SELECT document_id, position, embedding::vector(${n}) <=> $1::vector(${n}) AS distance
           FROM whosaid_chunks
          WHERE vector_dims(embedding) = ${n} ${filter}
          ORDER BY embedding::vector(${n}) <=> $1::vector(${n})
          LIMIT $2`,
        parameters,
      );
      await client.query('COMMIT');
      return toHits(rows, this.labelOf);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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
