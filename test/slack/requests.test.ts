import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BotServices } from '../../src/bot-services.js';
import { TEAM_ID } from '../support/slack-api-stand-in.js';
import { blockText, postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope, FORM, interactionBody, sendToApp, sign } from '../support/slack-signed-requests.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const QUESTION = 'Who warned about relying on one provider?';

/** The real services, counting the questions that reach the core. */
function countingServices(): BotServices & { asked: string[] } {
  const asked: string[] = [];
  return {
    ...services,
    asked,
    ask: (question) => {
      asked.push(question);
      return services.ask(question);
    },
  };
}

function mention(ts: string, channel = 'C0NEWS001') {
  return mentionEvent(ts, QUESTION, { channel });
}

describe('Request verification', () => {
  it('rejects a bad signature with 401 and runs no listener', async () => {
    const counting = countingServices();
    const test = await startTestBot({ services: counting });
    test.standIn.reset();
    const body = eventEnvelope(mention('1700000600.000100'));
    const response = await test.send(body, {
      signature: sign('not-the-signing-secret-at-all', Math.floor(Date.now() / 1000), body),
    });
    assert.equal(response.status, 401);
    assert.deepEqual(counting.asked, []);
    assert.deepEqual(test.standIn.calls, []);
  });

  it('rejects a correctly signed request with a stale timestamp (over 5 minutes) with 401', async () => {
    const counting = countingServices();
    const test = await startTestBot({ services: counting });
    test.standIn.reset();
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await test.send(eventEnvelope(mention('1700000601.000100')), { timestamp });
    assert.equal(response.status, 401);
    assert.deepEqual(counting.asked, []);
    assert.deepEqual(test.standIn.calls, []);
  });
});

describe('Web API errors', () => {
  it('ratelimited while posting an answer: posted once after Retry-After, nobody told of a failure', async () => {
    const test = await startTestBot({ services });
    test.standIn.retryAfterSeconds = 1;
    test.standIn.fail('chat.postMessage', 'ratelimited');
    await test.event(mention('1700000700.000100'));
    await test.bot.delivered();
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.equal(posts.length, 2, 'the rate-limited post and its retry');
    assert.equal(
      test.standIn.postedIn('C0NEWS001', '1700000700.000100').length,
      1,
      'one answer in the thread',
    );
    assert.match(postedText(posts.slice(1)), /Dan Meyer/);
    assert.deepEqual(test.standIn.callsTo('chat.postEphemeral'), []);
    assert.ok(
      test.logs.some(
        (line) => line.msg === 'Slack rate-limited a method' && line.method === 'chat.postMessage',
      ),
    );
    assert.deepEqual(test.errors(), []);
  });

  it('channel_not_found while reading a thread: logged, the person told privately, and the bot keeps serving', async () => {
    const test = await startTestBot({ services });
    test.standIn.fail('conversations.replies', 'channel_not_found');
    await test.send(
      interactionBody({
        type: 'message_action',
        callback_id: 'summarize_thread',
        trigger_id: '1.2.3',
        action_ts: '1.1',
        message_ts: '1700000800.000200',
        response_url: test.standIn.responseUrl('shortcut'),
        message: {
          type: 'message',
          ts: '1700000800.000200',
          thread_ts: '1700000800.000100',
          user: 'U0ANA0001',
          text: 'hi',
        },
        user: { id: 'U0ANA0001', name: 'ana', team_id: TEAM_ID },
        channel: { id: 'C0GONE001', name: 'gone' },
        team: { id: TEAM_ID, domain: 'whosaid-test' },
        token: 'unused',
      }),
      { contentType: FORM },
    );
    assert.equal(test.errors()[0]?.slackError, 'channel_not_found');
    assert.match(String(test.standIn.responses[0]?.body.text), /can’t see that conversation\. Invite me/);
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0);
    await test.event(mention('1700000801.000100'));
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1, 'still serving');
  });

  it('channel_not_found while posting: logged; the private note fails too and is logged, nothing crashes', async () => {
    const test = await startTestBot({ services });
    test.standIn.fail('chat.postMessage', 'channel_not_found');
    test.standIn.fail('chat.postEphemeral', 'channel_not_found');
    await test.event(mention('1700000900.000100', 'C0GONE001'));
    await test.bot.delivered();
    assert.deepEqual(
      test.errors().map((line) => [line.msg, line.slackError]),
      [
        ['Slack refused a reply; giving up', 'channel_not_found'],
        ['could not tell the user about the failure', 'channel_not_found'],
      ],
    );
    await test.event(mention('1700000901.000100'));
    await test.bot.delivered();
    assert.equal(
      test.standIn.callsTo('chat.postMessage').length,
      2,
      'the refused post, not retried, and the next answer',
    );
  });
});

