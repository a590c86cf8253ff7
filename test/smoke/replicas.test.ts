import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { readIndex } from '../../src/index/index-store.js';
import { savePostgresIndex } from '../../src/index/postgres/save-postgres-index.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { runWhosaid } from '../support/run-cli.js';
import { startServe } from '../support/serve-process.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { feedbackButtonValue } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import {
  blockActionsBody,
  eventEnvelope,
  FORM,
  SIGNING_SECRET,
  sendToApp,
} from '../support/slack-signed-requests.js';
import { tempDir } from '../support/temp-dir.js';

// Two `whosaid serve` processes (the built binary, `npm run build` first) over one PostgreSQL: the
// bot's state and the corpus index are shared, so it does not matter which replica Slack reaches.
const QUESTION = 'Who warned about relying on one provider?';

interface Replica {
  child: ChildProcess;
  url: string;
  /** How many lines of the log so far match `pattern`. */
  count(pattern: RegExp): number;
  exit: Promise<number | null>;
}

/** Waits for a condition another process brings about: checked every 50 ms, for at most 30 s. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('two `serve` replicas over one PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let standIn: SlackApiStandIn;
  let dir: string;
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, [...(await loadMigrations('state')), ...(await loadMigrations('index'))]);
    await savePostgresIndex(
      pool,
      await readIndex(await bundledIndexCopy(), { embedderId: 'local-hash-v1:384' }),
    );
    standIn = await SlackApiStandIn.start();
    dir = await tempDir('whosaid-replicas-');
  });
  after(async () => {
    await standIn.close();
    await pool.end();
    await database.drop();
  });

  async function startReplica(name: string): Promise<Replica> {
    const serve = await startServe(dir, {
      WHOSAID_INDEX_DIR: join(dir, `${name}-index`),
      WHOSAID_DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: STAND_IN_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      WHOSAID_LOG_LEVEL: 'debug',
    });
    return {
      child: serve.child,
      url: `http://127.0.0.1:${serve.port}/slack/events`,
      count: (pattern) =>
        serve
          .log()
          .split('\n')
          .filter((line) => pattern.test(line)).length,
      exit: serve.exit,
    };
  }

  const claimedElsewhere = /delivery already claimed/;

  it('answers the same event delivered to both, and retries to either, once; a killed replica loses nothing', async () => {
    const [a, b] = await Promise.all([startReplica('a'), startReplica('b')]);
    assert.ok(
      a.count(/answering from the index published in PostgreSQL/) +
        b.count(/answering from the index published in PostgreSQL/) ===
        2,
    );
    const event = mentionEvent('1700007000.000100', QUESTION);
    const posted = standIn.nextCall('chat.postMessage');
    const responses = await Promise.all([
      sendToApp(a.url, eventEnvelope(event, 'Ev0BOTH1')),
      sendToApp(b.url, eventEnvelope(event, 'Ev0BOTH1')),
    ]);
    assert.deepEqual(
      responses.map((response) => response.status),
      [200, 200],
    );
    assert.equal((await posted).args.thread_ts, '1700007000.000100');
    // Every delivery decided: the one that lost, then a retry to each replica, dropped.
    await until(() => a.count(claimedElsewhere) + b.count(claimedElsewhere) === 1, 'the losing replica');
    await sendToApp(a.url, eventEnvelope(event, 'Ev0BOTH1'), { retryNum: 1 });
    await sendToApp(b.url, eventEnvelope(event, 'Ev0BOTH1'), { retryNum: 2 });
    await until(() => a.count(claimedElsewhere) + b.count(claimedElsewhere) === 3, 'the retries dropped');
    assert.equal(standIn.callsTo('chat.postMessage').length, 1, 'exactly one answer');

    // A click on that answer's feedback, handled by the replica that did not answer, is in the report.
    const answer = (await posted).args;
    const click = await sendToApp(
      b.url,
      blockActionsBody({
        user: { id: 'UREADER9', username: 'reader' },
        container: {
          type: 'message',
          message_ts: '1700007000.000900',
          channel_id: 'C0NEWS001',
          is_ephemeral: false,
        },
        message: { type: 'message', ts: '1700007000.000900', thread_ts: answer.thread_ts, text: 'answer' },
        actions: [
          {
            type: 'feedback_buttons',
            action_id: 'answer_feedback',
            block_id: 'b1',
            value: feedbackButtonValue(answer.blocks, 'positive'),
            action_ts: '1700007001.1',
          },
        ],
      }),
      { contentType: FORM },
    );
    assert.equal(click.status, 200);
    const readReport = async () => {
      const run = await runWhosaid(['feedback', '--json'], { WHOSAID_DATABASE_URL: database.url });
      return JSON.parse(run.stdout) as { answers: { question: string; helpful: number }[] };
    };
    await until(async () => (await readReport()).answers.length === 1, 'the click recorded');
    assert.deepEqual(
      (await readReport()).answers.map(({ question, helpful }) => ({ question, helpful })),
      [{ question: QUESTION, helpful: 1 }],
    );

    // a fails to post (Slack down for it), queues the reply, and is killed before it gets through.
    standIn.fail('chat.postMessage', 'http500', 1_000);
    const attempted = standIn.nextCall('chat.postMessage');
    await sendToApp(a.url, eventEnvelope(mentionEvent('1700007100.000100', QUESTION), 'Ev0KILLED'));
    await attempted;
    a.child.kill('SIGKILL');
    await a.exit;
    // PostgreSQL ends a's session (its lock with it) once it sees the connection gone.
    const liveReplicas = async () =>
      Number(
        (
          await pool.query<{ count: string }>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = x'77686f'::int::oid AND objsubid = 2",
          )
        ).rows[0]?.count,
      );
    await until(async () => (await liveReplicas()) === 1, 'the killed replica gone from PostgreSQL');
    assert.equal(
      Number((await pool.query('SELECT count(*) FROM whosaid_outbox')).rows[0]?.count),
      1,
      'the reply waits in the outbox',
    );
    standIn.reset();
    const delivered = standIn.nextCall('chat.postMessage');
    const restarted = await startReplica('a-again');
    assert.equal((await delivered).args.thread_ts, '1700007100.000100');
    await until(
      async () => Number((await pool.query('SELECT count(*) FROM whosaid_outbox')).rows[0]?.count) === 0,
      'the outbox emptied',
    );
    assert.equal(standIn.callsTo('chat.postMessage').length, 1, 'posted once, by the restarted replica');
    for (const replica of [b, restarted]) {
      replica.child.kill('SIGTERM');
      assert.equal(await replica.exit, 0, 'a clean stop');
    }
  });
});
