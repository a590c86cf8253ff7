/** The advisory lock writers of the index take (any fixed number, distinct from the migrators'). */
export const INDEX_WRITER_LOCK = 0x77686f73616965n;

/** The channel a writer NOTIFYs after publishing a new version of the index. */
export const PUBLICATION_CHANNEL = 'whosaid_index';

/**
 * How the HNSW graph is built: m = 16 links per node (pgvector's default and hnswlib's here) and
 * ef_construction = 200 candidates while linking, as the files backend's hnswlib does (vector-index.ts).
 * pgvector's default ef_construction of 64 builds a sparser graph: on the generated 100,000-paragraph
 * corpus recall@10 was 89.9% against hnswlib's 96.5% at the same search ef (docs/benchmarks.md).
 */
export const HNSW_BUILD = { m: 16, efConstruction: 200 } as const;

/**
 * The HNSW index over the vectors of one dimension. The column has no fixed dimension (the embedder
 * decides it), so the index is over `embedding::vector(N)`, limited to rows of that dimension: rows
 * of another embedder, while an index is rewritten for a new one, can never make the cast fail. Its
 * name carries the build parameters, so a database whose index was built otherwise (before they were
 * set here) gets the new one at its next publication (save-postgres-index.ts drops the old one).
 */
export function vectorIndexSql(dimensions: number): string {
  const n = checkedDimensions(dimensions);
  return `CREATE INDEX IF NOT EXISTS ${vectorIndexName(n)} ON whosaid_chunks
    USING hnsw ((embedding::vector(${n})) vector_cosine_ops) WITH (m = ${HNSW_BUILD.m}, ef_construction = ${HNSW_BUILD.efConstruction})
    WHERE vector_dims(embedding) = ${n}`;
}

/** Names of the HNSW indexes of one dimension other than the current build's (to drop once it exists). */
export function staleVectorIndexesSql(dimensions: number): string {
  const n = checkedDimensions(dimensions);
  return `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'whosaid_chunks'
    AND (indexname = 'whosaid_chunks_embedding_${n}' OR indexname LIKE 'whosaid\\_chunks\\_embedding\\_${n}\\_%')
    AND indexname <> '${vectorIndexName(n)}'`;
}

function vectorIndexName(n: number): string {
  return `whosaid_chunks_embedding_${n}_m${HNSW_BUILD.m}_ef${HNSW_BUILD.efConstruction}`;
}

/** Dimensions go into SQL text (an index definition cannot take a parameter): only a plain integer may. */
export function checkedDimensions(dimensions: number): number {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000)
    throw new Error(`vector dimensions must be an integer from 1 to 16000 (got ${dimensions})`);
  return dimensions;
}

/**
 * The condition that keeps a document (a `whosaid_documents` row under `alias`) to the publication a
 * replica holds, published at `time` (an SQL expression: a parameter or a quoted literal of
 * `whosaid_index.updated_at`): then its chunk and quote rows are those of that publication. A writer
 * writes a new or changed document — `updated_at` the time its transaction began — before it
 * publishes the manifest, in a later transaction (save-postgres-index.ts), so every document of a
 * publication was written before its time; refreshing an unchanged document leaves `updated_at` as it
 * was. A row written after, for a newer publication (or by one that never finished), has a later
 * time: a replica reads no such row. A new document is thus left out until the replica swaps to the
 * publication holding it; a rewritten one is staged beside its published rows (stagedKey), which
 * replicas go on reading until that publication swaps the two. (Times are the server's clock, read in
 * one server: they increase but for a clock set back.)
 */
export function heldDocument(alias: string, time: string): string {
  return `${alias}.updated_at <= ${time}::timestamptz`;
}

/**
 * The key a published document's next version is written under until the publication that swaps it in
 * (migration index/007): its id after a control character, which no document id holds (ids come from
 * file names and URLs), so a staged key never meets a real one.
 */
export function stagedKey(id: string): string {
  return `\u0001staged\u0001${id}`;
}

/**
 * Swaps every staged version in (the publication's transaction): the rows it replaces are deleted, and
 * the staged key becomes the document's id, its chunks and quotes following (ON UPDATE CASCADE).
 */
export const SWAP_STAGED_SQL = `DELETE FROM whosaid_documents d USING whosaid_documents s WHERE s.replaces = d.id;
  UPDATE whosaid_documents SET id = replaces, replaces = NULL WHERE replaces IS NOT NULL`;
