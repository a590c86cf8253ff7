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

export class HnswVectorIndex implements VectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
  ) {}

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
    return this.index.getCurrentCount();
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
    const { neighbors, distances } = this.index.searchKnn(query, count);
    // For the cosine space hnswlib returns a distance (1 - cosine): lower is closer.
    return neighbors.map((label, i) => ({ label, similarity: 1 - (distances[i] ?? 1) }));
  }
}
