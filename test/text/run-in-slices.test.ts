import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInSlices, runNow, type Steps, stepCounter } from '../../src/run-in-slices.js';

/** Six items, a step of two at a time: each step logs itself; returns the sum. */
function* counted(log: string[]): Steps<number> {
  const tick = stepCounter(2);
  let sum = 0;
  for (let i = 1; i <= 6; i++) {
    sum += i;
    if (tick()) {
      log.push(`step ${i}`);
      yield;
    }
  }
  return sum;
}

describe('runInSlices', () => {
  it('returns what running the steps at once returns', async () => {
    assert.equal(runNow(counted([])), 21);
    assert.equal(await runInSlices(counted([])), 21);
  });

  it('lets the event loop turn between slices: I/O waiting is handled before the next slice', async () => {
    const log: string[] = [];
    // With no time for more than one step per slice, every step runs in a turn of its own.
    setImmediate(() => log.push('io'));
    const done = runInSlices(counted(log), 0);
    log.push('started');
    assert.equal(await done, 21);
    assert.deepEqual(log, ['step 2', 'started', 'io', 'step 4', 'step 6']);
  });

  it('runs everything in one turn when the slice is long enough', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('io'));
    await runInSlices(counted(log), 60_000);
    log.push('done');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(log, ['step 2', 'step 4', 'step 6', 'done', 'io']);
  });
});
