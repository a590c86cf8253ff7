import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { SIGNING_SECRET } from '../support/slack-signed-requests.js';
import { tempDir } from '../support/temp-dir.js';

describe('whosaid serve with WHOSAID_DATABASE_URL', () => {
  let database: TestDatabase;
  let standIn: SlackApiStandIn;
  before(async () => {
    database = await createTestDatabase();
    standIn = await SlackApiStandIn.start();
  });
  after(async () => {
    await standIn.close();
    await database.drop();
  });

  async function serve(env: Record<string, string>) {
    const cwd = await tempDir('whosaid-serve-db-');
    // An empty corpus stops the start right after the database step, so the run ends by itself.
    return await runWhosaid(['serve'], {
      SLACK_BOT_TOKEN: STAND_IN_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      WHOSAID_CORPUS_DIR: await tempDir('whosaid-empty-corpus-'),
      WHOSAID_INDEX_DIR: `${cwd}/index`,
      ...env,
    });
  }

  it('applies the migrations at start-up', async () => {
    const run = await serve({ WHOSAID_DATABASE_URL: database.url });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /No usable documents/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT track, version, name FROM whosaid_migrations ORDER BY track DESC, version',
      );
      assert.deepEqual(rows, [
        { track: 'state', version: 1, name: 'bot-state' },
        { track: 'state', version: 2, name: 'channel-bindings' },
        { track: 'index', version: 1, name: 'corpus-index' },
        { track: 'index', version: 2, name: 'collections' },
        { track: 'index', version: 3, name: 'lexical-terms' },
        { track: 'index', version: 4, name: 'corpus-tables' },
        { track: 'index', version: 5, name: 'quote-members' },
        { track: 'index', version: 6, name: 'document-basis' },
        { track: 'index', version: 7, name: 'staged-documents' },
        { track: 'index', version: 8, name: 'uncounted-staged' },
      ]);
    } finally {
      await client.end();
    }
  });

  it('does not start when the database is unreachable, and says which one', async () => {
    const run = await serve({ WHOSAID_DATABASE_URL: 'postgres://whosaid:pw-not-shown@127.0.0.1:1/whosaid' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Cannot use PostgreSQL at whosaid@127\.0\.0\.1:1\/whosaid/);
    assert.doesNotMatch(run.stderr, /pw-not-shown/);
  });
});
