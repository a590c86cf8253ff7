import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';

const services = await realServices();

/** One Slack for both runs of the bot, closed after the file's tests. */
async function sharedSlack(): Promise<SlackApiStandIn> {
  const standIn = await SlackApiStandIn.start();
  after(() => standIn.close());
  return standIn;
}
const QUESTION = 'Who warned about relying on one provider?';

describe('A restart of the bot', () => {
  it('answers an event once even when Slack retries it after a restart', async () => {
    const stateDir = await tempDir('whosaid-state-');
    const standIn = await sharedSlack();
    const first = await startTestBot({ services, stateDir, standIn });
    const event = mentionEvent('1700004000.000100', QUESTION);
    await first.event(event, { eventId: 'Ev0RESTART1' });
    assert.equal(standIn.callsTo('chat.postMessage').length, 1);
    await first.stop();

    const second = await startTestBot({ services, stateDir, standIn });
    const retry = await second.event(event, { eventId: 'Ev0RESTART1', retryNum: 1 });
    assert.equal(retry.status, 200, 'the retry is acknowledged');
    // The same message delivered again under another event id (its `message` copy) is not answered either.
    await second.event(
      { ...event, type: 'message', channel_type: 'channel' },
      { eventId: 'Ev0RESTART2', retryNum: 1 },
    );
    assert.equal(standIn.callsTo('chat.postMessage').length, 1, 'no second answer');
    assert.deepEqual(second.errors(), []);
  });

  it('still answers follow-ups without a mention in a thread it answered before the restart', async () => {
    const stateDir = await tempDir('whosaid-state-');
    const standIn = await sharedSlack();
    const first = await startTestBot({ services, stateDir, standIn });
    await first.event(mentionEvent('1700004001.000100', QUESTION));
    await first.stop();
    const second = await startTestBot({ services, stateDir, standIn });
    await second.event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C0NEWS001',
      user: 'UASKER01',
      text: 'What did Meyer say about security clearance?',
      ts: '1700004001.000200',
      thread_ts: '1700004001.000100',
    });
    const posts = standIn.callsTo('chat.postMessage');
    assert.deepEqual(
      posts.map((post) => post.args.thread_ts),
      ['1700004001.000100', '1700004001.000100'],
    );
  });
});
