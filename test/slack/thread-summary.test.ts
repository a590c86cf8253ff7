import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BOT_ID,
  BOT_USER_ID,
  TEAM_ID,
  type ThreadMessageFixture,
  WORKSPACE_URL,
} from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { FORM, interactionBody } from '../support/slack-signed-requests.js';
import { realServices, startTestBot, type TestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const CHANNEL = 'C0TEAM001';
const ROOT = '1700000300.000100';

/** Eleven messages from three people plus two of the bot's own: three pages at the stand-in's page size of 4. */
const THREAD: ThreadMessageFixture[] = [
  { ts: ROOT, user: 'U0ANA0001', text: 'Should we cover the SpaceX contract story this week?' },
  {
    ts: '1700000300.000200',
    user: 'U0BEN0001',
    text: 'Yes. The reliance on one provider is the angle readers care about.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000300',
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    text: 'An earlier answer from the bot.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000400',
    user: 'U0CAL0001',
    text: 'I can call Dan Meyer for a quote on the clearance question.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000500',
    user: 'U0ANA0001',
    text: 'Good. We agreed the draft is due Thursday.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000600',
    user: 'U0BEN0001',
    text: 'I will take the timeline of the Putin contacts.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000700',
    subtype: 'channel_join',
    user: 'U0DAN0001',
    text: '<@U0DAN0001> has joined the channel',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000800',
    user: 'U0CAL0001',
    text: 'Meyer said the contracts could require restructuring.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.000900',
    user: 'U0ANA0001',
    text: 'Let us keep the Starlink angle for a second piece.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.001000',
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    text: 'Thread summary from before.',
    thread_ts: ROOT,
  },
  {
    ts: '1700000300.001100',
    user: 'U0BEN0001',
    text: 'Decision: Ben owns the timeline, Cal owns the interview.',
    thread_ts: ROOT,
  },
  { ts: '1700000300.001200', user: 'U0CAL0001', text: 'Sounds right to me.', thread_ts: ROOT },
  { ts: '1700000300.001300', user: 'U0ANA0001', text: 'Thanks all.', thread_ts: ROOT },
];

async function threadBot(): Promise<TestBot> {
  const test = await startTestBot({ services, pageSize: 4 });
  test.standIn.addThread(CHANNEL, ROOT, THREAD);
  test.standIn.addUser('U0ANA0001', 'Ana Lopez', 'ana');
  test.standIn.addUser('U0BEN0001', 'Ben Okafor');
  test.standIn.addUser('U0CAL0001', 'Cal Reed', 'cal');
  return test;
}

function shortcutPayload(test: TestBot, message: Record<string, unknown>) {
  return interactionBody({
    type: 'message_action',
    callback_id: 'summarize_thread',
    trigger_id: '1.2.3',
    action_ts: '1700000400.1',
    message_ts: message.ts,
    response_url: test.standIn.responseUrl('shortcut'),
    message: { type: 'message', ...message },
    user: { id: 'U0ANA0001', name: 'ana', team_id: TEAM_ID },
    channel: { id: CHANNEL, name: 'team' },
    team: { id: TEAM_ID, domain: 'whosaid-test' },
    token: 'unused',
  });
}

function checkSummary(test: TestBot): string {
  const replies = test.standIn.callsTo('conversations.replies');
  assert.equal(replies.length, 4, 'thirteen messages at four per page');
  assert.deepEqual(
    replies.map((call) => call.args.cursor === undefined),
    [true, false, false, false],
    'pages follow the cursor',
  );
  const posts = test.standIn.callsTo('chat.postMessage');
  assert.ok(posts.length >= 1);
  assert.ok(
    posts.every((post) => post.args.channel === CHANNEL && post.args.thread_ts === ROOT),
    'posted in the thread',
  );
  const shown = postedText(posts);
  assert.match(shown, /Thread summary/);
  for (const name of ['ana', 'Ben Okafor', 'cal'])
    assert.match(shown, new RegExp(`^\\*${name}\\*$`, 'm'), `${name} is listed`);
  assert.ok(!shown.includes('An earlier answer from the bot'), "the bot's own messages are left out");
  assert.ok(!shown.includes('has joined'));
  const link = `${WORKSPACE_URL}archives/${CHANNEL}/p1700000300001100?thread_ts=${ROOT}`;
  assert.ok(shown.includes(`^${link}|message>`), 'a point links to its message');
  assert.match(shown, /• Decision: Ben owns the timeline, Cal owns the interview\. \(<!date\^1700000300\^/);
  return shown;
}

describe('Thread summary', () => {
  it('from the message shortcut on a reply: reads every page, names people, links each point, posts in the thread', async () => {
    const test = await threadBot();
    const response = await test.send(
      shortcutPayload(test, { ts: '1700000300.000500', thread_ts: ROOT, user: 'U0ANA0001', text: 'Good.' }),
      {
        contentType: FORM,
      },
    );
    assert.equal(response.status, 200);
    checkSummary(test);
    assert.equal(test.standIn.callsTo('users.info').length, 3, 'one lookup per person');
    assert.deepEqual(test.errors(), []);
  });

  it('from "@whosaid summarize" inside the thread, with names cached between summaries', async () => {
    const test = await threadBot();
    const ask = (ts: string) =>
      test.event({
        type: 'app_mention',
        user: 'U0BEN0001',
        text: `<@${BOT_USER_ID}> summarize`,
        ts,
        thread_ts: ROOT,
        channel: CHANNEL,
        event_ts: ts,
      });
    await ask('1700000300.002000');
    checkSummary(test);
    test.standIn.reset();
    await ask('1700000300.002100');
    assert.equal(test.standIn.callsTo('chat.postMessage').length > 0, true);
    assert.equal(test.standIn.callsTo('users.info').length, 0, 'names come from the cache the second time');
  });

  it('tells the person privately when the message is not part of a thread', async () => {
    const test = await threadBot();
    await test.send(
      shortcutPayload(test, { ts: '1700000500.000100', user: 'U0ANA0001', text: 'A lone message' }),
      { contentType: FORM },
    );
    const [reply] = test.standIn.responses;
    assert.equal(reply?.body.response_type, 'ephemeral');
    assert.match(String(reply?.body.text), /isn’t part of a thread/);
    assert.equal(test.standIn.callsTo('conversations.replies').length, 0);
  });
});
