import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OnePerTurn } from '../../src/slack/one-per-turn.js';

describe('OnePerTurn', () => {
  it('runs queued jobs one per turn of the event loop, in order, with other callbacks in between', async () => {
    const turns = new OnePerTurn();
    const log: string[] = [];
    const jobs = [1, 2, 3].map((n) =>
      turns.run(async () => {
        log.push(`job ${n}`);
        return n;
      }),
    );
    // Stands for I/O arriving meanwhile: a callback that wants a turn of its own every time.
    let ticks = 0;
    const tick = () => {
      log.push('other');
      if (++ticks < 2) setImmediate(tick);
    };
    setImmediate(tick);
    assert.deepEqual(await Promise.all(jobs), [1, 2, 3]);
    assert.deepEqual(log, ['job 1', 'other', 'job 2', 'other', 'job 3']);
  });

  it('passes a job’s failure to its caller and goes on with the next', async () => {
    const turns = new OnePerTurn();
    const failed = turns.run(async () => {
      throw new Error('boom');
    });
    const next = turns.run(async () => 'next');
    await assert.rejects(failed, /boom/);
    assert.equal(await next, 'next');
  });
});
