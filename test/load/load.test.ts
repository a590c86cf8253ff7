import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestBot, realServices, type TestBot } from '../support/slack-test-bot.js';
import {
  burst,
  inProcess,
  outage,
  quoteThenMention,
  rateLimitOnOneMethod,
  restartBetweenEventAndRetry,
  SHORT,
  serverErrorsAfterStore,
} from './load-scenarios.js';

const services = await realServices();

async function withBot(run: (test: TestBot) => Promise<void>): Promise<void> {
  const test = await createTestBot({ services, deliveryPolicy: SHORT.deliveryPolicy, keepLogs: false });
  try {
    await run(test);
  } finally {
    await test.stop();
  }
}

/**
 * The short form of the load and fault suite (`npm run loadtest` runs the full one and records
 * figures): counts only, never timings.
 */
describe('Load and faults (short form)', () => {
  it(`${SHORT.burst} mentions at the same instant: each acknowledged and answered exactly once`, async () => {
    await withBot(async (test) => {
      const result = await burst(inProcess(test), SHORT);
      assert.deepEqual(
        result.acks.map((ack) => ack.status),
        Array(SHORT.burst).fill(200),
      );
      assert.deepEqual(result.repliesPerThread, { 1: SHORT.burst });
      assert.deepEqual(result.warmUp.repliesPerThread, { 1: SHORT.burst });
    });
  });

  it('a 3,000-character /quote followed at once by a mention: both acknowledged and answered once', async () => {
    await withBot(async (test) => {
      const result = await quoteThenMention(inProcess(test));
      assert.equal(result.quoteAck.status, 200);
      assert.equal(result.mentionAck.status, 200);
      assert.deepEqual(result.mention.repliesPerThread, { 1: 1 });
      assert.equal(result.quoteReplies, 2, 'the note that the query was cut, then the quotes');
    });
  });

  it('the Web API down while events arrive: nothing lost, nothing doubled', async () => {
    const result = await outage(services, SHORT);
    assert.equal(result.unansweredDuringOutage, SHORT.outageEvents, 'nothing got through during the outage');
    assert.deepEqual(result.repliesPerThread, { 1: SHORT.outageEvents });
  });

  it('HTTP 500 after Slack stored each post: nothing doubled', async () => {
    const result = await serverErrorsAfterStore(services, SHORT);
    assert.deepEqual(result.repliesPerThread, { 1: SHORT.faultEvents });
    assert.equal(result.posts, SHORT.faultEvents, 'each post sent once: the retry found it in the thread');
  });

  it('a 429 on chat.postMessage for an hour: every Home tab is published meanwhile, no reply lost or doubled', async () => {
    const result = await rateLimitOnOneMethod(services, SHORT);
    // Retry-After is an hour, so no retry can come during the test: the Home tabs published before
    // it are all those published, and a limit shared with chat.postMessage would have held them all.
    assert.equal(result.published, result.homes, 'views.publish waited for chat.postMessage');
    assert.equal(result.publishedBeforeRetry, result.homes);
    assert.ok(result.waitingAfterLimit >= 1, 'the limited reply waits in the outbox');
    const posted = result.repliesPerThread[1] ?? 0;
    assert.equal(posted + result.waitingAtEnd, SHORT.faultEvents, 'every reply posted or waiting');
    assert.deepEqual(
      Object.keys(result.repliesPerThread).filter((replies) => Number(replies) > 1),
      [],
      'no reply posted twice',
    );
  });

  it('a restart between events and Slack’s retries of them: one answer each', async () => {
    const result = await restartBetweenEventAndRetry(services, SHORT);
    assert.deepEqual(result.repliesPerThread, { 1: SHORT.restartEvents });
  });
});
