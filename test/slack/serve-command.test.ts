import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runWhosaid } from '../support/run-cli.js';
import { SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { SIGNING_SECRET } from '../support/slack-signed-requests.js';
import { tempDir } from '../support/temp-dir.js';

/** `whosaid serve` in this process with exactly the given environment; these runs stop before serving. */
async function serve(env: Record<string, string>) {
  const cwd = await tempDir('whosaid-serve-');
  const run = await runWhosaid(['serve'], { WHOSAID_INDEX_DIR: `${cwd}/index`, ...env });
  return { exit: Promise.resolve(run.status), stderr: () => run.stderr };
}

function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
}

describe('whosaid serve', () => {
  it('refuses to start without tokens, naming each variable and where to find it in Slack’s settings', async () => {
    const run = await serve({});
    assert.equal(await run.exit, 1);
    const stderr = run.stderr();
    assert.match(
      stderr,
      /SLACK_BOT_TOKEN is not set\. Find it at .*OAuth & Permissions → "Bot User OAuth Token"/,
    );
    assert.match(stderr, /SLACK_SIGNING_SECRET is not set .*Basic Information → App Credentials/);
    assert.match(stderr, /Or set SLACK_APP_TOKEN to use Socket Mode/);
    assertNoStackTrace(stderr);
  });

  it('refuses malformed tokens, naming every one of them', async () => {
    const run = await serve({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: 'not-an-app-token' });
    assert.equal(await run.exit, 1);
    const stderr = run.stderr();
    assert.match(stderr, /SLACK_BOT_TOKEN does not look like a bot token \(it should start with "xoxb-"\)/);
    assert.match(stderr, /SLACK_APP_TOKEN does not look like an app-level token .*App-Level Tokens/);
    assertNoStackTrace(stderr);
  });

  it('refuses a token Slack rejects, before building anything', async () => {
    const standIn = await SlackApiStandIn.start();
    after(() => standIn.close());
    const run = await serve({
      SLACK_BOT_TOKEN: 'xoxb-revoked-1',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
    });
    assert.equal(await run.exit, 1);
    assert.match(
      run.stderr(),
      /Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)\. Copy the "Bot User OAuth Token"/,
    );
    assertNoStackTrace(run.stderr());
  });

  it('refuses half an OAuth setup, and OAuth without a token key, saying what is missing', async () => {
    const partial = await serve({ SLACK_CLIENT_ID: '1111.2222', SLACK_SIGNING_SECRET: SIGNING_SECRET });
    assert.equal(await partial.exit, 1);
    assert.match(
      partial.stderr(),
      /needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET together; SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are not set/,
    );
    assertNoStackTrace(partial.stderr());
    const keyless = await serve({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'state-secret-value',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
    });
    assert.equal(await keyless.exit, 1);
    assert.match(keyless.stderr(), /set WHOSAID_TOKEN_KEY to 32 random bytes in base64/);
    assert.doesNotMatch(keyless.stderr(), /client-secret-value|state-secret-value/);
  });
});
