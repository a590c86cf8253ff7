/** The advisory lock writers of the index take (any fixed number, distinct from the migrators'). */
export const INDEX_WRITER_LOCK = 0x77686f73616965n;

/** The channel a writer NOTIFYs after publishing a new version of the index. */
export const PUBLICATION_CHANNEL = 'whosaid_index';

/**
 * The HNSW index over the vectors of one dimension. The column has no fixed dimension (the embedder
 * decides it), so the index is over `embedding::vector(N)`, limited to rows of that dimension: rows
 * of another embedder, while an index is rewritten for a new one, can never make the cast fail.
 */
export function vectorIndexSql(dimensions: number): string {
  const n = checkedDimensions(dimensions);
  return `CREATE INDEX IF NOT EXISTS whosaid_chunks_embedding_${n} ON whosaid_chunks
    USING hnsw ((embedding::vector(${n})) vector_cosine_ops) WHERE vector_dims(embedding) = ${n}`;
}

/** Dimensions go into SQL text (an index definition cannot take a parameter): only a plain integer may. */
export function checkedDimensions(dimensions: number): number {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000)
    throw new Error(`vector dimensions must be an integer from 1 to 16000 (got ${dimensions})`);
  return dimensions;
}
