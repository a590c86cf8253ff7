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

/**
 * Which graph label holds each chunk's vector, when that is not its position: a graph edited across
 * generations (`edit`) keeps each vector under its label while chunks move. `positions` is the
 * inverse (-1 for a deleted point).
 */
interface GraphLabels {
  byPosition: Int32Array;
  positions: Int32Array;
}

function graphLabels(byPosition: readonly number[], graphSize: number): GraphLabels | null {
  if (byPosition.every((label, position) => label === position) && byPosition.length === graphSize)
    return null;
  const positions = new Int32Array(graphSize).fill(-1);
  byPosition.forEach((label, position) => {
    positions[label] = position;
  });
  return { byPosition: Int32Array.from(byPosition), positions };
}

function distinctLabelsWithin(byPosition: readonly number[], graphSize: number): boolean {
  const seen = new Uint8Array(graphSize);
  for (const label of byPosition) {
    if (!Number.isInteger(label) || label < 0 || label >= graphSize || seen[label]) return false;
    seen[label] = 1;
  }
  return true;
}

export class HnswVectorIndex implements VectorIndex {
  /** Set when the graph was handed to an edited index (`edit`): this one must not free it. */
  private handedOver = false;

  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    /** Null: each chunk's vector is under its position, and the graph holds nothing else. */
    private readonly labels: GraphLabels | null = null,
    private readonly restriction: Restriction | null = null,
  ) {}

  /**
   * The same graph, searched only among `labels` (a collection's chunks): the filter is applied
   * during the search (hnswlib skips other labels while it walks the graph, or only the allowed rows
   * are scanned), never after a top-k that other collections could fill. `vectors` holds every
   * chunk's row (IndexData.vectors). A view: never save or release it; its graph is the original's.
   */
  restrictedTo(labels: readonly number[], vectors: Float32Array): HnswVectorIndex {
    const allowed = new Uint8Array(this.chunkCount);
    for (const label of labels) allowed[label] = 1;
    return new HnswVectorIndex(this.index, this.dimensions, this.labels, { allowed, labels, vectors });
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

  /**
   * Reads a saved graph. `byPosition` gives each chunk's graph label (Chunk.vector, or its position
   * where it has none, as in every index written before graphs were edited: format 3).
   */
  static async load(
    path: string,
    dimensions: number,
    byPosition: readonly number[],
    options: HnswOptions = {},
  ): Promise<HnswVectorIndex> {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    await index.readIndex(path);
    index.setEf(options.efSearch ?? DEFAULTS.efSearch);
    const size = index.getCurrentCount();
    if (!distinctLabelsWithin(byPosition, size)) {
      index.initIndex(1);
      throw new Error(
        `the ${byPosition.length} chunks do not name distinct points of the graph (${size} points)`,
      );
    }
    return new HnswVectorIndex(index, dimensions, graphLabels(byPosition, size));
  }

  /**
   * The graph of `rows` made from this one by editing it in place, instead of building it again (the
   * slowest step of an ingest: 45–85 s at 100,000 vectors, against a few milliseconds per changed
   * vector here). `reuse[i]` is the graph label under which row i's vector already is in this graph
   * (the same text embedded by the same embedder), or null for a new vector. Points no row reuses are
   * marked deleted (hnswlib keeps them out of results), and new vectors take the labels of deleted
   * points first (adding under a deleted label puts the point back with its new vector and repairs
   * its links), so the graph grows only to the largest corpus it has held. Null, and nothing changed,
   * when the graph would then hold more deleted points than live ones: a search walks through deleted
   * points, so past that a fresh build serves better. This index must not be used afterwards.
   */
  edit(rows: readonly ArrayLike<number>[], reuse: readonly (number | null)[]): HnswVectorIndex | null {
    const live = new Set<number>();
    for (let position = 0; position < this.chunkCount; position++) live.add(this.graphLabelOf(position));
    const kept = new Set(reuse.filter((label): label is number => label !== null));
    const free = this.index.getIdsList().filter((label) => !kept.has(label));
    const added = reuse.filter((label) => label === null).length;
    const total = this.index.getCurrentCount() + Math.max(0, added - free.length);
    if (total - rows.length > rows.length) return null;
    for (const label of free) if (live.has(label)) this.index.markDelete(label);
    if (total > this.index.getMaxElements()) this.index.resizeIndex(total);
    // Lowest labels first, so a corpus that shrinks and grows again reuses the same ones.
    free.sort((a, b) => b - a);
    let next = this.index.getCurrentCount();
    const byPosition = reuse.map((label, row) => {
      if (label !== null) return label;
      const given = free.pop() ?? next++;
      this.index.addPoint(Array.from(rows[row] ?? []), given);
      return given;
    });
    this.handedOver = true;
    return new HnswVectorIndex(this.index, this.dimensions, graphLabels(byPosition, total));
  }

  /** The graph label of the chunk at `position` (what Chunk.vector records when it differs). */
  graphLabelOf(position: number): number {
    return this.labels ? (this.labels.byPosition[position] ?? position) : position;
  }

  /** Chunks the graph holds a vector for (deleted points not counted). */
  private get chunkCount(): number {
    return this.labels ? this.labels.byPosition.length : this.index.getCurrentCount();
  }

  get size(): number {
    return this.restriction ? this.restriction.labels.length : this.chunkCount;
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
    if (this.handedOver) return;
    this.index.initIndex(1, DEFAULTS.m, DEFAULTS.efConstruction, RANDOM_SEED);
  }

  search(query: number[], k: number): VectorHit[] {
    const count = Math.min(k, this.size);
    if (count === 0) return [];
    const restriction = this.restriction;
    if (restriction && scanIsCheaper(restriction.labels.length, this.index.getCurrentCount()))
      return exactScan(query, count, restriction, this.dimensions);
    const positions = this.labels?.positions;
    const position = (label: number) => (positions ? (positions[label] ?? -1) : label);
    const { neighbors, distances } = restriction
      ? this.index.searchKnn(query, count, (label) => restriction.allowed[position(label)] === 1)
      : this.index.searchKnn(query, count);
    // For the cosine space hnswlib returns a distance (1 - cosine): lower is closer.
    return neighbors.map((label, i) => ({ label: position(label), similarity: 1 - (distances[i] ?? 1) }));
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
