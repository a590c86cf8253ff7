import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createLiveServices } from '../../src/cli/actions/live-index.js';
import { type Config, loadConfig } from '../../src/config.js';
import { readFeeds } from '../../src/fetch/feed-list.js';
import { folderOf, LEGAL_FACT, SPORTS_FACT } from '../support/collection-fixtures.js';
import { INDEX_BACKENDS, type IndexBackend, indexBackend } from '../support/index-backends.js';
import { runWhosaid } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { blockText, postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { commandBody, FORM } from '../support/slack-signed-requests.js';
import { memoryLogger, startTestBot, type TestBot } from '../support/slack-test-bot.js';
import { serve, startWebStandIn, type WebStandIn } from '../support/web-stand-in.js';

// Two installations of one bot: A owns the collection "alpha" (the legal memo); "xray" (the rowing
// story) has no owner and is bound to one channel of A; B reads only the defaults (news).
const TEAM_A = 'T0TEAMA01';
const TEAM_B = 'T0TEAMB01';
const ADMIN = 'U0ADMIN01';
const ALPHA_CHANNEL = 'C0ALPHA01';
const XRAY_CHANNEL = 'C0XRAY001';
const PLAIN_CHANNEL = 'C0PLAIN01';
const B_CHANNEL = 'C0BETA001';
const ABSTAINED = /I can't answer that from the indexed documents/;
const LEGAL_QUESTION = `What did ${LEGAL_FACT.surname} say about the quitclaim?`;
const SPORTS_QUESTION = `What did ${SPORTS_FACT.surname} say about the regatta?`;
const article = await readFile('test/fixtures/web/harbor-article.html', 'utf8');

/** One bot with two installations over the index in `backend`, its bindings made as described above. */
async function startBot(backend: IndexBackend) {
  const environment = await indexBackend(backend);
  const env = {
    WHOSAID_INDEX_DIR: await bundledIndexCopy(),
    WHOSAID_ALLOW_PRIVATE_URLS: '1',
    WHOSAID_LOG_LEVEL: 'silent',
    WHOSAID_ADMINS: ADMIN,
    ...environment.env,
  };
  for (const [folder, name, team] of [
    [await folderOf([LEGAL_FACT]), 'alpha', TEAM_A],
    [await folderOf([SPORTS_FACT]), 'xray', undefined],
  ] as const) {
    const run = await runWhosaid(
      ['ingest', folder, '--collection', name, ...(team ? ['--team', team] : [])],
      env,
    );
    assert.equal(run.status, 0, run.stderr);
    // On PostgreSQL `ingest` streams the collection into the index published there, which the bot
    // answers from, as every replica does.
    if (backend === 'postgres') assert.match(run.stderr, /Published the index to PostgreSQL/);
  }
  const config = loadConfig({ env, dotenvPath: null });
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, env, exitCode: 0, debug: false };
  const log = memoryLogger();
  const services = await createLiveServices(config, io, log.logger, { k: config.topK });
  const bot = await startTestBot({
    services,
    admins: { users: [ADMIN] },
    collections: { dir: config.collectionsDir, defaults: ['news'] },
  });
  await bot.state.bindChannel({ team: TEAM_A, channel: ALPHA_CHANNEL, collections: ['alpha'] });
  await bot.state.bindChannel({ team: TEAM_A, channel: XRAY_CHANNEL, collections: ['xray', 'news'] });
  // A binding made on the command line without --team, naming A's collection: B's channel of that id
  // still cannot read it (what an installation may read is checked when the binding is used).
  await bot.state.bindChannel({ team: null, channel: B_CHANNEL, collections: ['alpha', 'news'] });
  return { bot, config, drop: () => environment.drop() };
}

const web: WebStandIn = await startWebStandIn();
after(() => web.close());
let test: TestBot;
let config: Config;

let ts = 1700003000;
async function ask(channel: string, team: string, question: string, user = 'UASKER01'): Promise<string> {
  test.standIn.reset();
  await test.event(mentionEvent(`${ts++}.000100`, question, { channel, user }), { teamId: team });
  return postedText(test.standIn.callsTo('chat.postMessage'));
}

async function quote(channel: string, team: string, text: string): Promise<string> {
  test.standIn.reset();
  const response = await test.send(
    commandBody({
      command: '/quote',
      text,
      team_id: team,
      user_id: 'UASKER01',
      user_name: 'asker',
      channel_id: channel,
      response_url: test.standIn.responseUrl('command'),
      trigger_id: '1.2',
    }),
    { contentType: FORM },
  );
  assert.equal(response.status, 200);
  const reply = test.standIn.responses.at(-1);
  return `${reply?.body.text ?? ''}\n${blockText(reply?.body.blocks)}`;
}

