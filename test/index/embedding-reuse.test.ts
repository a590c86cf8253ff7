import assert from 'node:assert/strict';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createEmbedder, type Embedder } from '../../src/index/embedder.js';
import { readIndex } from '../../src/index/index-store.js';
import { ingest } from '../../src/index/ingest.js';
import { OpenAIStandIn } from '../support/openai-stand-in.js';
import { tempDir } from '../support/temp-dir.js';

const standIn = new OpenAIStandIn();
let embedder: Embedder;

before(async () => {
  const baseURL = await standIn.start();
  // The real @langchain/openai client; the stand-in records every text it is sent.
  embedder = await createEmbedder({
    embeddings: 'openai',
    openai: {
      apiKey: 'sk-test',
      baseURL,
      chatModel: 'gpt-test',
      embeddingModel: 'text-embedding-test',
      timeoutMs: 10_000,
      maxRetries: 0,
    },
  });
});
after(() => standIn.stop());
beforeEach(() => {
  standIn.reset();
  standIn.requests.length = 0;
});

async function corpusAndIndex() {
  const dir = await tempDir();
  await cp('corpus', join(dir, 'corpus'), { recursive: true });
  return { corpusDir: join(dir, 'corpus'), indexDir: join(dir, 'index'), embedder };
}

const embeddedTexts = () => standIn.embeddingInputs().flat();

/** Makes the index look built by other quote-attribution code, as after a release that changed it. */
async function pretendAttributionChanged(indexDir: string): Promise<void> {
  const path = join(indexDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8'));
  manifest.steps.quotes = 'older-attribution';
  await writeFile(path, JSON.stringify(manifest));
}

describe('vectors are reused by content (OpenAI-compatible embeddings over HTTP)', () => {
  it('after a change to quote attribution, re-ingesting makes no embedding request and re-runs attribution', async () => {
    const paths = await corpusAndIndex();
    const first = await ingest(paths);
    const distinct = new Set(first.index.chunks.map((chunk) => chunk.text)).size;
    assert.equal(embeddedTexts().length, distinct, 'each distinct text embedded once');
    standIn.requests.length = 0;

    await pretendAttributionChanged(paths.indexDir);
    const again = await ingest(paths);
    assert.deepEqual(again.report.rerun, ['quotes']);
    assert.equal(standIn.embeddingInputs().length, 0, 'no embedding request');
    assert.equal(again.report.embedded, 0);
    const saved = await readIndex(paths.indexDir, { embedderId: embedder.id });
    assert.notEqual(saved.manifest.steps?.quotes, 'older-attribution', 'attribution re-ran');
    assert.deepEqual(saved.vectors, first.index.vectors, 'the same vectors');
  });

  it('the vectors survive the index folder itself: a rebuild from nothing embeds nothing', async () => {
    const paths = await corpusAndIndex();
    await ingest(paths);
    standIn.requests.length = 0;
    await rm(paths.indexDir, { recursive: true });
    const rebuilt = await ingest(paths);
    assert.equal(standIn.embeddingInputs().length, 0);
    assert.equal(rebuilt.report.added.length, 5);
  });

  it('after editing one document, only its new or changed chunk texts are embedded', async () => {
    const paths = await corpusAndIndex();
    await ingest(paths);
    standIn.requests.length = 0;
    const reed = join(paths.corpusDir, 'reed-2023-09-starlink-vulnerabilities-statement.md');
    const text = await readFile(reed, 'utf8');
    const paragraph = text.split('\n\n').find((part) => part.length > 200 && !part.startsWith('---'));
    assert.ok(paragraph);
    const edited = `${paragraph.slice(0, -1)} (updated).`;
    await writeFile(
      reed,
      `${text.replace(paragraph, edited)}\nThe committee will hold a hearing next week.\n`,
    );
    const { report, index } = await ingest(paths);
    assert.deepEqual(report.changed, ['corpus/reed-2023-09-starlink-vulnerabilities-statement.md']);
    const sent = embeddedTexts();
    assert.equal(sent.length, 2, 'the edited paragraph and the new one');
    const reedTexts = new Set(
      index.chunks.filter((chunk) => chunk.doc.includes('reed-2023-09')).map((c) => c.text),
    );
    assert.ok(
      sent.every((t) => reedTexts.has(t)),
      'only that document’s chunks',
    );
    assert.ok(sent.some((t) => t.includes('hold a hearing')));
  });

  it('a torn or damaged cache costs embeddings again, never a wrong vector', async () => {
    const paths = await corpusAndIndex();
    const first = await ingest(paths);
    const cacheDir = `${paths.indexDir}-embeddings`;
    const file = join(cacheDir, (await readdir(cacheDir)).find((name) => name.endsWith('.vectors')) ?? '');
    const bytes = await readFile(file);
    // Flip one byte inside the first record's vector, and tear the last record in half.
    bytes[40] = (bytes[40] ?? 0) ^ 0xff;
    await writeFile(file, bytes.subarray(0, bytes.length - 100));
    await rm(paths.indexDir, { recursive: true });
    standIn.requests.length = 0;
    const rebuilt = await ingest(paths);
    assert.equal(embeddedTexts().length, 2, 'the damaged record and the torn one');
    assert.deepEqual(rebuilt.index.vectors, first.index.vectors);
  });
});
