import assert from 'node:assert/strict';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLiveServices } from '../../src/cli/actions/live-index.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { silentIo } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { memoryLogger } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';
import { serve, startWebStandIn, type WebStandIn } from '../support/web-stand-in.js';

const article = await readFile('test/fixtures/web/harbor-article.html', 'utf8');

describe('a document added from Slack, with the index in PostgreSQL', () => {
  let database: TestDatabase;
  let web: WebStandIn;
  before(async () => {
    database = await createTestDatabase();
    web = await startWebStandIn();
  });
  after(async () => {
    await web.close();
    await database.drop();
  });

  it('is published for the other replicas, not only answered from this one', async () => {
    const env = {
      WHOSAID_INDEX_DIR: await bundledIndexCopy(),
      WHOSAID_FETCHED_DIR: join(await tempDir(), 'fetched'),
      WHOSAID_ALLOW_PRIVATE_URLS: '1',
      WHOSAID_ADMINS: 'U0ADMIN01',
      WHOSAID_DATABASE_URL: database.url,
    };
    const config = loadConfig({ env, dotenvPath: null });
    const io = silentIo(env);
    const services = await createLiveServices(config, io, memoryLogger().logger, { k: config.topK });
    const pool = testPool(database.url);
    try {
      const titles = async () =>
        (
          await pool.query<{ title: string }>(
            "SELECT stored->'meta'->>'title' AS title FROM whosaid_documents",
          )
        ).rows.map((row) => row.title);
      const before = await titles();
      assert.ok(before.length > 0, 'opening published the bundled index');
      assert.ok(!before.includes('Harbor tunnel vote delayed after cost review'));
      web.routes.set('/news/harbor', serve('text/html', article));
      const result = await services.addLink?.(web.url('/news/harbor'));
      assert.equal(result?.ok, true, JSON.stringify(result));
      const afterAdd = await titles();
      assert.equal(afterAdd.length, before.length + 1);
      assert.ok(afterAdd.includes('Harbor tunnel vote delayed after cost review'));
    } finally {
      await pool.end();
    }
  });

  it('streams into PostgreSQL as `whosaid ingest` does: no files index, and documents stored meanwhile published by the next writer', async () => {
    const own = await createTestDatabase();
    const fetched = join(await tempDir(), 'fetched');
    const indexDir = join(await tempDir(), 'index');
    const env = {
      WHOSAID_INDEX_DIR: indexDir,
      WHOSAID_FETCHED_DIR: fetched,
      WHOSAID_ALLOW_PRIVATE_URLS: '1',
      WHOSAID_ADMINS: 'U0ADMIN01',
      WHOSAID_DATABASE_URL: own.url,
    };
    const config = loadConfig({ env, dotenvPath: null });
    const pool = testPool(own.url);
    try {
      const first = await createLiveServices(config, silentIo(env), memoryLogger().logger, {
        k: config.topK,
      });
      web.routes.set('/news/harbor', serve('text/html', article));
      const added = await first.addLink?.(web.url('/news/harbor'));
      assert.equal(added?.ok, true, JSON.stringify(added));
      const answer = await first.ask('Why was the harbor tunnel vote delayed?');
      assert.ok(
        answer.citations.some(
          (citation) => citation.title === 'Harbor tunnel vote delayed after cost review',
        ),
        'the bot answers from the publication that holds the added document',
      );
      // Nothing was written into the index folder: the writer builds no files index.
      assert.deepEqual(await readdir(indexDir).catch(() => []), []);

      // A document stored while no bot ran (copied into the fetched folder) is published by the next
      // writer (its start-up update runs in the background; a refresh queues behind it), without a
      // files index either.
      const stored = (await readdir(fetched, { recursive: true })).find((name) => name.endsWith('.md'));
      assert.ok(stored, 'the added document is stored in the fetched folder');
      await cp(join(fetched, stored), join(fetched, 'copied-while-down.md'));
      const count = async () =>
        Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM whosaid_documents')).rows[0]?.n);
      const before = await count();
      const second = await createLiveServices(config, silentIo(env), memoryLogger().logger, {
        k: config.topK,
      });
      const report = await second.refreshIndex?.();
      assert.ok(report, 'a writer bot can be asked to refresh its index');
      assert.equal(await count(), before + 1);
      assert.deepEqual(await readdir(indexDir).catch(() => []), []);
    } finally {
      await pool.end();
      await own.drop();
    }
  });
});
