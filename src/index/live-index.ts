interface Generation<I, T> {
  number: number;
  index: I;
  value: T;
  /** Calls under way on this generation. */
  users: number;
  retired: boolean;
}

export interface LiveIndexOptions<I, T> {
  /** What calls work with, made once per generation (e.g. the search context over the index). */
  prepare: (index: I) => T;
  /** Frees what a replaced generation holds outside the JavaScript heap, once nothing uses it. */
  release: (index: I, replacement: I) => void;
}

/**
 * The index a long-running process answers from, replaced whole when a new generation is ready. Each
 * call runs on the generation current when it started, to its end, however long it awaits; a swap
 * only changes what later calls see. A replaced generation is released as soon as its last call
 * ends, so memory holds at most the generations still in use. Generic over the index, so any backend
 * with generations fits.
 */
export class LiveIndex<I, T> {
  private current: Generation<I, T>;

  constructor(
    index: I,
    private readonly options: LiveIndexOptions<I, T>,
  ) {
    this.current = { number: 1, index, value: options.prepare(index), users: 0, retired: false };
  }

  /** 1 for the index opened first, then one more per swap. */
  get generation(): number {
    return this.current.number;
  }

  get index(): I {
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
  swap(index: I): void {
    const old = this.current;
    this.current = {
      number: old.number + 1,
      index,
      value: this.options.prepare(index),
      users: 0,
      retired: false,
    };
    old.retired = true;
    this.releaseIfUnused(old);
  }

  private leave(generation: Generation<I, T>): void {
    generation.users--;
    this.releaseIfUnused(generation);
  }

  private releaseIfUnused(generation: Generation<I, T>): void {
    if (generation.retired && generation.users === 0)
      this.options.release(generation.index, this.current.index);
  }
}