// Started here, not in a hook: the test bot stops when its file ends (startTestBot registers that).
for (const backend of INDEX_BACKENDS) {
  const started = await startBot(backend);
  after(() => started.drop());
  describe(`collections in Slack: each installation and channel reads only its own (${backend} index)`, () => {
    before(() => {
      ({ bot: test, config } = started);
    });

    beforeEach(() => web.reset());

    it("a question only A's collection answers is answered in A's bound channel and declined, citing nothing, in B", async () => {
      const inA = await ask(ALPHA_CHANNEL, TEAM_A, LEGAL_QUESTION);
      assert.doesNotMatch(inA, ABSTAINED);
      assert.match(inA, /quitclaim/);
      for (const [channel, team] of [
        [B_CHANNEL, TEAM_B],
        [PLAIN_CHANNEL, TEAM_A],
        [XRAY_CHANNEL, TEAM_A],
      ] as const) {
        const shown = await ask(channel, team, LEGAL_QUESTION);
        assert.match(shown, ABSTAINED, `${channel} of ${team}`);
        assert.doesNotMatch(
          shown,
          /easement|general counsel|Priya|alpha:/,
          `${channel} of ${team}: nothing of alpha`,
        );
        assert.doesNotMatch(shown, /Sources/, 'no citations');
      }
    });

    it("channel X's collection answers in X and is declined in channel Y of the same installation", async () => {
      assert.match(await ask(XRAY_CHANNEL, TEAM_A, SPORTS_QUESTION), /northern basin/);
      const inY = await ask(ALPHA_CHANNEL, TEAM_A, SPORTS_QUESTION);
      assert.match(inY, ABSTAINED);
      assert.doesNotMatch(inY, /northern basin|rowing/);
    });

    it('/quote SPEAKER for a speaker only in A finds nothing in B, and suggests no name', async () => {
      assert.match(await quote(ALPHA_CHANNEL, TEAM_A, LEGAL_FACT.surname), /never sign the quitclaim/);
      const inB = await quote(B_CHANNEL, TEAM_B, LEGAL_FACT.surname);
      assert.doesNotMatch(inB, /quitclaim|Priya|general counsel/);
      assert.match(inB, /No quotes/i);
    });

    it("B's admin cannot bind A's collection; A's admin binds a new one and links added there stay there", async () => {
      test.standIn.reset();
      await test.event(mentionEvent(`${ts++}.000100`, 'use alpha', { channel: B_CHANNEL, user: ADMIN }), {
        teamId: TEAM_B,
      });
      const refusal = test.standIn.callsTo('chat.postEphemeral').map((call) => String(call.args.text));
      assert.match(refusal.join('\n'), /No collection "alpha" here/);
      const fresh = 'C0FRESH01';
      test.standIn.reset();
      await test.event(mentionEvent(`${ts++}.000100`, 'use desk', { channel: fresh, user: ADMIN }), {
        teamId: TEAM_A,
      });
      assert.match(postedText(test.standIn.callsTo('chat.postMessage')), /now reads only \*desk\*/);
      web.routes.set('/news/harbor', serve('text/html', article));
      test.standIn.reset();
      await test.event(
        mentionEvent(`${ts++}.000100`, `add <${web.url('/news/harbor')}>`, { channel: fresh, user: ADMIN }),
        { teamId: TEAM_A },
      );
      assert.match(postedText(test.standIn.callsTo('chat.postMessage')), /Added .*Harbor tunnel/);
      assert.ok((await readdir(join(config.collectionsDir, 'desk'))).length > 0, 'stored in the collection');
      const question = 'Who said the city would not sign a blank check for the tunnel?';
      assert.match(await ask(fresh, TEAM_A, question), /Ana Ortiz/);
      for (const [channel, team] of [
        [B_CHANNEL, TEAM_B],
        [PLAIN_CHANNEL, TEAM_A],
      ] as const)
        assert.doesNotMatch(
          await ask(channel, team, question),
          /Ana Ortiz|Harbor tunnel/,
          `${channel} of ${team}`,
        );
    });

    it("a feed followed from a bound channel brings its articles into the channel's first collection", async () => {
      const feedXml =
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Alpha Docket</title><link>https://x.example/</link>' +
        `<item><title>Harbor</title><link>${web.url('/news/harbor')}</link><guid>h1</guid></item></channel></rss>`;
      web.routes.set('/docket.xml', serve('application/rss+xml', feedXml));
      test.standIn.reset();
      await test.event(
        mentionEvent(`${ts++}.000100`, `follow <${web.url('/docket.xml')}>`, { channel: ALPHA_CHANNEL }),
        { teamId: TEAM_A },
      );
      assert.match(
        String(test.standIn.callsTo('chat.postEphemeral')[0]?.args.text),
        /only whosaid's admins/,
        'not an admin',
      );
      test.standIn.reset();
      await test.event(
        mentionEvent(`${ts++}.000100`, `follow <${web.url('/docket.xml')}>`, {
          channel: ALPHA_CHANNEL,
          user: ADMIN,
        }),
        { teamId: TEAM_A },
      );
      assert.match(
        postedText(test.standIn.callsTo('chat.postMessage')),
        /Following .*Alpha Docket.* \(1 item now\): its articles go into \*alpha\* when the feeds are next refreshed/,
      );
      const [followed] = await readFeeds(config.fetchedDir);
      assert.deepEqual([followed?.title, followed?.collection], ['Alpha Docket', 'alpha']);
    });

    it("the App Home lists the workspace's collections and never another's", async () => {
      const home = async (team: string) => {
        test.standIn.reset();
        await test.event(
          {
            type: 'app_home_opened',
            user: 'UASKER01',
            channel: 'D0ASKER01',
            tab: 'home',
            event_ts: `${ts++}.1`,
          },
          { teamId: team },
        );
        const [publish] = test.standIn.callsTo('views.publish');
        assert.ok(publish, 'the Home tab is published');
        return blockText((publish.args.view as { blocks: unknown[] }).blocks);
      };
      const a = await home(TEAM_A);
      assert.match(a, /\*Collections in this workspace\*/);
      assert.match(a, /\*alpha\* — 1 document, 1 attributed quotes · bound in <#C0ALPHA01>/);
      assert.match(a, /\*news\* — \d+ documents, .* · read in unbound channels and DMs/);
      assert.match(a, /Alpha Docket.* → \*alpha\*/, 'the feed and where its articles go');
      const b = await home(TEAM_B);
      assert.doesNotMatch(b, /alpha|desk|Okonkwo|Alpha Docket/);
      assert.match(b, /\*xray\*/, 'a collection without an owner may be bound by any installation');
    });
  });
}
