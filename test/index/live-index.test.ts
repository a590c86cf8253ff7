import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexData } from '../../src/index/index-store.js';
import { LiveIndex } from '../../src/index/live-index.js';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';
import { releaseGraph } from '../../src/index/serving-index.js';
import { smallIndex } from '../support/small-index.js';

const live = (index: IndexData) => new LiveIndex(index, { prepare: (same) => same, release: releaseGraph });

const query = new LocalHashEmbeddings().embedText('budget');

describe('LiveIndex', () => {
  it('finishes a call on the generation it started with, and releases that one after the call ends', async () => {
    const first = smallIndex(['the first budget', 'a river']);
    const second = smallIndex(['the second budget', 'a lake', 'a hill']);
    const served = live(first);
    let resume = () => {};
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const inFlight = served.use(async (index) => {
      await paused;
      return index.hnsw.search(query, 5).map((hit) => index.chunks[hit.label]?.text);
    });
    served.swap(second);
    assert.equal(served.generation, 2);
    assert.equal(
      served.use((index) => index.chunks.length),
      3,
      'later calls see the new generation',
    );
    assert.equal(first.hnsw.size, 2, 'not released while a call still runs on it');
    resume();
    assert.deepEqual((await inFlight)?.sort(), ['a river', 'the first budget']);
    assert.equal(first.hnsw.size, 0, 'released (native memory too) once its last call ended');
    assert.equal(second.hnsw.size, 3);
  });

  it('releases an unused generation at the swap, and a failed call still lets go of its generation', async () => {
    const first = smallIndex(['one']);
    const served = live(first);
    await assert.rejects(
      served.use(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.throws(() =>
      served.use(() => {
        throw new Error('sync boom');
      }),
    );
    served.swap(smallIndex(['two']));
    assert.equal(first.hnsw.size, 0);
    // A generation sharing its graph with its replacement (built in this process) keeps it.
    const shared = smallIndex(['three', 'four']);
    const sharing = live(shared);
    sharing.swap({ ...shared, manifest: { ...shared.manifest, builtAt: 'later' } });
    assert.equal(shared.hnsw.size, 2);
  });

  it('swaps in slices: calls keep the current generation until the new one is prepared', async () => {
    const first = smallIndex(['one']);
    const second = smallIndex(['two', 'three']);
    let steps = 0;
    const served = new LiveIndex(first, {
      prepare: (index) => index.chunks.length,
      // A step per chunk, each in a turn of its own (sliceMs 0).
      *prepareSteps(index) {
        for (const _chunk of index.chunks) {
          steps += 1;
          yield;
        }
        return index.chunks.length;
      },
      sliceMs: 0,
      release: releaseGraph,
    });
    const swapping = served.swapInSlices(second);
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(steps > 0, 'the preparation has begun, and yielded');
    assert.equal(served.generation, 1);
    assert.equal(
      served.use((chunks) => chunks),
      1,
      'a call during the preparation answers from the current generation',
    );
    await swapping;
    assert.equal(served.generation, 2);
    assert.equal(
      served.use((chunks) => chunks),
      2,
    );
    assert.equal(first.hnsw.size, 0, 'the replaced generation is released');
  });

  it('never installs a generation whose preparation ends after a later swap was installed', async () => {
    const served = new LiveIndex(smallIndex(['zero']), {
      prepare: (index) => index.chunks.length,
      *prepareSteps(index) {
        for (const _chunk of index.chunks) yield;
        return index.chunks.length;
      },
      sliceMs: 0,
      release: releaseGraph,
    });
    const older = smallIndex(['a', 'b', 'c', 'd', 'e', 'f']);
    const newer = smallIndex(['g']);
    const slow = served.swapInSlices(older);
    const fast = served.swapInSlices(newer);
    await Promise.all([slow, fast]);
    assert.equal(
      served.use((chunks) => chunks),
      1,
      'the later swap stays',
    );
    assert.equal(older.hnsw.size, 0, 'the index that lost is released, never served');
    assert.equal(newer.hnsw.size, 1);
  });
});
