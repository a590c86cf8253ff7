import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { install, TEAM_A } from '../support/oauth-install-flow.js';
import { startServe } from '../support/serve-process.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { CLIENT_ID, CLIENT_SECRET, SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope, SIGNING_SECRET, sendToApp } from '../support/slack-signed-requests.js';
import { tempDir } from '../support/temp-dir.js';

// `whosaid serve` (the built binary, `npm run build` first) installed in a workspace through OAuth, with
// the embedded installation store; then restarted with a new token key (a rotation).
describe('`serve` with OAuth (many workspaces)', () => {
  it('installs a workspace, keeps its token encrypted in the state folder, and re-seals it on a key rotation', async () => {
    const standIn = await SlackApiStandIn.start();
    after(() => standIn.close());
    const dir = await tempDir('whosaid-oauth-serve-');
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const env = {
      WHOSAID_INDEX_DIR: await bundledIndexCopy(),
      WHOSAID_STATE_DIR: join(dir, 'state'),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: 'a-state-secret-for-this-test-0123',
      WHOSAID_LOG_LEVEL: 'info',
    };
    const first = await startServe(dir, { ...env, WHOSAID_TOKEN_KEY: oldKey });
    assert.match(first.log(), /workspaces install it at \/slack\/install/);
    assert.equal(standIn.callsTo('auth.test').length, 0, 'no token to check at start');
    await install(`http://127.0.0.1:${first.port}`, standIn, TEAM_A);
    const stored = await readFile(join(dir, 'state', 'installations.jsonl'), 'utf8');
    assert.match(stored, /aes256gcm:/);
    assert.doesNotMatch(stored, /xox[bp]-/);
    first.child.kill('SIGTERM');
    assert.equal(await first.exit, 0);
    for (const secret of [oldKey, CLIENT_SECRET, TEAM_A.token, env.SLACK_STATE_SECRET])
      assert.ok(!first.log().includes(secret), 'no secret in the log');

    const second = await startServe(dir, {
      ...env,
      WHOSAID_TOKEN_KEY: newKey,
      WHOSAID_TOKEN_KEY_PREVIOUS: oldKey,
    });
    assert.match(second.log(), /"resealed":2.*sealed the installations again/);
    const posted = standIn.nextCall('chat.postMessage');
    const response = await sendToApp(
      `http://127.0.0.1:${second.port}/slack/events`,
      eventEnvelope(
        mentionEvent('1700200000.000100', 'Who warned about relying on one provider?', {
          text: `<@${TEAM_A.botUserId}> Who warned about relying on one provider?`,
        }),
        undefined,
        TEAM_A.teamId,
      ),
    );
    assert.equal(response.status, 200);
    assert.equal((await posted).token, TEAM_A.token);
    second.child.kill('SIGTERM');
    assert.equal(await second.exit, 0);
  });
});
