import type { IndexData } from './index-store.js';

interface Generation<T> {
  number: number;
  index: IndexData;
  value: T;
  /** Calls under way on this generation. */
  users: number;
  retired: boolean;
}

/**
 * The index a long-running process answers from, replaced whole when a new generation is ready. Each
 * call runs on the generation current when it started, to its end, however long it awaits; a swap
 * only changes what later calls see. A replaced generation is released (its native vector memory
 * too) as soon as its last call ends, so memory holds at most the generations still in use.
 */
export class LiveIndex<T> {
  private current: Generation<T>;

  constructor(
    index: IndexData,
    private readonly prepare: (index: IndexData) => T,
  ) {
    this.current = { number: 1, index, value: prepare(index), users: 0, retired: false };
  }

  /** 1 for the index opened first, then one more per swap. */
  get generation(): number {
    return this.current.number;
  }

  get index(): IndexData {
    return this.current.index;
  }

  /** Runs `work` on the current generation, which stays alive until `work` (or its promise) ends. */
  use<R>(work: (value: T) => R): R {
    const generation = this.current;
    generation.users++;
    let result: R;
    try {
      result = work(generation.value);
    } catch (error) {
      this.leave(generation);
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => this.leave(generation)) as R;
    this.leave(generation);
    return result;
  }

  /** Makes `index` the generation later calls use; the one it replaces is released once unused. */
  swap(index: IndexData): void {
    const old = this.current;
    this.current = { number: old.number + 1, index, value: this.prepare(index), users: 0, retired: false };
    old.retired = true;
    this.releaseIfUnused(old);
  }

  private leave(generation: Generation<T>): void {
    generation.users--;
    this.releaseIfUnused(generation);
  }

  private releaseIfUnused(generation: Generation<T>): void {
    if (!generation.retired || generation.users > 0) return;
    // An index built in this process may share its graph with the one it replaced (assemble-index.ts).
    if (generation.index.hnsw !== this.current.index.hnsw) generation.index.hnsw.release();
  }
}
