import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveIndex } from '../../src/index/live-index.js';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';
import { smallIndex } from '../support/small-index.js';

const query = new LocalHashEmbeddings().embedText('budget');

describe('LiveIndex', () => {
  it('finishes a call on the generation it started with, and releases that one after the call ends', async () => {
    const first = smallIndex(['the first budget', 'a river']);
    const second = smallIndex(['the second budget', 'a lake', 'a hill']);
    const live = new LiveIndex(first, (index) => index);
    let resume = () => {};
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const inFlight = live.use(async (index) => {
      await paused;
      return index.hnsw.search(query, 5).map((hit) => index.chunks[hit.label]?.text);
    });
    live.swap(second);
    assert.equal(live.generation, 2);
    assert.equal(
      live.use((index) => index.chunks.length),
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
    const live = new LiveIndex(first, (index) => index);
    await assert.rejects(
      live.use(async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.throws(() =>
      live.use(() => {
        throw new Error('sync boom');
      }),
    );
    live.swap(smallIndex(['two']));
    assert.equal(first.hnsw.size, 0);
  });
});
