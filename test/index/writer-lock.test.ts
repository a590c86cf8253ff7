import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isWhosaidError } from '../../src/errors.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { type IndexData, readIndex } from '../../src/index/index-store.js';
import { ingest } from '../../src/index/ingest.js';
import { writerLockPath } from '../../src/index/writer-lock.js';
import { tempDir } from '../support/temp-dir.js';

const embedderId = (await createEmbedder({ embeddings: 'local', openai: undefined })).id;

interface Writer {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

function startWriter(corpusDir: string, indexDir: string, hold = false): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/index-writer.ts', corpusDir, indexDir, ...(hold ? ['--hold'] : [])],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const writer: Writer = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (data: Buffer) => {
    writer.stdout += data.toString();
  });
  child.stderr?.on('data', (data: Buffer) => {
    writer.stderr += data.toString();
  });
  return writer;
}

/** Resolves when `read()` holds `pattern`, or fails when the writer exits first. */
async function waitFor(writer: Writer, read: () => string, pattern: RegExp): Promise<void> {
  let exited = false;
  void writer.exited.then(() => {
    exited = true;
  });
  while (!pattern.test(read())) {
    if (exited) assert.fail(`the writer exited without printing ${pattern}: ${writer.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function corpora(): Promise<{ small: string; large: string }> {
  const root = await tempDir();
  const small = join(root, 'small');
  const large = join(root, 'large');
  await cp('corpus', small, { recursive: true });
  await cp('corpus', large, { recursive: true });
  await writeFile(
    join(large, 'extra.md'),
    '---\ntitle: An extra document\n---\n\n"We will finish the bridge by June," said Mayor Ana Ortiz.\n',
  );
  return { small, large };
}

/** Everything in one read must come from one generation: the manifest's counts match the files. */
function assertComplete(index: IndexData): void {
  const { manifest } = index;
  assert.equal(index.chunks.length, manifest.chunkCount);
  assert.equal(index.hnsw.size, index.chunks.length);
  assert.deepEqual(
    index.documents.map((document) => document.id).sort(),
    Object.keys(manifest.documents).sort(),
  );
  for (const [id, entry] of Object.entries(manifest.documents))
    assert.equal(index.chunks.filter((chunk) => chunk.doc === id).length, entry.chunkCount, id);
}

describe('one writer at a time, across processes', () => {
  it('a second writer waits for the first while a reader keeps reading complete indexes', {
    timeout: 120_000,
  }, async () => {
    const { small, large } = await corpora();
    const indexDir = join(await tempDir(), 'index');
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    await ingest({ corpusDir: small, indexDir, embedder });
    let reading = true;
    const seen = new Set<string>();
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        const index = await readIndex(indexDir, { embedderId });
        assertComplete(index);
        seen.add(index.manifest.builtAt);
        index.hnsw.release();
        reads++;
      }
    })();
    const first = startWriter(large, indexDir, true);
    await waitFor(first, () => first.stdout, /holding/);
    const second = startWriter(small, indexDir);
    await waitFor(
      second,
      () => second.stderr,
      new RegExp(`being written by process ${first.child.pid} since .*: waiting for it to finish`),
    );
    first.child.stdin?.write('go\n');
    assert.equal(await first.exited, 0, first.stderr);
    assert.equal(await second.exited, 0, second.stderr);
    reading = false;
    await reader;
    assert.ok(reads > 0);
    // Both writers wrote a whole index, one after the other: the second one's corpus is what is left.
    const last = await readIndex(indexDir, { embedderId });
    assertComplete(last);
    assert.ok(!last.documents.some((document) => document.id.endsWith('extra.md')));
    assert.ok(first.stdout.includes(`done ${last.documents.length + 1}`), first.stdout);
    await assert.rejects(readFile(writerLockPath(indexDir)), { code: 'ENOENT' });
    last.hnsw.release();
  });

  it('takes over the lock of a writer that was killed, saying so, and fails clearly when a live writer keeps it', {
    timeout: 120_000,
  }, async () => {
    const { small } = await corpora();
    const indexDir = join(await tempDir(), 'index');
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    const writer = startWriter(small, indexDir, true);
    await waitFor(writer, () => writer.stdout, /holding/);
    try {
      await ingest({ corpusDir: small, indexDir, embedder, lockWaitMs: 300 });
      assert.fail('expected the live lock to stop this writer');
    } catch (error) {
      assert.ok(isWhosaidError(error));
      assert.equal(error.code, 'INDEX_LOCKED');
      assert.match(error.message, new RegExp(`still being written by process ${writer.child.pid}`));
      assert.match(error.message, /\.lock/);
    }
    writer.child.kill('SIGKILL');
    await writer.exited;
    const notices: string[] = [];
    const { index } = await ingest({ corpusDir: small, indexDir, embedder, notify: (m) => notices.push(m) });
    assert.equal(notices.length, 1, notices.join('\n'));
    assert.match(
      notices[0] ?? '',
      new RegExp(`Took over the index lock .* left by process ${writer.child.pid}.*no longer runs`),
    );
    assertComplete(index);
    assertComplete(await readIndex(indexDir, { embedderId }));
  });

  it('treats a lock whose pid now belongs to a later process as stale', { timeout: 120_000 }, async () => {
    const { small } = await corpora();
    const indexDir = join(await tempDir(), 'index');
    const embedder = await createEmbedder({ embeddings: 'local', openai: undefined });
    // This test process's own pid, alive, but recorded with another start time: the pid was reused.
    await writeFile(
      writerLockPath(indexDir),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        processStart: '1',
        token: 'old',
        acquiredAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    const notices: string[] = [];
    await ingest({ corpusDir: small, indexDir, embedder, lockWaitMs: 0, notify: (m) => notices.push(m) });
    assert.match(notices.join('\n'), /Took over the index lock/);
  });
});
