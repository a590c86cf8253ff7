import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileStateStore } from '../../src/store/file-state-store.js';
import { PostgresStateStore } from '../../src/store/postgres-state-store.js';
import type { FeedbackEntry, StateStore } from '../../src/store/state-store.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const clicks: FeedbackEntry[] = [
  {
    value: 'not_helpful',
    user: 'UREADER1',
    team: 'T0TEST001',
    question: 'Who warned about relying on one provider?',
    citations: [{ doc: 'corpus/axios-musk-putin-spacex.md', paragraph: 11 }],
    channel: 'C0NEWS001',
    messageTs: '1700000009.000900',
    threadTs: '1700000009.000100',
    at: '2026-11-30T10:00:00.000Z',
  },
  {
    value: 'helpful',
    user: 'UREADER1',
    team: 'T0TEST001',
    question: 'Who warned about relying on one provider?',
    citations: [{ doc: 'corpus/axios-musk-putin-spacex.md', paragraph: 11 }],
    channel: 'C0NEWS001',
    messageTs: '1700000009.000900',
    threadTs: '1700000009.000100',
    at: '2026-11-30T10:05:00.000Z',
  },
  {
    value: 'not_helpful',
    user: 'UREADER2',
    channel: 'C0NEWS001',
    messageTs: '1690000000.000200',
    threadTs: undefined,
    at: '2026-11-01T09:00:00.000Z',
  },
];

async function record(store: StateStore) {
  for (const entry of clicks) await store.recordFeedback(entry);
  await store.close();
}

/** The same report from either store: the votes are the votes, wherever they were kept. */
async function checkReports(env: Record<string, string>, args: string[]) {
  const all = await runWhosaid(['feedback', '--json', ...args], env);
  assert.equal(all.status, 0, all.stderr);
  const report = JSON.parse(all.stdout) as {
    answers: { messageTs: string; question?: string; helpful: number; notHelpful: number }[];
  };
  assert.deepEqual(
    report.answers.map(({ messageTs, question, helpful, notHelpful }) => ({
      messageTs,
      question,
      helpful,
      notHelpful,
    })),
    [
      // UREADER1 changed their mind: their later "helpful" is what counts.
      {
        messageTs: '1700000009.000900',
        question: 'Who warned about relying on one provider?',
        helpful: 1,
        notHelpful: 0,
      },
      { messageTs: '1690000000.000200', question: undefined, helpful: 0, notHelpful: 1 },
    ],
  );

  const recent = await runWhosaid(['feedback', '--since', '2026-11-15', ...args], env);
  assert.equal(recent.status, 0, recent.stderr);
  assert.match(recent.stdout, /^Feedback on 1 answer since 2026-11-15: 1 helpful, 0 not helpful/);
  assert.match(recent.stdout, /Question: Who warned about relying on one provider\?/);
  assert.match(recent.stdout, /Cited: corpus\/axios-musk-putin-spacex\.md ¶11/);

  const csv = await runWhosaid(['feedback', '--csv', ...args], env);
  assert.equal(csv.stdout.split('\r\n').filter(Boolean).length, 3);

  const wrong = await runWhosaid(['feedback', '--since', 'last tuesday', ...args], env);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /--since "last tuesday" is not a date/);
}

describe('whosaid feedback', () => {
  it('reports the embedded store’s votes per answer, also while the bot holds the state folder', async () => {
    const index = join(await tempDir('whosaid-feedback-'), 'index');
    const { store } = await FileStateStore.open(`${index}-state`);
    for (const entry of clicks) await store.recordFeedback(entry);
    // Still open, as in a running bot: the report reads the log without its lock.
    try {
      await checkReports({}, ['--index', index]);
    } finally {
      await store.close();
    }
  });

  it('says so when there is no feedback yet', async () => {
    const index = join(await tempDir('whosaid-feedback-'), 'index');
    await mkdir(`${index}-state`, { recursive: true });
    await writeFile(join(`${index}-state`, 'feedback.jsonl'), '');
    const run = await runWhosaid(['feedback', '--index', index]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^No feedback on answers \(read from .*index-state\)\./);
  });

  describe('with WHOSAID_DATABASE_URL', () => {
    let database: TestDatabase;
    before(async () => {
      database = await createTestDatabase();
    });
    after(async () => database.drop());

    it("reports every replica's votes from PostgreSQL", async () => {
      const env = { WHOSAID_DATABASE_URL: database.url };
      // The first run migrates the state schema, as `serve` does.
      const empty = await runWhosaid(['feedback'], env);
      assert.equal(empty.status, 0, empty.stderr);
      assert.match(empty.stdout, /^No feedback on answers \(read from the PostgreSQL database/);
      const pool = testPool(database.url);
      try {
        await record(await PostgresStateStore.open(pool, database.url));
      } finally {
        await pool.end();
      }
      await checkReports(env, []);
    });
  });
});
