import type { IndexData } from './index-store.js';
import type { HnswVectorIndex, VectorHit } from './vector-index.js';

export interface VectorSearchOptions {
  /** Only chunks of documents in these collections; absent: every chunk. */
  collections?: readonly string[];
}

/**
 * Nearest chunks to a query vector, by label, at query time. Async, because one backend answers in
 * memory (hnswlib) and the other asks PostgreSQL (pgvector), so an archive larger than memory never
 * has to be loaded whole to be searched.
 */
export interface VectorSearch {
  nearest(query: number[], k: number, options?: VectorSearchOptions): Promise<VectorHit[]>;
}

/**
 * What answering reads of an index: documents, chunks and the lexical index, with the vectors behind a
 * search rather than in memory (the PostgreSQL backend never loads them).
 */
export interface ServedIndex extends Omit<IndexData, 'hnsw' | 'vectors'> {
  vectorSearch: VectorSearch;
}

/** The files backend's index as a served index: its hnswlib graph answers the vector searches. */
export function servedIndex(index: IndexData | ServedIndex): ServedIndex {
  if ('vectorSearch' in index) return index;
  const { hnsw, vectors: _vectors, ...rest } = index;
  return { ...rest, vectorSearch: inMemoryVectorSearch(hnsw) };
}

function inMemoryVectorSearch(hnsw: Pick<HnswVectorIndex, 'search'>): VectorSearch {
  return {
    async nearest(query, k, options) {
      // The files backend keeps no collection per chunk: it is the collections work's to add.
      if (options?.collections) throw new Error('the files backend cannot filter vectors by collection yet');
      return hnsw.search(query, k);
    },
  };
}
