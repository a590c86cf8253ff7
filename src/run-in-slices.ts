import { performance } from 'node:perf_hooks';

/**
 * A computation written as a generator that yields between small steps (a few hundred items of a
 * loop), so its caller decides how it runs: to the end at once (`runNow`: the CLI, start-up) or in
 * slices between which the event loop turns (`runInSlices`: the bot, whose thread acknowledges
 * Slack). One piece of code for both, so the sliced form cannot drift from the direct one.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end without yielding to the event loop. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How long one slice may hold the thread. Small next to the 200 ms a swap may pause the bot (issue
 * 22), leaving room for garbage collection, and large next to the cost of a turn of the event loop,
 * so slicing adds little to the total time.
 */
const SLICE_MS = 20;

/**
 * Runs `steps` a slice at a time: as many steps as fit in SLICE_MS, then the rest after the I/O
 * that became ready meanwhile (setImmediate runs after the poll phase), so requests arriving during
 * the work are read and answered between slices. A step longer than the slice is not cut: the
 * generators keep their steps small.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    let step = steps.next();
    while (!step.done && performance.now() < until) step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Yields once every `every` calls: the loops of a computation call it once per item. */
export function stepCounter(every: number): () => boolean {
  let count = 0;
  return () => {
    count += 1;
    if (count < every) return false;
    count = 0;
    return true;
  };
}
