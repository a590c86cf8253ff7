import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
});
