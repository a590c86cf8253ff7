import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isWhosaidError } from '../../src/errors.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { ingest } from '../../src/index/ingest.js';
import { openIndex } from '../../src/index/open-index.js';
import { tempDir } from '../support/temp-dir.js';

async function corpusCopy(): Promise<string> {
  const dir = join(await tempDir(), 'corpus');
  await cp('corpus', dir, { recursive: true });
  return dir;
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    assert.ok(isWhosaidError(error), String(error));
    assert.equal(error.code, 'INDEX_LOCATION');
    return error.message;
  }
  assert.fail('expected the index location to be refused');
}

describe('the index never replaces what is not ours', () => {
  it('refuses a folder of other files, a file, and the corpus folder itself or anything around it, touching nothing', async () => {
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const corpusDir = await corpusCopy();
    const notes = join(await tempDir(), 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'thesis.txt'), 'precious');
    const message = await refusal(() => ingest({ corpusDir, indexDir: notes, embedder }));
    assert.match(message, /notes already holds files that are not a whosaid index/);
    assert.match(message, /WHOSAID_INDEX_DIR/);
    assert.equal(readFileSync(join(notes, 'thesis.txt'), 'utf8'), 'precious');
    const file = join(notes, 'thesis.txt');
    assert.match(
      await refusal(() => ingest({ corpusDir, indexDir: file, embedder })),
      /is a file, not a folder/,
    );
    const before = readdirSync(corpusDir).sort();
    await refusal(() => ingest({ corpusDir, indexDir: corpusDir, embedder }));
    await refusal(() => ingest({ corpusDir, indexDir: join(corpusDir, '..'), embedder }));
    await refusal(() => ingest({ corpusDir, indexDir: join(corpusDir, 'index'), embedder }));
    // A hidden folder inside the corpus is never read as documents: allowed (its cache of vectors
    // goes beside it, hidden too).
    await ingest({ corpusDir, indexDir: join(corpusDir, '.index'), embedder });
    assert.deepEqual(
      readdirSync(corpusDir)
        .filter((name) => name !== '.index' && name !== '.index-embeddings')
        .sort(),
      before,
    );
    // The folder beside the index where vectors are kept is ours too, or refused.
    const elsewhere = await tempDir();
    mkdirSync(join(elsewhere, 'index-embeddings'));
    writeFileSync(join(elsewhere, 'index-embeddings', 'plans.txt'), 'precious');
    assert.match(
      await refusal(() => ingest({ corpusDir, indexDir: join(elsewhere, 'index'), embedder })),
      /index-embeddings .*holds files whosaid did not write/,
    );
    assert.deepEqual(readdirSync(elsewhere).sort(), ['index-embeddings']);
    assert.equal(readFileSync(join(notes, 'thesis.txt'), 'utf8'), 'precious');
  });

  it('replaces its own index, and an empty folder', async () => {
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const corpusDir = await corpusCopy();
    const indexDir = join(await tempDir(), 'empty');
    mkdirSync(indexDir);
    await ingest({ corpusDir, indexDir, embedder });
    const again = await ingest({ corpusDir, indexDir, embedder });
    assert.equal(again.report.unchanged.length, 5);
  });
});

describe('index integrity', () => {
  it('finds flipped bytes in any binary file before reading it, and rebuilds instead of crashing', async () => {
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const corpusDir = await corpusCopy();
    const indexDir = join(await tempDir(), 'index');
    await ingest({ corpusDir, indexDir, embedder });
    for (const name of ['hnsw.bin', 'vectors.f32']) {
      const path = join(indexDir, name);
      const bytes = readFileSync(path);
      for (const at of [8, Math.floor(bytes.length / 2), bytes.length - 3])
        bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      writeFileSync(path, bytes);
      const notices: string[] = [];
      const { index } = await openIndex({
        corpusDir,
        indexDir,
        embedder,
        notify: (line) => notices.push(line),
      });
      assert.match(
        notices.join(' '),
        new RegExp(`damaged \\(${name.replace('.', '\\.')} does not match its checksum`),
      );
      assert.equal(index.chunks.length, index.hnsw.size);
    }
  });
});
