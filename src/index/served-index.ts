import type { ChunkStore } from './chunk-store.js';
import { labelsOf } from './collection-labels.js';
import type { IndexData } from './index-store.js';
import { inMemoryLexicalSearch, type LexicalSearch } from './lexical-search.js';
import type { QuoteStore } from './quote-store.js';
import type { CorpusTables } from './types.js';
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
 * What answering reads of an index: documents and chunks, with the vectors and the keyword index
 * behind searches rather than in memory (the PostgreSQL backend loads neither).
 */
export interface ServedIndex extends Omit<IndexData, 'hnsw' | 'vectors' | 'lexical'> {
  vectorSearch: VectorSearch;
  lexical: LexicalSearch;
  /** Tables the writer computed over the whole index (PostgreSQL); absent: built from the chunks. */
  tables?: CorpusTables;
  /**
   * Where answering reads chunks when `chunks` does not hold them (PostgreSQL: read on demand, and
   * then `chunks` is empty); absent: `chunks` holds every one.
   */
  store?: ChunkStore;
  /**
   * Where answering reads the documents' quotes when the documents do not hold them (PostgreSQL: read
   * on demand, and then each document's `quotes` is empty); absent: the documents hold them.
   */
  quoteStore?: QuoteStore;
}

/** The files backend's index as a served index: its hnswlib graph and MiniSearch index answer searches. */
export function servedIndex(index: IndexData | ServedIndex): ServedIndex {
  if ('vectorSearch' in index) return index;
  const { hnsw: _hnsw, vectors: _vectors, lexical, ...rest } = index;
  return { ...rest, vectorSearch: inMemoryVectorSearch(index), lexical: inMemoryLexicalSearch(lexical) };
}

/** Restricted views kept per set of collections asked (one per channel binding; bounded). */
const MAX_RESTRICTIONS = 64;

function inMemoryVectorSearch(index: IndexData): VectorSearch {
  const restricted = new Map<string, HnswVectorIndex>();
  const graphFor = (collections: readonly string[]): HnswVectorIndex => {
    const key = [...collections].sort().join(',');
    let graph = restricted.get(key);
    if (!graph) {
      // The filter applied during the search (restrictedTo), never to a top-k other collections filled.
      graph = index.hnsw.restrictedTo(labelsOf(index, collections), index.vectors);
      if (restricted.size >= MAX_RESTRICTIONS) restricted.delete(restricted.keys().next().value ?? '');
      restricted.set(key, graph);
    }
    return graph;
  };
  return {
    async nearest(query, k, options) {
      return (options?.collections ? graphFor(options.collections) : index.hnsw).search(query, k);
    },
  };
}
