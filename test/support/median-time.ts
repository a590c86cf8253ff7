/** Median wall time of `runs` calls, in ms: for ratios between two sizes of input, never as a timing on its own. */
export async function medianTime(run: () => unknown, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}
