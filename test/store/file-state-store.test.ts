import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FileStateStore } from '../../src/store/file-state-store.js';
import { stateDirFor } from '../../src/store/state-location.js';
import { tempDir } from '../support/temp-dir.js';

const HOUR = 3_600_000;

function entry(id: string, createdAt: number) {
  return { id, createdAt, body: { channel: 'C1', parts: [{ text: id }] } };
}

describe('FileStateStore', () => {
  it('keeps claims, the outbox and feedback across a close and a reopen', async () => {
    const dir = await tempDir('whosaid-state-');
    const { store } = await FileStateStore.open(dir);
    assert.equal(await store.claim('event:Ev1', HOUR), true);
    assert.equal(await store.claim('event:Ev1', HOUR), false, 'a second claim loses');
    await store.putOutbox(entry('b', 2));
    await store.putOutbox(entry('a', 1));
    await store.putOutbox({ ...entry('b', 2), body: { posted: 1 } });
    await store.putOutbox(entry('c', 3));
    await store.removeOutbox('c');
    await store.recordFeedback({
      value: 'helpful',
      user: 'U1',
      channel: 'C1',
      messageTs: '1.2',
      threadTs: '1.1',
      at: '2026-01-01T00:00:00.000Z',
    });
    await store.close();

    const { store: again, skipped } = await FileStateStore.open(dir);
    assert.equal(skipped, 0);
    assert.equal(await again.claim('event:Ev1', HOUR), false, 'the claim survived the restart');
    assert.equal(await again.has('event:Ev1'), true);
    assert.deepEqual(
      (await again.outbox()).map((item) => [item.id, item.body]),
      [
        ['a', { channel: 'C1', parts: [{ text: 'a' }] }],
        ['b', { posted: 1 }],
      ],
      'oldest first, the latest version of each, removed ones gone',
    );
    assert.deepEqual(
      (await again.feedback()).map((click) => click.value),
      ['helpful'],
    );
    await again.close();
  });

  it('forgets a claim once its time to live has passed', async () => {
    let now = 1_000_000;
    const { store } = await FileStateStore.open(await tempDir('whosaid-state-'), { now: () => now });
    assert.equal(await store.claim('k', HOUR), true);
    now += HOUR - 1;
    assert.equal(await store.has('k'), true);
    now += 2;
    assert.equal(await store.has('k'), false);
    assert.equal(await store.claim('k', HOUR), true, 'claimable again after it expired');
    await store.close();
  });

  it('exactly one of many simultaneous claims of a key wins', async () => {
    const { store } = await FileStateStore.open(await tempDir('whosaid-state-'));
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim('event:same', HOUR)));
    assert.equal(results.filter(Boolean).length, 1);
    await store.close();
  });

  it('survives a write torn by a crash: the torn line is dropped, everything before it kept', async () => {
    const dir = await tempDir('whosaid-state-');
    const { store } = await FileStateStore.open(dir);
    await store.claim('event:kept', HOUR);
    await store.close();
    // What a kill in the middle of a write leaves: a line without its newline.
    await appendFile(join(dir, 'state.jsonl'), '{"claim":"event:torn","unt');
    const { store: again } = await FileStateStore.open(dir);
    assert.equal(await again.has('event:kept'), true);
    assert.equal(await again.has('event:torn'), false);
    await again.claim('event:after', HOUR);
    await again.close();
    const { store: third, skipped } = await FileStateStore.open(dir);
    assert.equal(skipped, 0, 'the next record started on a line of its own');
    assert.equal(await third.has('event:after'), true);
    await third.close();
  });

  it('compacts: the file stays proportional to what is alive, and nothing alive is lost', async () => {
    let now = 0;
    const dir = await tempDir('whosaid-state-');
    const { store } = await FileStateStore.open(dir, { now: () => now });
    for (let batch = 0; batch < 60; batch += 1) {
      // A hundred changes at once, as a burst of events makes them (group commit: one sync each burst).
      const writes: Promise<unknown>[] = [];
      for (let i = batch * 100; i < (batch + 1) * 100; i += 1) {
        writes.push(store.putOutbox(entry(`e${i}`, i)));
        if (i % 100 !== 0) writes.push(store.removeOutbox(`e${i}`));
        writes.push(store.claim(`event:${i}`, 10));
        now += 1;
      }
      await Promise.all(writes);
    }
    await store.claim('event:long', HOUR);
    const lines = (await readFile(join(dir, 'state.jsonl'), 'utf8')).split('\n').length - 1;
    assert.ok(lines < 6_000, `compacted (${lines} lines for 18,000 changes)`);
    await store.close();
    const { store: again } = await FileStateStore.open(dir, { now: () => now });
    assert.equal((await again.outbox()).length, 60, 'every entry not removed is still there');
    assert.equal(await again.has('event:long'), true);
    await again.close();
  });

  it('refuses a second owner of the same folder, and takes over the lock of a process that is gone', async () => {
    const dir = await tempDir('whosaid-state-');
    const { store } = await FileStateStore.open(dir);
    await assert.rejects(FileStateStore.open(dir), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'STATE_LOCKED');
      assert.match(error.message, /in use by another whosaid process .*WHOSAID_STATE_DIR/);
      return true;
    });
    await store.close();
    // A lock left by a process that no longer runs (pids are below 2^22 on Linux).
    await writeFile(join(dir, 'lock'), '4194999');
    const { store: again } = await FileStateStore.open(dir);
    await again.close();
  });

  it('lives beside the index by default and never inside it', () => {
    assert.equal(stateDirFor({ indexDir: '/data/.whosaid', stateDir: undefined }), '/data/.whosaid-state');
    assert.equal(stateDirFor({ indexDir: '/data/index', stateDir: '/var/whosaid' }), '/var/whosaid');
    for (const inside of ['/data/index', '/data/index/state'])
      assert.throws(
        () => stateDirFor({ indexDir: '/data/index', stateDir: inside }),
        /inside the index folder .*replaced whole on every rebuild/,
      );
  });
});
