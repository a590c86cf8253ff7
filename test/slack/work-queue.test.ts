import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BusyError, WorkQueue } from '../../src/slack/work-queue.js';

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('WorkQueue', () => {
  it('runs at most `concurrency` jobs at once, the rest in order', async () => {
    const queue = new WorkQueue(2, 10);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const jobs = Array.from({ length: 8 }, (_, i) =>
      queue.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(i);
        running -= 1;
        return i;
      }),
    );
    assert.deepEqual(await Promise.all(jobs), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(most, 2);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(queue.settled, true);
  });

  it('refuses at once when `capacity` jobs already wait, and takes work again once there is room', async () => {
    const queue = new WorkQueue(1, 2);
    const { opened, open } = gate();
    const held = [queue.run(() => opened), queue.run(() => 'second'), queue.run(() => 'third')];
    await assert.rejects(
      queue.run(() => 'fourth'),
      BusyError,
    );
    open();
    await Promise.all(held);
    await queue.idle();
    assert.equal(await queue.run(() => 'later'), 'later');
  });

  it('a failing job frees its slot', async () => {
    const queue = new WorkQueue(1, 1);
    await assert.rejects(
      queue.run(() => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await queue.run(() => 'next'), 'next');
    assert.equal(queue.settled, true);
  });
});
