import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FileInstallationRows } from '../../src/store/file-installation-rows.js';
import { EncryptedInstallationStore, NoInstallationError } from '../../src/store/installation-store.js';
import { PostgresInstallationRows } from '../../src/store/postgres-installation-rows.js';
import { TokenSeal } from '../../src/store/token-seal.js';
import {
  finishInstall,
  install,
  STATE_COOKIE,
  TEAM_A,
  TEAM_B,
  visitInstall,
} from '../support/oauth-install-flow.js';
import { CLIENT_ID, SlackApiStandIn, type StandInBot } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { createTestBot, type TestBot } from '../support/slack-test-bot.js';
import { useStateDatabase } from '../support/state-database.js';
import { tempDir } from '../support/temp-dir.js';

/** How Bolt asks the store for a workspace's installation. */
function inTeam(bot: StandInBot) {
  return { teamId: bot.teamId, enterpriseId: undefined, isEnterpriseInstall: false };
}

function mentionFrom(bot: StandInBot, ts: string, question: string) {
  return mentionEvent(ts, question, { text: `<@${bot.botUserId}> ${question}` });
}

const stateDatabase = useStateDatabase();

const seal = new TokenSeal({ current: randomBytes(32), previous: [] });
const stores = [
  {
    name: 'embedded store',
    open: async () =>
      new EncryptedInstallationStore(await FileInstallationRows.open(await tempDir('whosaid-oauth-')), seal),
  },
  {
    name: 'PostgreSQL store',
    open: async () =>
      new EncryptedInstallationStore(new PostgresInstallationRows(stateDatabase.pool()), seal),
  },
];

