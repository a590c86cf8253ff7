import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope, SIGNING_SECRET, sendToApp } from '../support/slack-signed-requests.js';
import { tempDir } from '../support/temp-dir.js';

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** `node bin/whosaid.js serve` with exactly the given environment (nothing inherited from this process but PATH). */
async function serve(env: Record<string, string>): Promise<Run> {
  const cwd = await tempDir('whosaid-serve-');
  const child = spawn(
    process.execPath,
    [new URL('../../bin/whosaid.js', import.meta.url).pathname, 'serve'],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', WHOSAID_INDEX_DIR: `${cwd}/index`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
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

  it('serves over HTTP at /slack/events on PORT, using SLACK_API_URL, and stops cleanly on SIGTERM', async () => {
    const standIn = await SlackApiStandIn.start();
    after(() => standIn.close());
    const run = await serve({
      SLACK_BOT_TOKEN: STAND_IN_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      PORT: '0',
      WHOSAID_LOG_LEVEL: 'info',
    });
    // Whatever happens below, the child must not outlive the test.
    after(() => {
      run.child.kill('SIGKILL');
    });
    const port = await new Promise<string>((resolve, reject) => {
      run.child.stderr?.on('data', () => {
        const match = /listening on port (\d+) at \/slack\/events/.exec(run.stderr());
        if (match?.[1]) resolve(match[1]);
      });
      run.exit.then((code) => reject(new Error(`serve exited (${code}) before listening:\n${run.stderr()}`)));
    });
    const posted = standIn.nextCall('chat.postMessage');
    const event = mentionEvent('1700002000.000100', 'Who warned about relying on one provider?');
    const response = await sendToApp(`http://127.0.0.1:${port}/slack/events`, eventEnvelope(event));
    assert.equal(response.status, 200);
    const post = await posted;
    assert.equal(post.args.thread_ts, '1700002000.000100');
    assert.match(postedText([post]), /Dan Meyer/);
    assert.doesNotMatch(run.stderr(), new RegExp(STAND_IN_TOKEN), 'the token is never logged');
    run.child.kill('SIGTERM');
    assert.equal(await run.exit, 0, 'a clean stop');
  });
});
