import hnswlib from 'hnswlib-node';

/** A nearest neighbour: `label` is the chunk's position in the index, `similarity` is cosine (1 = same direction). */
export interface VectorHit {
  label: number;
  similarity: number;
}

/**
 * Our own small interface over the vector store, so retrieval never depends on hnswlib's API and the
 * benchmark can swap in an exact scan. Labels are 0..size-1, in the order vectors were added.
 */
export interface VectorIndex {
  readonly dimensions: number;
  readonly size: number;
  search(query: number[], k: number): VectorHit[];
}

export interface HnswOptions {
  /** Graph degree. 16 is hnswlib's recommended default for 100–1000 dimensions. */
  m?: number;
  efConstruction?: number;
  /** Search breadth. hnswlib's default of 10 silently misses neighbours and is not persisted: always set it. */
  efSearch?: number;
}

const DEFAULTS = { m: 16, efConstruction: 200, efSearch: 200 } as const;
const RANDOM_SEED = 100;

/**
 * Whether a search restricted to `allowed` of `total` vectors is cheaper as an exact scan than as a
 * filtered graph walk. The walk keeps going until it holds ef allowed neighbours; a visited node is
 * allowed with probability allowed/total, so it visits about ef·total/allowed nodes and computes M
 * distances at each, against `allowed` distances for the scan: the scan wins while
 * allowed² ≤ ef·M·total. (Measured at 100,000 vectors the two cost the same near 16,000 allowed;
 * this gives 17,900 — docs/benchmarks.md, "Collections".) The scan is also exact.
 */
function scanIsCheaper(allowed: number, total: number): boolean {
  return allowed * allowed <= DEFAULTS.efSearch * DEFAULTS.m * total;
}

/** The labels a restricted search may return, with the rows it scans exactly when they are few. */
interface Restriction {
  allowed: Uint8Array;
  labels: readonly number[];
  vectors: Float32Array;
}

export class HnswVectorIndex implements VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private readonly restriction: Restriction | null = null,
  ) {}

  /**
   * The same graph, searched only among `labels` (a collection's chunks): the filter is applied
   * during the search (hnswlib skips other labels while it walks the graph, or only the allowed rows
   * are scanned), never after a top-k that other collections could fill. `vectors` holds every
   * chunk's row (IndexData.vectors). A view: never save or release it; its graph is the original's.
   */
  restrictedTo(labels: readonly number[], vectors: Float32Array): HnswVectorIndex {
    const allowed = new Uint8Array(this.index.getCurrentCount());
    for (const label of labels) allowed[label] = 1;
    return new HnswVectorIndex(this.index, this.dimensions, { allowed, labels, vectors });
  }

  static build(vectors: ArrayLike<number>[], dimensions: number, options: HnswOptions = {}): HnswVectorIndex {
    const settings = { ...DEFAULTS, ...options };
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(1, vectors.length), settings.m, settings.efConstruction, RANDOM_SEED);
    // hnswlib-node wants plain arrays; typed arrays are copied here, once per vector.
    vectors.forEach((vector, label) => {
      index.addPoint(Array.from(vector), label);
    });
    index.setEf(settings.efSearch);
    return new HnswVectorIndex(index, dimensions);
  }

  static async load(path: string, dimensions: number, options: HnswOptions = {}): Promise<HnswVectorIndex> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(path);
    index.setEf(options.efSearch ?? DEFAULTS.efSearch);
    return new HnswVectorIndex(index, dimensions);
  }

  get size(): number {
    return this.restriction ? this.restriction.labels.length : this.index.getCurrentCount();
  }

  async save(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }

  /**
   * Frees the graph's native memory now. Garbage collection would free it eventually, but native memory
   * does not count towards V8's heap, so old generations could pile up for long before it runs. After
   * this the index is empty (searches find nothing); only call it when no search can still come.
   */
  release(): void {
    this.index.initIndex(1, DEFAULTS.m, DEFAULTS.efConstruction, RANDOM_SEED);
  }

  search(query: number[], k: number): VectorHit[] {
    const count = Math.min(k, this.size);
    if (count === 0) return [];
    const restriction = this.restriction;
    if (restriction && scanIsCheaper(restriction.labels.length, this.index.getCurrentCount()))
      return exactScan(query, count, restriction, this.dimensions);
    const { neighbors, distances } = restriction
      ? this.index.searchKnn(query, count, (label) => restriction.allowed[label] === 1)
      : this.index.searchKnn(query, count);
    // For the cosine space hnswlib returns a distance (1 - cosine): lower is closer.
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}

/** Cosine similarity of the query with each allowed row, the best `k` first. */
function exactScan(query: number[], k: number, restriction: Restriction, dimensions: number): VectorHit[] {
  const { labels, vectors } = restriction;
  const queryNorm = Math.sqrt(query.reduce((sum, value) => sum + value * value, 0)) || 1;
  const hits: VectorHit[] = [];
  for (const label of labels) {
    const offset = label * dimensions;
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < dimensions; i++) {
      const value = vectors[offset + i] ?? 0;
      dot += value * (query[i] ?? 0);
      norm += value * value;
    }
    hits.push({ label, similarity: dot / (queryNorm * (Math.sqrt(norm) || 1)) });
  }
  return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, k);
}
