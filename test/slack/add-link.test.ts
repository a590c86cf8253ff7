import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import type { BotServices } from '../../src/bot-services.js';
import { createLiveServices } from '../../src/cli/actions/live-index.js';
import { loadConfig } from '../../src/config.js';
import { silentIo } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { TEAM_ID } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { FORM, interactionBody } from '../support/slack-signed-requests.js';
import { memoryLogger, startTestBot, type TestBot } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';
import { serve, startWebStandIn, type WebStandIn } from '../support/web-stand-in.js';

const ADMIN = 'U0ADMIN01';
const ADMIN_CHANNEL = 'C0DESK001';
const article = await readFile('test/fixtures/web/harbor-article.html', 'utf8');

/** The services `whosaid serve` builds, over a private copy of the bundled index and its own fetched folder. */
async function liveServices(admins: Record<string, string>): Promise<BotServices> {
  const indexDir = join(await tempDir(), 'index');
  const { cp } = await import('node:fs/promises');
  await cp(await bundledIndexCopy(), indexDir, { recursive: true });
  const env = {
    WHOSAID_INDEX_DIR: indexDir,
    WHOSAID_ALLOW_PRIVATE_URLS: '1',
    WHOSAID_LOG_LEVEL: 'silent',
    ...admins,
  };
  const config = loadConfig({ env, dotenvPath: null });
  const io = silentIo(env);
  return createLiveServices(config, io, memoryLogger().logger, { k: config.topK });
}

function shortcutBody(test: TestBot, user: string, text: string) {
  return interactionBody({
    type: 'message_action',
    callback_id: 'add_to_whosaid',
    trigger_id: '1.2.3',
    action_ts: '1700000900.1',
    message_ts: '1700000800.000100',
    response_url: test.standIn.responseUrl('add'),
    message: { type: 'message', ts: '1700000800.000100', user: 'U0POSTER1', text },
    user: { id: user, name: 'someone', team_id: TEAM_ID },
    channel: { id: 'C0NEWS001', name: 'news' },
    team: { id: TEAM_ID, domain: 'whosaid-test' },
    token: 'unused',
  });
}

// Started at the top level: startTestBot registers its own after() hook, which inside a before() would
// run as soon as that before() finished.
const web: WebStandIn = await startWebStandIn();
after(() => web.close());
const test: TestBot = await startTestBot({
  services: await liveServices({
    WHOSAID_ADMINS: `${ADMIN},U0OTHER01`,
    WHOSAID_ADMIN_CHANNEL: ADMIN_CHANNEL,
  }),
  admins: { users: [ADMIN, 'U0OTHER01'], channel: ADMIN_CHANNEL },
});
const quiet: TestBot = await startTestBot({ services: await liveServices({}) });

describe('adding a link from Slack', () => {
  let ts = 1700000700;
  const nextTs = () => `${ts++}.000100`;
  beforeEach(() => {
    test.standIn.reset();
    web.reset();
    web.routes.set('/news/harbor', serve('text/html', article));
  });

  it('an admin adds a link with @whosaid add; the reply says what was found; the next answer uses it', async () => {
    const link = web.url('/news/harbor');
    await test.event(mentionEvent(nextTs(), `add <${link}|harbor story>`, { user: ADMIN }));
    const [reply] = test.standIn.callsTo('chat.postMessage');
    assert.ok(reply, 'a reply is posted');
    assert.match(
      String(reply.args.text),
      /^Added <http:\/\/127\.0\.0\.1:\d+\/news\/harbor-tunnel-vote\|Harbor tunnel vote delayed after cost review>: 6 paragraphs, \d+ attributed quotes; quoted most: \*Ana Ortiz\* \(\d+\)\. Ask me about it\.$/,
    );
    assert.equal(test.standIn.callsTo('chat.postEphemeral').length, 0);

    test.standIn.reset();
    await test.event(
      mentionEvent(nextTs(), 'Who said the city would not sign a blank check for the tunnel?'),
    );
    const answer = postedText(test.standIn.callsTo('chat.postMessage'));
    assert.match(answer, /Ana Ortiz/);
    assert.match(answer, /Harbor tunnel vote delayed after cost review/);
  });

  it('anyone in the admin channel may add; a failure says why', async () => {
    await test.event(
      mentionEvent(nextTs(), `add <${web.url('/news/missing')}>`, {
        user: 'U0REPORTR',
        channel: ADMIN_CHANNEL,
      }),
    );
    const [reply] = test.standIn.callsTo('chat.postMessage');
    assert.match(
      String(reply?.args.text),
      /^I couldn't add http:\S+\/news\/missing: the server answered HTTP 404 Not Found$/,
    );
  });

  it('refuses everyone else politely and privately, without fetching anything', async () => {
    await test.event(mentionEvent(nextTs(), `add <${web.url('/news/harbor')}>`, { user: 'U0REPORTR' }));
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0);
    const [note] = test.standIn.callsTo('chat.postEphemeral');
    assert.equal(note?.args.user, 'U0REPORTR');
    assert.equal(
      String(note?.args.text),
      `Sorry, only whosaid's admins can add documents. Ask one of them to add it, or ask in <#${ADMIN_CHANNEL}>.`,
    );
    assert.equal(web.requests.length, 0);
  });

  it('the "Add to whosaid" shortcut adds the link of a message, privately; a message without a link is explained', async () => {
    const withLink = `Worth reading: <${web.url('/news/harbor')}>`;
    const added = await test.send(shortcutBody(test, ADMIN, withLink), { contentType: FORM });
    assert.equal(added.status, 200);
    assert.match(
      String(test.standIn.responses.at(-1)?.body.text),
      /^(Added|Already had it, unchanged:) <http:.*Harbor tunnel vote/,
    );
    assert.equal(test.standIn.responses.at(-1)?.body.response_type, 'ephemeral');

    await test.send(shortcutBody(test, ADMIN, 'no link here'), { contentType: FORM });
    assert.match(String(test.standIn.responses.at(-1)?.body.text), /That message has no link to add/);

    web.reset();
    await test.send(shortcutBody(test, 'U0REPORTR', withLink), { contentType: FORM });
    assert.match(String(test.standIn.responses.at(-1)?.body.text), /^Sorry, only whosaid's admins/);
    assert.equal(web.requests.length, 0);
  });
});

describe('adding a link when no admin is configured', () => {
  it('says adding is off and how to turn it on', async () => {
    await quiet.event(mentionEvent('1700000990.000100', 'add <https://example.com/a>', { user: ADMIN }));
    const [note] = quiet.standIn.callsTo('chat.postEphemeral');
    assert.match(
      String(note?.args.text),
      /Adding documents from Slack is off here\. .*WHOSAID_ADMINS or WHOSAID_ADMIN_CHANNEL/,
    );
  });
});
