import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { INDEX_FORMAT_VERSION, readIndex, readManifest, writeIndex } from '../../src/index/index-store.js';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';
import { smallIndex } from '../support/small-index.js';
import { tempDir } from '../support/temp-dir.js';

const embedderId = new LocalHashEmbeddings().id;
const texts = [
  'SpaceX holds government contracts.',
  'The council passed the budget.',
  'Meyer is an attorney.',
];

describe('index store', () => {
  it('saves and loads an index that answers the same searches', async () => {
    const dir = join(await tempDir(), 'index');
    const original = smallIndex(texts);
    await writeIndex(dir, original);
    const loaded = await readIndex(dir, { embedderId });
    assert.deepEqual(loaded.chunks, original.chunks);
    assert.deepEqual(loaded.vectors, original.vectors);
    const query = new LocalHashEmbeddings().embedText('government contracts for SpaceX');
    assert.deepEqual(loaded.hnsw.search(query, 3), original.hnsw.search(query, 3));
    assert.equal(loaded.lexical.search({ text: 'budget', limit: 3 })[0]?.label, 1);
  });

  it('refuses an index built with another embedder or format, saying which', async () => {
    const dir = join(await tempDir(), 'index');
    await writeIndex(dir, smallIndex(texts));
    await assert.rejects(
      readIndex(dir, { embedderId: 'openai:text-embedding-3-small' }),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'INDEX_MISMATCH');
        assert.match(error.message, /local-hash-v1:384.*openai:text-embedding-3-small/);
        return true;
      },
    );
    const manifest = await readManifest(dir);
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, formatVersion: INDEX_FORMAT_VERSION + 1 }),
    );
    await assert.rejects(readIndex(dir, { embedderId }), { code: 'INDEX_MISMATCH' });
  });

  it('detects a damaged index instead of misusing it', async () => {
    const dir = join(await tempDir(), 'index');
    await writeIndex(dir, smallIndex(texts));
    await writeFile(join(dir, 'chunks.json'), '[{"label":0');
    await assert.rejects(readIndex(dir, { embedderId }), { code: 'INDEX_CORRUPT' });
    await writeIndex(dir, smallIndex(texts));
    await writeFile(join(dir, 'vectors.f32'), Buffer.alloc(12));
    await assert.rejects(readIndex(dir, { embedderId }), { code: 'INDEX_CORRUPT' });
  });

  it('reports a missing index as such', async () => {
    await assert.rejects(readIndex(join(await tempDir(), 'none'), { embedderId }), { code: 'INDEX_MISSING' });
  });

  it('keeps the previous index intact when a writer is killed midway, and cleans up after it', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'index');
    await writeIndex(dir, smallIndex(texts, 'good-run'));
    const child = spawnSync(process.execPath, [
      '--import',
      'tsx',
      'test/support/crash-while-writing.ts',
      dir,
    ]);
    assert.equal(child.signal, 'SIGKILL', `the writer should have been killed: ${child.stderr}`);
    const leftovers = (await readdir(parent)).filter((name) => name.includes('.tmp-'));
    assert.equal(leftovers.length, 1, 'the killed writer left its temporary folder behind');
    const survivor = await readIndex(dir, { embedderId });
    assert.equal(survivor.manifest.builtAt, 'good-run');
    assert.deepEqual(
      survivor.chunks.map((chunk) => chunk.text),
      texts,
    );
    await writeIndex(dir, smallIndex(texts, 'next-run'));
    assert.deepEqual(await readdir(parent), ['index'], 'the next write removes what the dead writer left');
  });

  it('restores the previous index when a writer died between its two renames', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'index');
    await writeIndex(dir, smallIndex(texts, 'aside'));
    await rename(dir, join(parent, 'index.old-999999-abcd1234'));
    await mkdir(join(parent, 'index.tmp-999999-abcd1234'));
    const restored = await readIndex(dir, { embedderId });
    assert.equal(restored.manifest.builtAt, 'aside');
  });

  it('leaves alone what another thread of this process is writing', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'index');
    await writeIndex(dir, smallIndex(texts, 'current'));
    const writing = join(parent, `index.tmp-${process.pid}-abcd1234`);
    await mkdir(writing);
    assert.equal((await readIndex(dir, { embedderId })).manifest.builtAt, 'current');
    assert.ok((await readdir(parent)).includes(`index.tmp-${process.pid}-abcd1234`));
  });
});
