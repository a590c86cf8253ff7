import { runInSlices, type Steps } from '../run-in-slices.js';

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
  /**
   * The same preparation as steps (run-in-slices.ts), for `swapInSlices`; without it that swap
   * prepares with `prepare`, at once.
   */
  prepareSteps?: (index: I) => Steps<T>;
  /** How long one slice of that preparation may hold the thread (tests: 0, one step per turn). */
  sliceMs?: number;
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
  /** Swaps started so far: a preparation that finishes after a later swap's was installed is dropped. */
  private swapsStarted = 0;
  private installedSwap = 0;

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
    this.swapsStarted += 1;
    this.install(index, this.options.prepare(index), this.swapsStarted);
  }

  /**
   * `swap`, with the preparation run in slices between which the event loop turns (at 100,000
   * paragraphs it takes seconds, and the bot's thread must keep acknowledging Slack meanwhile). Calls
   * keep using the current generation until the new one is ready. Resolves once it is swapped in; when
   * a swap started later was installed first, this one's index is released instead, never served.
   */
  async swapInSlices(index: I): Promise<void> {
    this.swapsStarted += 1;
    const ticket = this.swapsStarted;
    const { prepareSteps, prepare } = this.options;
    const value = prepareSteps
      ? await runInSlices(prepareSteps(index), this.options.sliceMs)
      : prepare(index);
    if (ticket < this.installedSwap) {
      this.options.release(index, this.current.index);
      return;
    }
    this.install(index, value, ticket);
  }

  private install(index: I, value: T, ticket: number): void {
    const old = this.current;
    this.installedSwap = ticket;
    this.current = { number: old.number + 1, index, value, users: 0, retired: false };
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
