import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOT_USER_ID } from '../support/slack-api-stand-in.js';
import { elementsOfType, postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const ANSWERABLE = 'Who warned about relying on one provider?';
const UNANSWERABLE = 'What is the population of Lancaster, Pennsylvania?';

const mention = mentionEvent;

function channelMessage(ts: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    channel_type: 'channel',
    user: 'UASKER01',
    text,
    ts,
    channel: 'C0NEWS001',
    event_ts: ts,
    ...extra,
  };
}

describe('Ask', () => {
  it('answers an @mention in a thread under the question: answer, who said what, numbered sources, note, feedback', async () => {
    const test = await startTestBot({ services });
    const response = await test.event(mention('1700000001.000100', ANSWERABLE));
    assert.equal(response.status, 200);
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.equal(posts.length, 1);
    assert.equal(posts[0]?.args.channel, 'C0NEWS001');
    assert.equal(posts[0]?.args.thread_ts, '1700000001.000100');
    const shown = postedText(posts);
    assert.match(shown, /\*Who said what\*\n• \*Dan Meyer\*, national security attorney: “[^”]+” \[\d+\]/);
    assert.match(shown, /\*Sources\*\n\*\[1\]\* .+ — Axios, 2024-10-27 \(¶\d+\)/);
    assert.match(shown, /Answers come only from the 5 indexed documents/);
    const [feedback] = elementsOfType(posts[0]?.args.blocks, 'feedback_buttons');
    assert.equal(feedback?.action_id, 'answer_feedback');
    assert.deepEqual(elementsOfType(posts[0]?.args.blocks, 'context_actions').length, 1);
    const status = test.standIn.callsTo('assistant.threads.setStatus');
    assert.equal(status[0]?.args.thread_ts, '1700000001.000100', 'progress is shown in the thread');
    assert.ok(test.standIn.calls.indexOf(status[0] as never) < test.standIn.calls.indexOf(posts[0] as never));
    assert.deepEqual(test.errors(), []);
  });

  it('says plainly when the documents do not support an answer', async () => {
    const test = await startTestBot({ services });
    await test.event(mention('1700000002.000100', UNANSWERABLE));
    const shown = postedText(test.standIn.callsTo('chat.postMessage'));
    assert.match(shown, /can't answer that from the indexed documents/);
    assert.ok(!shown.includes('*Sources*'));
  });

  it('answers direct messages, in a thread under the question', async () => {
    const test = await startTestBot({ services });
    await test.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0ASKER01',
      user: 'UASKER01',
      text: ANSWERABLE,
      ts: '1700000003.000100',
    });
    const [post] = test.standIn.callsTo('chat.postMessage');
    assert.equal(post?.args.channel, 'D0ASKER01');
    assert.equal(post?.args.thread_ts, '1700000003.000100');
    assert.match(postedText([post as never]), /Dan Meyer/);
  });

  it('answers a follow-up in a thread it answered without a new mention, and stays out of other threads', async () => {
    const test = await startTestBot({ services });
    await test.event(mention('1700000004.000100', ANSWERABLE));
    await test.event(
      channelMessage('1700000004.000200', 'What did Meyer say about security clearance?', {
        thread_ts: '1700000004.000100',
      }),
    );
    await test.event(
      channelMessage('1700000004.000300', `<@U0OTHER01> did you see this?`, {
        thread_ts: '1700000004.000100',
      }),
    );
    await test.event(
      channelMessage('1700000004.000400', 'thanks, very useful', { thread_ts: '1700000004.000100' }),
    );
    await test.event(
      channelMessage('1700000005.000200', 'What did Meyer say about security clearance?', {
        thread_ts: '1700000005.000100',
      }),
    );
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.deepEqual(
      posts.map((post) => post.args.thread_ts),
      ['1700000004.000100', '1700000004.000100'],
      'one answer to the mention, one to the follow-up; nothing for a message to someone else, a thank-you, or another thread',
    );
    assert.match(postedText(posts.slice(1)), /clearance/i);
  });

  it('answers exactly once despite a Slack retry and the duplicate message delivery of a mention', async () => {
    const test = await startTestBot({ services });
    const event = mention('1700000006.000100', ANSWERABLE);
    await test.event(event, { eventId: 'Ev0RETRY01' });
    const retry = await test.event(event, { eventId: 'Ev0RETRY01', retryNum: 1 });
    assert.equal(retry.status, 200, 'the retry is acknowledged');
    await test.event(channelMessage('1700000006.000100', event.text), { eventId: 'Ev0DUPLIC1' });
    // The other order: the message copy first, then app_mention.
    await test.event(channelMessage('1700000007.000100', `<@${BOT_USER_ID}> ${ANSWERABLE}`), {
      eventId: 'Ev0DUPLIC2',
    });
    await test.event(mention('1700000007.000100', ANSWERABLE), { eventId: 'Ev0DUPLIC3' });
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.deepEqual(
      posts.map((post) => post.args.thread_ts),
      ['1700000006.000100', '1700000007.000100'],
    );
  });

  it('in auto-answer channels answers questions without a mention only when the documents support an answer', async () => {
    const test = await startTestBot({ services, autoAnswerChannels: ['C0AUTO001'] });
    const auto = (ts: string, text: string) => channelMessage(ts, text, { channel: 'C0AUTO001' });
    await test.event(auto('1700000008.000100', ANSWERABLE));
    await test.event(auto('1700000008.000200', UNANSWERABLE));
    await test.event(auto('1700000008.000300', 'lunch at noon, Meyer is buying'));
    await test.event(channelMessage('1700000008.000400', ANSWERABLE));
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.deepEqual(
      posts.map((post) => [post.args.channel, post.args.thread_ts]),
      [['C0AUTO001', '1700000008.000100']],
    );
    assert.match(postedText(posts), /Dan Meyer/);
  });
});
