import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PIECE_ITEMS, splitParts } from '../../src/index/generation-pieces.js';
import { readIndex, readIndexParts, writeIndex } from '../../src/index/index-store.js';
import { loadGenerationInWorker } from '../../src/index/load-in-worker.js';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';
import { smallIndex } from '../support/small-index.js';
import { tempDir } from '../support/temp-dir.js';

const embedderId = new LocalHashEmbeddings().id;

let written: Promise<string> | undefined;

/** Enough chunks and terms that every big collection comes in several pieces; built once per file. */
function writtenIndex(): Promise<string> {
  written ??= writeOne();
  return written;
}

async function writeOne(): Promise<string> {
  const texts = Array.from(
    { length: PIECE_ITEMS * 2 + 300 },
    (_, i) => `Paragraph ${i}: councillor term${i} said the budget${i % 97} vote was close, word${i * 7}.`,
  );
  const dir = join(await tempDir('whosaid-load-'), 'index');
  await writeIndex(dir, smallIndex(texts));
  return dir;
}

describe('reading a generation in a worker thread', () => {
  it('gives the same index as reading it here: data, BM25 and vector search', async () => {
    const dir = await writtenIndex();
    const [here, there] = [
      await readIndex(dir, { embedderId }),
      await loadGenerationInWorker({ indexDir: dir, embedderId }),
    ];
    assert.deepEqual(there.manifest, here.manifest);
    assert.deepEqual(there.documents, here.documents);
    assert.deepEqual(there.chunks, here.chunks);
    assert.deepEqual([...there.vectors], [...here.vectors]);
    for (const text of ['budget vote', 'councillor term17 said', 'word700'])
      assert.deepEqual(there.lexical.search({ text, limit: 10 }), here.lexical.search({ text, limit: 10 }));
    assert.equal(there.lexical.documentFrequency('budget5'), here.lexical.documentFrequency('budget5'));
    const query = Array.from(here.vectors.subarray(0, here.manifest.embedder.dimensions));
    assert.deepEqual(there.hnsw.search(query, 5), here.hnsw.search(query, 5));
    here.hnsw.release();
    there.hnsw.release();
  });

  it('lets this thread take a turn between pieces, however big the index', async () => {
    const dir = await writtenIndex();
    const { pieces } = splitParts(await readIndexParts(dir, { embedderId }));
    assert.ok(pieces.length >= 8, `several pieces per collection (${pieces.length})`);
    assert.ok(
      pieces.every(
        (piece) => ('items' in piece ? piece.items.length : Object.keys(piece.keys).length) <= PIECE_ITEMS,
      ),
    );
    // A chain of setImmediate callbacks stands for requests waiting on this thread: each runs only
    // once the thread returns to its event loop, so it advances only between pieces.
    let turns = 0;
    let loading = true;
    const tick = () => {
      turns += 1;
      if (loading) setImmediate(tick);
    };
    setImmediate(tick);
    const loaded = await loadGenerationInWorker({ indexDir: dir, embedderId });
    loading = false;
    assert.ok(turns >= pieces.length, `${turns} turns of the event loop for ${pieces.length} pieces`);
    loaded.hnsw.release();
  });

  it('refuses a damaged generation as readIndex does', async () => {
    const dir = join(await tempDir('whosaid-load-'), 'damaged');
    await cp(await writtenIndex(), dir, { recursive: true });
    await writeFile(join(dir, 'chunks.json'), '[{"label": 0');
    await assert.rejects(loadGenerationInWorker({ indexDir: dir, embedderId }), { code: 'INDEX_CORRUPT' });
    const empty = join(await tempDir('whosaid-load-'), 'none');
    await assert.rejects(loadGenerationInWorker({ indexDir: empty, embedderId }), { code: 'INDEX_MISSING' });
  });
});
