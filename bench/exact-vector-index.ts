import type { VectorHit, VectorIndex } from '../src/index/vector-index.js';

/** Exact cosine scan over all vectors: the reference the benchmark measures hnswlib's recall against. */
export class ExactVectorIndex implements VectorIndex {
  private readonly norms: Float64Array;

  constructor(
    private readonly vectors: ArrayLike<number>[],
    readonly dimensions: number,
  ) {
    this.norms = Float64Array.from(vectors, (vector) => Math.sqrt(dot(vector, vector)) || 1);
  }

  get size(): number {
    return this.vectors.length;
  }

  search(query: number[], k: number): VectorHit[] {
    const queryNorm = Math.sqrt(dot(query, query)) || 1;
    const hits = this.vectors.map((vector, label) => ({
      label,
      similarity: dot(query, vector) / (queryNorm * (this.norms[label] ?? 1)),
    }));
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
