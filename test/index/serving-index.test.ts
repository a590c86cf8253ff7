import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { searchContextSteps } from '../../src/answer/search-context.js';
import { createBotServices } from '../../src/bot-services.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { ingest } from '../../src/index/ingest.js';
import { openServingIndex } from '../../src/index/serving-index.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { HARBOUR_DOCUMENT } from '../support/harbour-document.js';
import { tempDir } from '../support/temp-dir.js';

async function serving(notices: string[] = []) {
  const dir = await tempDir();
  const corpusDir = join(dir, 'corpus');
  await cp('corpus', corpusDir, { recursive: true });
  const embeddings = { embeddings: 'local' as const, openai: undefined };
  const embedder = await createEmbedder(embeddings);
  const wordnet = new Wordnet();
  const options = {
    corpusDir,
    indexDir: join(dir, 'index'),
    embeddings,
    embedder,
    notify: (message: string) => notices.push(message),
  };
  return {
    options,
    embedder,
    open: () => openServingIndex(options, (index) => searchContextSteps(index, embedder, wordnet)),
  };
}

describe('the bot answers while its index is rebuilt', () => {
  it('answers every question asked through a rebuild, and a new document after the swap', async () => {
    const { options, open } = await serving();
    const served = await open();
    assert.equal(served.rebuilding, null, 'a fresh index needs no rebuild');
    const services = createBotServices(served.live, { k: 5, refreshIndex: served.refresh });
    await writeFile(join(options.corpusDir, 'harbour.md'), HARBOUR_DOCUMENT);

    let done = false;
    const refreshed = services.refreshIndex?.().finally(() => {
      done = true;
    });
    let during = 0;
    while (!done) {
      const answer = await services.ask('Who warned about relying on one provider?');
      assert.equal(answer.abstained, false);
      assert.ok(answer.answer.trim().length > 0, 'not empty');
      assert.ok(answer.citations.length > 0);
      during++;
      await nextTurn();
    }
    const report = await refreshed;
    assert.ok(during >= 1, 'questions were answered while the rebuild ran');
    assert.deepEqual(report?.added, ['corpus/harbour.md']);
    assert.equal(served.live.generation, 2);
    const answer = await services.ask('When does the new pier open?');
    assert.equal(answer.abstained, false);
    assert.ok(answer.citations.some((citation) => citation.doc === 'corpus/harbour.md'));
    const quotes = await services.findQuotes('Quillfeather');
    assert.ok(quotes.hits.some((quote) => quote.speaker === 'Marta Quillfeather'));
  });

  it('starts on a stale index at once, saying why, and swaps to the rebuilt one', async () => {
    const notices: string[] = [];
    const { options, embedder, open } = await serving(notices);
    await ingest({ ...options, embedder });
    // As after a release that changed quote attribution.
    const manifestPath = join(options.indexDir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.steps.quotes = 'older-attribution';
    await writeFile(manifestPath, JSON.stringify(manifest));

    const served = await open();
    assert.equal(served.live.generation, 1);
    assert.equal(served.live.index.manifest.steps?.quotes, 'older-attribution', 'the stale one serves first');
    assert.match(
      notices.join('\n'),
      /out of date \(whosaid's quote attribution code changed since it was built\): rebuilding it in the background/,
    );
    const report = await served.rebuilding;
    assert.deepEqual(report?.rerun, ['quotes']);
    assert.equal(report?.embedded, 0);
    assert.equal(served.live.generation, 2);
    assert.notEqual(served.live.index.manifest.steps?.quotes, 'older-attribution');
  });

  it('folds refresh requests made during a rebuild into one more rebuild; reloads what another process wrote', async () => {
    const { options, embedder, open } = await serving();
    const served = await open();
    assert.equal(await served.reload(), false, 'nothing newer on disk');
    const first = served.refresh();
    await writeFile(join(options.corpusDir, 'harbour.md'), HARBOUR_DOCUMENT);
    const [second, third] = [served.refresh(), served.refresh()];
    assert.equal(second, third);
    await Promise.all([first, second]);
    assert.equal(served.live.generation, 3);
    assert.ok(served.live.index.documents.some((document) => document.id === 'corpus/harbour.md'));
    // A scheduled `whosaid ingest` in another process writes a new generation.
    await writeFile(join(options.corpusDir, 'harbour-2.md'), HARBOUR_DOCUMENT.replace('Friday', 'Sunday'));
    await ingest({ ...options, embedder });
    assert.equal(await served.reload(), true);
    assert.equal(served.live.generation, 4);
    assert.ok(served.live.index.documents.some((document) => document.id === 'corpus/harbour-2.md'));
  });
});