describe('App Home', () => {
  it('publishes what the bot knows and how to use it', async () => {
    const test = await startTestBot({ services });
    await test.event({
      type: 'app_home_opened',
      user: 'UASKER01',
      channel: 'D0ASKER01',
      tab: 'home',
      event_ts: '1700001000.1',
    });
    const [publish] = test.standIn.callsTo('views.publish');
    assert.equal(publish?.args.user_id, 'UASKER01');
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    assert.equal(view.type, 'home');
    const shown = blockText(view.blocks);
    assert.match(shown, /\*5 documents\*/);
    assert.match(shown, /Last indexed: <!date\^\d+\^/);
    assert.match(shown, /\*How to use me\*/);
    assert.match(shown, /`\/quote Meyer`/);
    assert.match(shown, /\*Dan Meyer\*, national security attorney — \d+ quotes/);
    assert.ok(view.blocks.length <= 100);
  });
});

describe('Acknowledgement', () => {
  it('acknowledges an event before the answer is ready (Slack wants a response within 3 seconds)', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const test = await startTestBot({
      services: {
        ...services,
        ask: async (question) => {
          await gate;
          return services.ask(question);
        },
      },
    });
    const response = await sendToApp(test.url, eventEnvelope(mention('1700001100.000100')));
    assert.equal(response.status, 200, 'acknowledged while the core is still working');
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0);
    release();
    await test.bot.idle();
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1);
  });
});

describe('A full answer queue', () => {
  it('tells the asker politely to try again in a minute, and answers the questions it took', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const test = await startTestBot({
      services: {
        ...services,
        ask: async (question) => {
          await held;
          return services.ask(question);
        },
      },
      workQueue: { concurrency: 1, capacity: 1 },
    });
    const busyNote = test.standIn.nextCall('chat.postEphemeral');
    const acks = await Promise.all(
      ['1700001200.000100', '1700001201.000100', '1700001202.000100'].map(async (ts, i) => {
        // One at a time, so the first is running and the second waiting when the third arrives.
        await new Promise((resolve) => setImmediate(resolve, i));
        return sendToApp(test.url, eventEnvelope(mentionEvent(ts, QUESTION, { user: `UASKER0${i}` })));
      }),
    );
    assert.deepEqual(
      acks.map((ack) => ack.status),
      [200, 200, 200],
    );
    const deadline = AbortSignal.timeout(5_000);
    const note = await Promise.race([
      busyNote,
      new Promise<never>((_, reject) =>
        deadline.addEventListener('abort', () => reject(new Error('no busy note'))),
      ),
    ]);
    assert.match(String(note.args.text), /busy .*try again in a minute/);
    release();
    await test.bot.idle();
    const answered = test.standIn.callsTo('chat.postMessage').map((post) => post.args.thread_ts);
    assert.equal(answered.length, 2, 'the two questions it took are answered');
    assert.ok(!answered.includes(note.args.thread_ts), 'the declined one is not answered');
    assert.ok(test.logs.some((line) => line.msg === 'too busy: declined a question'));
    assert.deepEqual(test.errors(), []);
  });
});
