import type { Embedder } from '../index/embedder.js';
import type { FetchPolicy } from './fetch-url.js';

/** Everything needed to fetch documents and bring the index up to date with them. */
export interface FetchIntoIndexOptions {
  corpusDir: string;
  fetchedDir: string;
  indexDir: string;
  embedder: Embedder;
  maxBytes?: number;
  policy: FetchPolicy;
}
