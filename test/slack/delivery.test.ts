import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';

const services = await realServices();
const QUESTION = 'Who warned about relying on one provider?';
const CHANNEL = 'C0NEWS001';

function mention(ts: string) {
  return mentionEvent(ts, QUESTION);
}

describe('Delivery of replies', () => {
  it('a post Slack stored before answering HTTP 500 is found in the thread, not posted again; the 500 is logged', async () => {
    const test = await startTestBot({ services });
    test.standIn.fail('chat.postMessage', 'http500-after-store');
    await test.event(mention('1700005000.000100'));
    await test.bot.delivered();
    assert.equal(test.standIn.postedIn(CHANNEL, '1700005000.000100').length, 1, 'one answer in the thread');
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1, 'not re-sent');
    const [check] = test.standIn.callsTo('conversations.replies');
    assert.equal(check?.args.include_all_metadata, 'true');
    assert.ok(
      test.logs.some(
        (line) => line.msg === 'Slack answered a Web API call with an HTTP error' && line.status === 500,
      ),
    );
    assert.ok(test.logs.some((line) => line.msg === 'could not post a reply; will retry'));
    assert.deepEqual(
      test.standIn.callsTo('chat.postEphemeral'),
      [],
      'nobody told of a failure that was not one',
    );
  });

  it('a post that failed with HTTP 500 before Slack stored it is posted again, once', async () => {
    const test = await startTestBot({ services });
    test.standIn.fail('chat.postMessage', 'http500', 2);
    await test.event(mention('1700005001.000100'));
    await test.bot.delivered();
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 3);
    assert.equal(test.standIn.postedIn(CHANNEL, '1700005001.000100').length, 1);
  });

  it('a call Slack holds open times out; the post it had stored is not sent twice', async () => {
    const test = await startTestBot({ services, apiTimeoutMs: 300 });
    test.standIn.fail('chat.postMessage', 'hang');
    await test.event(mention('1700005002.000100'));
    await test.bot.delivered();
    assert.equal(test.standIn.postedIn(CHANNEL, '1700005002.000100').length, 1);
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1);
  });

  it('an outage of the Web API loses nothing and doubles nothing: the reply is posted when Slack is back', async () => {
    const test = await startTestBot({ services });
    test.standIn.down = true;
    await test.event(mention('1700005003.000100'));
    await test.bot.idle();
    assert.equal(test.standIn.postedIn(CHANNEL, '1700005003.000100').length, 0);
    test.standIn.down = false;
    await test.bot.delivered();
    assert.equal(test.standIn.postedIn(CHANNEL, '1700005003.000100').length, 1);
    assert.match(postedText(test.standIn.callsTo('chat.postMessage')), /Dan Meyer/);
  });

  it('after giving up, the asker is told truthfully: Slack unreachable is not Slack refusing', async () => {
    const test = await startTestBot({ services, deliveryPolicy: { giveUpAfterMs: 200 } });
    test.standIn.fail('chat.postMessage', 'drop', 1_000);
    await test.event(mention('1700005004.000100'));
    await test.bot.delivered();
    const [note] = test.standIn.callsTo('chat.postEphemeral');
    assert.equal(note?.args.user, 'UASKER01');
    assert.equal(note?.args.thread_ts, '1700005004.000100');
    assert.match(String(note?.args.text), /couldn’t reach Slack .*never posted/);

    test.standIn.reset();
    test.standIn.fail('chat.postMessage', 'not_in_channel');
    await test.event(mention('1700005005.000100'));
    await test.bot.delivered();
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1, 'a refusal is not retried');
    assert.match(
      String(test.standIn.callsTo('chat.postEphemeral')[0]?.args.text),
      /can’t see that conversation/,
    );
  });

  it('a 429 on chat.postMessage does not hold up other methods', async () => {
    const test = await startTestBot({ services });
    test.standIn.retryAfterSeconds = 1;
    test.standIn.fail('chat.postMessage', 'ratelimited');
    await test.event(mention('1700005006.000100'));
    await test.event({
      type: 'app_home_opened',
      user: 'UASKER01',
      channel: 'D0ASKER01',
      tab: 'home',
      event_ts: '1.1',
    });
    await test.bot.delivered();
    const methods = test.standIn.calls.map((call) => call.method);
    const publish = methods.indexOf('views.publish');
    assert.ok(publish >= 0);
    assert.ok(
      publish < methods.lastIndexOf('chat.postMessage'),
      'the Home tab was published while the post waited',
    );
    assert.equal(test.standIn.postedIn(CHANNEL, '1700005006.000100').length, 1);
  });

  it('replies pending at shutdown are posted after the restart, once, and survive an index swap beside them', async () => {
    const standIn = await SlackApiStandIn.start();
    after(() => standIn.close());
    const { replaceDirectoryAtomically } = await import('../../src/index/atomic-directory.js');
    const { stateDirFor } = await import('../../src/store/state-location.js');
    const indexDir = `${await tempDir('whosaid-generations-')}/index`;
    await replaceDirectoryAtomically(indexDir, async () => undefined);
    const stateDir = stateDirFor({ indexDir, stateDir: undefined });
    const first = await startTestBot({ services, stateDir, standIn });
    standIn.down = true;
    await first.event(mention('1700005007.000100'));
    await first.bot.idle();
    await first.stop();
    // A new index generation replaces the index folder whole while the reply waits.
    await replaceDirectoryAtomically(indexDir, async () => undefined);
    standIn.down = false;
    const second = await startTestBot({ services, stateDir, standIn });
    await second.bot.delivered();
    assert.equal(standIn.postedIn(CHANNEL, '1700005007.000100').length, 1);
    assert.ok(second.logs.some((line) => line.msg === 'delivering pending replies' && line.pending === 1));
  });
});
