import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { folderOf, LEGAL_FACT } from '../support/collection-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { tempDir } from '../support/temp-dir.js';

// The index published to PostgreSQL keeps each document's collection, so a replica reading it (with
// no index files of its own) scopes exactly as the files backend does: pgvector and full-text search
// at query time, with the collection in their SQL. (The Slack and randomised no-leak tests run on
// both backends too: test/slack/collections.test.ts, test/collections/no-leak-random.test.ts.)
describe('collections through the index published to PostgreSQL', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    database = await createTestDatabase();
    env = { WHOSAID_DATABASE_URL: database.url, WHOSAID_INDEX_STORE: 'postgres' };
    const migrated = await runWhosaid(['db', 'migrate'], env);
    assert.equal(migrated.status, 0, migrated.stderr);
    const writer = { ...env, WHOSAID_INDEX_DIR: await bundledIndexCopy() };
    const run = await runWhosaid(['ingest', await folderOf([LEGAL_FACT]), '--collection', 'legal'], writer);
    assert.equal(run.status, 0, run.stderr);
  });
  after(async () => {
    await database.drop();
  });

  it('channels bind stores the binding in the shared state, where every replica reads it', async () => {
    const replica = { ...env, WHOSAID_INDEX_DIR: join(await tempDir(), 'replica-index') };
    const bound = await runWhosaid(['channels', 'bind', 'C0LEGAL01', 'news'], replica);
    assert.equal(bound.status, 0, bound.stderr);
    const other = { ...env, WHOSAID_INDEX_DIR: join(await tempDir(), 'other-index') };
    const listed = JSON.parse((await runWhosaid(['channels', 'list', '--json'], other)).stdout) as {
      bindings: unknown[];
    };
    assert.deepEqual(listed.bindings, [{ team: null, channel: 'C0LEGAL01', collections: ['news'] }]);
  });

  it('a replica with no files of its own answers from legal only when asked to, and never from news', async () => {
    const replica = { ...env, WHOSAID_INDEX_DIR: join(await tempDir(), 'replica-index') };
    const question = `What did ${LEGAL_FACT.surname} say about the quitclaim?`;
    const inLegal = await runWhosaid(['ask', question, '--collection', 'legal', '--json'], replica);
    assert.equal(inLegal.status, 0, inLegal.stderr);
    const legal = JSON.parse(inLegal.stdout) as { abstained: boolean; citations: { doc: string }[] };
    assert.equal(legal.abstained, false);
    assert.ok(legal.citations.every((citation) => citation.doc.startsWith('legal:')));
    const inNews = JSON.parse(
      (await runWhosaid(['ask', question, '--collection', 'news', '--json'], replica)).stdout,
    ) as { abstained: boolean; citations: unknown[]; closest: { doc: string }[] };
    assert.equal(inNews.abstained, true);
    assert.deepEqual(inNews.citations, []);
    assert.ok(inNews.closest.every((passage) => !passage.doc.startsWith('legal:')));
  });
});
