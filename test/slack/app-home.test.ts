import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLiveServices } from '../../src/cli/actions/live-index.js';
import { loadConfig } from '../../src/config.js';
import { writeFeeds } from '../../src/fetch/feed-list.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { BOT_USER_ID, WORKSPACE_URL } from '../support/slack-api-stand-in.js';
import { blockText } from '../support/slack-blocks.js';
import { blockActionsBody, FORM } from '../support/slack-signed-requests.js';
import { memoryLogger, startTestBot, type TestBot } from '../support/slack-test-bot.js';

const ADMIN = 'U0ADMIN01';

/** `whosaid serve`'s services over a copy of the bundled index, following two feeds (one refreshed). */
async function servicesWithFeeds() {
  const indexDir = await bundledIndexCopy();
  const env = { WHOSAID_INDEX_DIR: indexDir, WHOSAID_ADMINS: ADMIN, WHOSAID_LOG_LEVEL: 'silent' };
  const config = loadConfig({ env, dotenvPath: null });
  const feed = (url: string, title: string | null, lastCheckedAt: string | null) => ({
    url,
    title,
    addedAt: '2026-11-30T08:00:00.000Z',
    etag: null,
    lastModified: null,
    lastCheckedAt,
    seen: [],
  });
  await writeFeeds(config.fetchedDir, [
    feed('https://ledger.example/feed.xml', 'Port Avery Ledger', '2026-12-01T09:30:00.000Z'),
    feed('https://wire.example/atom', null, null),
  ]);
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env, exitCode: 0, debug: false };
  return {
    services: await createLiveServices(config, io, memoryLogger().logger, { k: config.topK }),
    indexDir,
  };
}

function feedbackClick(test: TestBot, user: string, answerTs: string, value: 'helpful' | 'not_helpful') {
  const thread = '1700000009.000100';
  return test.send(
    blockActionsBody({
      user: { id: user, username: 'reader' },
      container: {
        type: 'message',
        message_ts: answerTs,
        channel_id: 'C0NEWS001',
        is_ephemeral: false,
        thread_ts: thread,
      },
      message: { type: 'message', ts: answerTs, thread_ts: thread, user: BOT_USER_ID, text: 'answer' },
      response_url: test.standIn.responseUrl('feedback'),
      actions: [
        {
          type: 'feedback_buttons',
          action_id: 'answer_feedback',
          block_id: 'b1',
          value,
          action_ts: '1700000010.1',
          text: { type: 'plain_text', text: value },
        },
      ],
    }),
    { contentType: FORM },
  );
}

async function openHome(test: TestBot, user: string): Promise<string> {
  const before = test.standIn.callsTo('views.publish').length;
  await test.event({
    type: 'app_home_opened',
    user,
    channel: 'D0HOME001',
    tab: 'home',
    event_ts: '1700001000.1',
  });
  const publish = test.standIn.callsTo('views.publish')[before];
  assert.equal(publish?.args.user_id, user);
  const view = publish?.args.view as { type: string; blocks: unknown[] };
  assert.ok(view.blocks.length <= 100);
  return blockText(view.blocks);
}

describe('App Home: feeds and feedback', () => {
  it('lists the feeds with their last refresh, and shows admins the last week’s feedback', async () => {
    const { services } = await servicesWithFeeds();
    const test = await startTestBot({ services, admins: { users: [ADMIN] }, storeFeedback: true });
    for (const [user, ts, value] of [
      ['UREADER1', '1700000009.000900', 'not_helpful'],
      ['UREADER2', '1700000009.000900', 'helpful'],
      ['UREADER3', '1700000019.000900', 'helpful'],
    ] as const)
      assert.equal((await feedbackClick(test, user, ts, value)).status, 200);

    const admin = await openHome(test, ADMIN);
    assert.match(admin, /\*Feeds followed\*/);
    const refreshed = Date.parse('2026-12-01T09:30:00.000Z') / 1000;
    assert.ok(
      admin.includes(
        `• <https://ledger.example/feed.xml|Port Avery Ledger> → *news* — last refreshed <!date^${refreshed}^`,
      ),
      admin,
    );
    assert.match(
      admin,
      /• <https:\/\/wire\.example\/atom\|https:\/\/wire\.example\/atom> → \*news\* — not refreshed yet/,
    );
    assert.match(
      admin,
      /\*Feedback on answers, last 7 days\* \(shown to admins only\)\n👍 2 helpful · 👎 1 not helpful/,
    );
    assert.ok(
      admin.includes(
        `• <${WORKSPACE_URL}archives/C0NEWS001/p1700000009000900?thread_ts=1700000009.000100|An answer> in <#C0NEWS001> — marked not helpful`,
      ),
      admin,
    );

    // Everyone else sees the feeds, never the feedback.
    const reader = await openHome(test, 'UREADER1');
    assert.match(reader, /Port Avery Ledger> → \*news\* — last refreshed/);
    assert.doesNotMatch(reader, /Feedback on answers|not helpful/);
    assert.deepEqual(test.errors(), []);
  });
});
