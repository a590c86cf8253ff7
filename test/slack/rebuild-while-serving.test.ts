import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { searchContextSteps } from '../../src/answer/search-context.js';
import { createBotServices } from '../../src/bot-services.js';
import { createEmbedder } from '../../src/index/embedder.js';
import { openServingIndex } from '../../src/index/serving-index.js';
import { Wordnet } from '../../src/text/wordnet.js';
import { HARBOUR_DOCUMENT } from '../support/harbour-document.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { startTestBot } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';

describe('Slack: the bot answers while its index is rebuilt', () => {
  it('answers every @mention sent through a rebuild, and a question about a new document after the swap', async () => {
    const dir = await tempDir();
    const corpusDir = join(dir, 'corpus');
    await cp('corpus', corpusDir, { recursive: true });
    const embeddings = { embeddings: 'local' as const, openai: undefined };
    const embedder = await createEmbedder(embeddings);
    const wordnet = new Wordnet();
    const served = await openServingIndex(
      { corpusDir, indexDir: join(dir, 'index'), embeddings, embedder },
      (index) => searchContextSteps(index, embedder, wordnet),
    );
    const services = createBotServices(served.live, { k: 5, refreshIndex: served.refresh });
    const test = await startTestBot({ services });
    await writeFile(join(corpusDir, 'harbour.md'), HARBOUR_DOCUMENT);

    let done = false;
    const refreshed = services.refreshIndex?.().finally(() => {
      done = true;
    });
    let sent = 0;
    while (!done) {
      sent++;
      const ts = `1700001000.${String(sent).padStart(6, '0')}`;
      const response = await test.event(mentionEvent(ts, 'Who warned about relying on one provider?'));
      assert.equal(response.status, 200);
      const posts = test.standIn.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
      assert.equal(posts.length, 1, `one answer to question ${sent}`);
      assert.match(postedText(posts), /Dan Meyer/);
    }
    await refreshed;
    assert.ok(sent >= 1);
    assert.equal(served.live.generation, 2);
    await test.event(mentionEvent('1700002000.000001', 'When does the new pier open?'));
    const answer = test.standIn
      .callsTo('chat.postMessage')
      .filter((call) => call.args.thread_ts === '1700002000.000001');
    assert.match(postedText(answer), /Friday/);
    assert.match(postedText(answer), /Harbour works/);
    assert.deepEqual(test.errors(), []);
  });
});
