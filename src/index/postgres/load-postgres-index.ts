import type pg from 'pg';
import pgvector from 'pgvector';
import { WhosaidError } from '../../errors.js';
import { toLexicalDocument } from '../assemble-index.js';
import type { IndexData } from '../index-store.js';
import { LexicalIndex } from '../lexical-index.js';
import type { Chunk, IndexManifest, StoredDocument } from '../types.js';
import { HnswVectorIndex } from '../vector-index.js';

/**
 * Reads the index another process published (save-postgres-index.ts) into the same in-memory form
 * the files backend reads, so every replica answers exactly as the files backend would. Labels
 * follow the documents' order in the index the writer published (`ordinal`). Null when
 * nothing was published yet; an index of another embedder is refused like the files backend does.
 */
export async function loadPostgresIndex(pool: pg.Pool, embedderId: string): Promise<IndexData | null> {
  const client = await pool.connect();
  try {
    // One snapshot for all three reads: a writer committing in between cannot mix two versions.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const found = await client.query<{ manifest: IndexManifest }>('SELECT manifest FROM whosaid_index');
    const manifest = found.rows[0]?.manifest;
    if (!manifest) return null;
    if (manifest.embedder.id !== embedderId) {
      throw new WhosaidError(
        'INDEX_MISMATCH',
        `The index in PostgreSQL was built with embeddings "${manifest.embedder.id}", but "${embedderId}" is configured.`,
      );
    }
    const documents = await client.query<{ id: string; stored: StoredDocument }>(
      'SELECT id, stored FROM whosaid_documents ORDER BY ordinal',
    );
    const chunkRows = await client.query<{ chunk: Omit<Chunk, 'label'>; embedding: string }>(
      'SELECT chunk, embedding::text AS embedding FROM whosaid_chunks ORDER BY document_id, position',
    );
    await client.query('COMMIT');
    return assemble(manifest, documents.rows, chunkRows.rows);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

function assemble(
  manifest: IndexManifest,
  documentRows: { id: string; stored: StoredDocument }[],
  chunkRows: { chunk: Omit<Chunk, 'label'>; embedding: string }[],
): IndexData {
  const rank = new Map(documentRows.map((row, i) => [row.id, i]));
  const sorted = chunkRows
    .filter((row) => rank.has(row.chunk.doc))
    .sort((a, b) => (rank.get(a.chunk.doc) ?? 0) - (rank.get(b.chunk.doc) ?? 0));
  const { dimensions } = manifest.embedder;
  const vectors = new Float32Array(sorted.length * dimensions);
  const chunks: Chunk[] = sorted.map((row, label) => {
    vectors.set(pgvector.fromSql(row.embedding) as number[], label * dimensions);
    return { ...row.chunk, label };
  });
  const documents = documentRows.map((row) => row.stored);
  const titles = new Map(documents.map((document) => [document.id, document.meta.title]));
  const rows = chunks.map((chunk) =>
    vectors.subarray(chunk.label * dimensions, (chunk.label + 1) * dimensions),
  );
  return {
    manifest: { ...manifest, chunkCount: chunks.length },
    documents,
    chunks,
    vectors,
    hnsw: HnswVectorIndex.build(rows, dimensions),
    lexical: LexicalIndex.build(chunks.map((chunk) => toLexicalDocument(chunk, titles.get(chunk.doc) ?? ''))),
  };
}
