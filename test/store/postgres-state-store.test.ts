import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { loadMigrations } from '../../src/db/migrations.js';
import { PostgresStateStore } from '../../src/store/postgres-state-store.js';
import { createTestDatabase, type TestDatabase, testPool } from '../support/postgres-database.js';
import { SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

const HOUR = 3_600_000;

function entry(id: string, createdAt: number) {
  return { id, createdAt, body: { channel: 'C1', parts: [{ text: id }] } };
}

describe('PostgresStateStore shared by two replicas', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const stores: PostgresStateStore[] = [];
  const open = async () => {
    const store = await PostgresStateStore.open(pool, database.url);
    stores.push(store);
    return store;
  };
  before(async () => {
    database = await createTestDatabase();
    pool = testPool(database.url);
    await migrate(pool, await loadMigrations('state'));
  });
  after(async () => {
    for (const store of stores) await store.close().catch(() => {});
    await pool.end();
    await database.drop();
  });

  it('lets exactly one of many simultaneous claims win, across replicas, until the claim expires', async () => {
    const [a, b] = [await open(), await open()];
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim('event:Ev1', HOUR)),
    );
    assert.equal(claims.filter(Boolean).length, 1);
    assert.equal(await b.has('event:Ev1'), true);
    assert.equal(await a.has('event:Ev2'), false);
    // A claim whose time to live is over is taken by the next claim (no waiting: ttl 0 ends at once).
    assert.equal(await a.claim('thread:C1:1.1', 0), true);
    assert.equal(await b.has('thread:C1:1.1'), false);
    assert.equal(await b.claim('thread:C1:1.1', HOUR), true);
    assert.equal(await a.claim('thread:C1:1.1', HOUR), false);
  });

  it("keeps a live replica's outbox to it, and hands a dead replica's to the next one that starts", async () => {
    const a = await open();
    const b = await open();
    await a.putOutbox(entry('second', 2));
    await a.putOutbox(entry('first', 1));
    await a.putOutbox({ ...entry('second', 2), body: { posted: 1 } });
    await a.putOutbox(entry('gone', 3));
    await a.removeOutbox('gone');
    assert.deepEqual(await b.outbox(), [], 'a is alive: its replies are its own');
    assert.deepEqual(
      (await a.outbox()).map((item) => [item.id, item.body]),
      [
        ['first', { channel: 'C1', parts: [{ text: 'first' }] }],
        ['second', { posted: 1 }],
      ],
    );
    // a dies without closing anything: its session is ended from outside, as when the process is killed.
    await pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1::oid",
      [(a as unknown as { owner: number }).owner],
    );
    const c = await open();
    const [fromB, fromC] = await Promise.all([b.outbox(), c.outbox()]);
    assert.deepEqual(
      [...fromB, ...fromC].map((item) => item.id),
      ['first', 'second'],
      'taken over once, by one of the replicas starting',
    );
    const taker = fromB.length > 0 ? b : c;
    const other = taker === b ? c : b;
    assert.deepEqual(await other.outbox(), []);
    await taker.close();
    assert.equal((await other.outbox()).length, 2, 'a replica that stops hands its replies on too');
  });

  it('shares channel bindings between replicas: one binds, the other reads it; no collections unbinds', async () => {
    const [a, b] = [await open(), await open()];
    await a.bindChannel({ team: 'T1', channel: 'C1', collections: ['legal', 'news'] });
    await a.bindChannel({ team: null, channel: 'C2', collections: ['news'] });
    await b.bindChannel({ team: 'T1', channel: 'C1', collections: ['sports'] });
    const sorted = async (store: PostgresStateStore) =>
      (await store.channelBindings()).sort((x, y) => x.channel.localeCompare(y.channel));
    assert.deepEqual(await sorted(a), [
      { team: 'T1', channel: 'C1', collections: ['sports'] },
      { team: null, channel: 'C2', collections: ['news'] },
    ]);
    await b.bindChannel({ team: null, channel: 'C2', collections: [] });
    assert.deepEqual(await sorted(a), [{ team: 'T1', channel: 'C1', collections: ['sports'] }]);
  });

  it('shows every replica the feedback any of them recorded, in order', async () => {
    const [a, b] = [await open(), await open()];
    const click = {
      user: 'U1',
      channel: 'C1',
      messageTs: '1.2',
      threadTs: '1.1',
      at: '2026-01-01T00:00:00.000Z',
    };
    await a.recordFeedback({ ...click, value: 'helpful' });
    await b.recordFeedback({ ...click, value: 'not_helpful' });
    assert.deepEqual(
      (await a.feedback()).map((item) => item.value),
      ['helpful', 'not_helpful'],
    );
    assert.deepEqual(await b.feedback(), await a.feedback());
  });

  it('answers an event delivered to two bots over one database once, retries to either included', async () => {
    const services = await realServices();
    const standIn = await SlackApiStandIn.start();
    after(() => standIn.close());
    const first = await startTestBot({
      services,
      standIn,
      state: await PostgresStateStore.open(pool, database.url),
    });
    const second = await startTestBot({
      services,
      standIn,
      state: await PostgresStateStore.open(pool, database.url),
    });
    const event = mentionEvent('1700009000.000100', 'Who warned about relying on one provider?');
    await Promise.all([
      first.event(event, { eventId: 'Ev0TWICE1' }),
      second.event(event, { eventId: 'Ev0TWICE1' }),
    ]);
    await second.event(event, { eventId: 'Ev0TWICE1', retryNum: 1 });
    // The mention's `message` copy, under another event id, to the other bot.
    await first.event({ ...event, type: 'message', channel_type: 'channel' }, { eventId: 'Ev0TWICE2' });
    assert.equal(standIn.callsTo('chat.postMessage').length, 1, 'one answer');
    // A follow-up in that thread, without a mention, reaches the bot that did not answer: it knows the thread.
    await second.event({
      type: 'message',
      channel_type: 'channel',
      channel: event.channel,
      user: 'UASKER01',
      text: 'What did Meyer say about security clearance?',
      ts: '1700009000.000200',
      thread_ts: '1700009000.000100',
    });
    assert.equal(standIn.callsTo('chat.postMessage').length, 2);
    assert.deepEqual([...first.errors(), ...second.errors()], []);
  });
});