for (const backend of stores) {
  describe(`OAuth install over HTTP (${backend.name})`, () => {
    let test: TestBot;
    let installations: EncryptedInstallationStore;
    let ts = 1_700_100_000;
    before(async () => {
      installations = await backend.open();
      test = await createTestBot({ installations, standIn: await SlackApiStandIn.start() });
    });
    after(async () => {
      await test.stop();
      await test.standIn.close();
      await installations.close();
    });

    it('sends the install page to Slack’s authorize URL with a signed state, also set as a cookie', async () => {
      const { status, location, cookie } = await visitInstall(test.baseUrl);
      assert.equal(status, 302);
      assert.equal(`${location.origin}${location.pathname}`, `${test.standIn.baseUrl}/oauth/v2/authorize`);
      assert.equal(location.searchParams.get('client_id'), CLIENT_ID);
      assert.match(location.searchParams.get('scope') ?? '', /app_mentions:read/);
      assert.match(location.searchParams.get('scope') ?? '', /chat:write/);
      const state = location.searchParams.get('state') ?? '';
      assert.ok(state.length > 20, 'a signed state');
      assert.equal(cookie, `${STATE_COOKIE}=${state}`);
    });

    it('refuses a redirect whose state it did not issue to this browser, and exchanges no code', async () => {
      const code = test.standIn.approveInstall(TEAM_A);
      const forged = await finishInstall(
        test.baseUrl,
        { code, state: 'forged-state' },
        `${STATE_COOKIE}=forged-state`,
      );
      assert.equal(forged.status, 400);
      // A real state, but from another browser session (no cookie): refused too (CSRF).
      const { location } = await visitInstall(test.baseUrl);
      const elsewhere = await finishInstall(
        test.baseUrl,
        { code, state: location.searchParams.get('state') ?? '' },
        '',
      );
      assert.equal(elsewhere.status, 400);
      assert.equal(test.standIn.callsTo('oauth.v2.access').length, 0);
      await assert.rejects(installations.fetchInstallation(inTeam(TEAM_A)), NoInstallationError);
    });

    it('exchanges the code of a valid redirect and stores the installation', async () => {
      await install(test.baseUrl, test.standIn, TEAM_A);
      const [exchange] = test.standIn.callsTo('oauth.v2.access');
      assert.equal(exchange?.args.client_id, CLIENT_ID);
      assert.equal(exchange?.token, undefined, 'the code is exchanged with the client secret, not a token');
      const stored = await installations.fetchInstallation(inTeam(TEAM_A));
      assert.equal(stored.bot?.token, TEAM_A.token);
      assert.equal(stored.bot?.userId, TEAM_A.botUserId);
      assert.equal(stored.bot?.id, TEAM_A.botId);
    });

    it('answers each workspace with its own token', async () => {
      test.logs.splice(0);
      await install(test.baseUrl, test.standIn, TEAM_B);
      test.standIn.reset();
      const tsA = `${ts++}.000100`;
      const tsB = `${ts++}.000100`;
      await test.event(mentionFrom(TEAM_A, tsA, 'Who warned about relying on one provider?'), {
        teamId: TEAM_A.teamId,
      });
      await test.event(mentionFrom(TEAM_B, tsB, 'Who warned about relying on one provider?'), {
        teamId: TEAM_B.teamId,
      });
      await test.bot.delivered();
      const posts = test.standIn.callsTo('chat.postMessage');
      const inA = posts.filter((call) => call.args.thread_ts === tsA);
      const inB = posts.filter((call) => call.args.thread_ts === tsB);
      assert.ok(inA.length > 0 && inB.length > 0, 'both answered');
      assert.deepEqual([...new Set(inA.map((call) => call.token))], [TEAM_A.token]);
      assert.deepEqual([...new Set(inB.map((call) => call.token))], [TEAM_B.token]);
      // Every call made for a request (progress, reads) used that request's workspace token too.
      const tokens = new Set(test.standIn.calls.map((call) => call.token));
      assert.deepEqual([...tokens].sort(), [TEAM_A.token, TEAM_B.token].sort());
      assert.deepEqual(test.errors(), []);
    });

    it('reads a mention against the bot user of its own workspace', async () => {
      // "summarize" outside a thread gets the how-to note only if the mention of B's bot user is taken
      // off the text: read against another workspace's bot user it would be a question to answer.
      test.standIn.reset();
      await test.event(mentionFrom(TEAM_B, `${ts++}.000100`, 'summarize'), { teamId: TEAM_B.teamId });
      const [note] = test.standIn.callsTo('chat.postEphemeral');
      assert.match(String(note?.args.text), /Thread summaries work inside a thread/);
      assert.equal(note?.token, TEAM_B.token);
      assert.equal(test.standIn.callsTo('chat.postMessage').length, 0);
    });

    it('forgets a workspace that uninstalls the app, and no longer answers it', async () => {
      await test.event({ type: 'app_uninstalled' }, { teamId: TEAM_A.teamId });
      test.standIn.revoke(TEAM_A.token);
      await assert.rejects(installations.fetchInstallation(inTeam(TEAM_A)), NoInstallationError);
      test.standIn.reset();
      const tsA = `${ts++}.000100`;
      const tsB = `${ts++}.000100`;
      const response = await test.event(
        mentionFrom(TEAM_A, tsA, 'Who warned about relying on one provider?'),
        {
          teamId: TEAM_A.teamId,
        },
      );
      assert.equal(response.status, 200, 'still acknowledged (Slack must not retry)');
      await test.event(mentionFrom(TEAM_B, tsB, 'Who warned about relying on one provider?'), {
        teamId: TEAM_B.teamId,
      });
      await test.bot.delivered();
      assert.equal(test.standIn.calls.filter((call) => call.args.thread_ts === tsA).length, 0);
      assert.ok(test.standIn.callsTo('chat.postMessage').some((call) => call.args.thread_ts === tsB));
      assert.ok(
        test.logs.some((line) => line.msg === 'ignored a request from a workspace with no installation'),
      );
    });

    it('forgets a workspace whose bot token was revoked (tokens_revoked)', async () => {
      await test.event(
        { type: 'tokens_revoked', tokens: { bot: [TEAM_B.botUserId] } },
        { teamId: TEAM_B.teamId },
      );
      await assert.rejects(installations.fetchInstallation(inTeam(TEAM_B)), NoInstallationError);
      // Reinstalling brings it back.
      await install(test.baseUrl, test.standIn, TEAM_B);
      const stored = await installations.fetchInstallation(inTeam(TEAM_B));
      assert.equal(stored.bot?.token, TEAM_B.token);
    });

    it('drops a reply still waiting for a workspace that uninstalled meanwhile', async () => {
      test.standIn.reset();
      test.standIn.fail('chat.postMessage', 'http500', 1_000);
      const question = `${ts++}.000100`;
      const attempted = test.standIn.nextCall('chat.postMessage');
      await test.event(mentionFrom(TEAM_B, question, 'Who warned about relying on one provider?'), {
        teamId: TEAM_B.teamId,
      });
      await attempted;
      await test.event({ type: 'app_uninstalled' }, { teamId: TEAM_B.teamId });
      test.standIn.reset();
      await test.bot.delivered();
      assert.deepEqual(test.standIn.postedIn('C0NEWS001', question), []);
      assert.ok(test.logs.some((line) => line.msg === 'dropped a reply: its workspace uninstalled the app'));
    });
  });
}
