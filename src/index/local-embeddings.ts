import { contentTerms, words } from '../text/terms.js';
import type { EmbeddingsModel } from './types.js';

export const LOCAL_EMBEDDING_DIMENSIONS = 384;

/**
 * The embedded default: a deterministic embedder that needs no model download. Feature hashing
 * ("the hashing trick") of stemmed words, word bigrams and character 3/4-grams into a fixed
 * number of dimensions, with a sign bit to cancel collisions, then L2-normalised so cosine works.
 * Character n-grams give partial credit to morphology the stemmer misses ("reliance"/"reliant").
 * It has the methods of langchain's `Embeddings`, so it is swappable with `OpenAIEmbeddings`, without
 * loading langchain.
 */
export class LocalHashEmbeddings implements EmbeddingsModel {
  readonly id: string;

  constructor(readonly dimensions: number = LOCAL_EMBEDDING_DIMENSIONS) {
    this.id = `local-hash-v1:${dimensions}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }

  /** Synchronous core, also used directly by the benchmark. */
  embedText(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimensions] = (vector[hash % this.dimensions] ?? 0) + sign * weight;
    };
    const terms = contentTerms(text);
    for (const [term, count] of countOf(terms)) add(`w:${term}`, 1 + Math.log(count));
    for (let i = 1; i < terms.length; i++) add(`b:${terms[i - 1]} ${terms[i]}`, 0.5);
    for (const word of words(text)) {
      if (word.length < 4) continue;
      const padded = `^${word}$`;
      for (const size of [3, 4]) {
        for (let i = 0; i + size <= padded.length; i++) add(`c:${padded.slice(i, i + size)}`, 0.15);
      }
    }
    const norm = Math.hypot(...vector);
    return Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
  }
}

function countOf(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** 32-bit FNV-1a: fast, well spread, and identical on every machine (determinism matters for the index). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
