import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig, requireSlackSettings } from '../../src/config.js';
import { WhosaidError } from '../../src/errors.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { tempDir } from '../support/temp-dir.js';

const load = (env: Record<string, string>) => loadConfig({ env, dotenvPath: null });

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof WhosaidError);
    assert.equal(error.code, 'CONFIG_INVALID');
    return error.message;
  }
  assert.fail('expected a configuration error');
}

describe('loadConfig', () => {
  it('has defaults that work offline, inside the package', () => {
    const config = load({});
    assert.equal(config.corpusDir, resolve(PROJECT_ROOT, 'corpus'));
    assert.equal(config.indexDir, resolve(PROJECT_ROOT, '.whosaid'));
    assert.equal(config.embeddings, 'local');
    assert.equal(config.openai, undefined);
    assert.equal(config.topK, 5);
    assert.deepEqual(config.autoAnswerChannels, []);
  });

  it('treats empty values as unset, and picks OpenAI embeddings only when a key is set', () => {
    assert.equal(load({ OPENAI_API_KEY: '  ' }).openai, undefined);
    const withKey = load({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' });
    assert.equal(withKey.embeddings, 'openai');
    assert.equal(withKey.openai?.baseURL, 'http://127.0.0.1:1/v1');
    assert.equal(load({ OPENAI_API_KEY: 'sk-x', WHOSAID_EMBEDDINGS: 'local' }).embeddings, 'local');
    assert.deepEqual(load({ WHOSAID_AUTO_ANSWER_CHANNELS: ' C1, ,C2 ' }).autoAnswerChannels, ['C1', 'C2']);
  });

  it('names every invalid variable in one message', () => {
    const message = configError(() => load({ WHOSAID_EMBEDDINGS: 'magic', WHOSAID_TOP_K: '-1', PORT: 'x' }));
    assert.match(message, /^Invalid configuration:\n/);
    for (const name of ['WHOSAID_EMBEDDINGS', 'WHOSAID_TOP_K', 'PORT'])
      assert.match(message, new RegExp(name));
    assert.match(
      configError(() => load({ WHOSAID_EMBEDDINGS: 'openai' })),
      /needs OPENAI_API_KEY/,
    );
  });
});

describe('loadConfig with a .env file', () => {
  it('reads it, with the environment winning over it', async () => {
    const dir = await tempDir();
    const path = join(dir, '.env');
    writeFileSync(path, '# settings\nWHOSAID_TOP_K=7\nexport OPENAI_CHAT_MODEL="gpt-x"\nPORT=4000\n');
    const config = loadConfig({ env: { PORT: '5000' }, dotenvPath: path });
    assert.equal(config.topK, 7);
    assert.equal(config.openai, undefined);
    assert.equal(config.slack.port, 5000);
    assert.match(
      configError(() => loadConfig({ env: { OPENAI_BASE_URL: 'localhost:11434' }, dotenvPath: path })),
      /OPENAI_BASE_URL: must be a URL such as https:\/\/api\.openai\.com\/v1/,
    );
  });
});

describe('requireSlackSettings', () => {
  it('chooses Socket Mode with an app token and HTTP with a signing secret', () => {
    const socket = requireSlackSettings(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }));
    assert.equal(socket.mode, 'socket');
    const http = requireSlackSettings(
      load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdef0123456789', PORT: '0' }),
    );
    assert.equal(http.mode, 'http');
    assert.equal(http.port, 0);
  });

  it('lists every missing or malformed token with where to find it, and never echoes a token', () => {
    const missing = configError(() => requireSlackSettings(load({})));
    assert.match(missing, /SLACK_BOT_TOKEN is not set\. Find it at .*OAuth & Permissions/);
    assert.match(missing, /SLACK_SIGNING_SECRET is not set/);
    const malformed = configError(() =>
      requireSlackSettings(
        load({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token', SLACK_SIGNING_SECRET: 'not valid!' }),
      ),
    );
    assert.match(malformed, /does not look like a bot token/);
    assert.match(malformed, /SLACK_SIGNING_SECRET looks malformed/);
    assert.doesNotMatch(malformed, /xoxp-secret-user-token|not valid!/);
  });

  it('takes a PostgreSQL URL (never echoed back) and where the corpus index lives', () => {
    assert.equal(load({}).database, undefined);
    const url = 'postgres://whosaid:pw@db.example:5432/whosaid';
    assert.deepEqual(load({ WHOSAID_DATABASE_URL: url }).database, { url, indexStore: 'auto' });
    assert.deepEqual(load({ WHOSAID_DATABASE_URL: url, WHOSAID_INDEX_STORE: 'files' }).database, {
      url,
      indexStore: 'files',
    });
    const wrong = configError(() => load({ WHOSAID_DATABASE_URL: 'mysql://root:hunter2@db/x' }));
    assert.match(wrong, /WHOSAID_DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\//);
    assert.doesNotMatch(wrong, /hunter2/);
    assert.match(
      configError(() => load({ WHOSAID_INDEX_STORE: 'postgres' })),
      /needs WHOSAID_DATABASE_URL/,
    );
    assert.match(
      configError(() => load({ WHOSAID_INDEX_STORE: 'redis' })),
      /must be one of "auto", "files", "postgres"/,
    );
  });
});

describe('OAuth settings (many workspaces)', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const oauth = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-value',
    SLACK_STATE_SECRET: 'state-secret-value',
    WHOSAID_TOKEN_KEY: key,
    SLACK_SIGNING_SECRET: 'abcdef0123456789',
  };

  it('turns on with all three variables and the token key, in HTTP mode without a bot token', () => {
    const settings = requireSlackSettings(load(oauth));
    assert.equal(settings.mode, 'http');
    assert.equal(settings.botToken, undefined);
    assert.equal(settings.oauth?.clientId, '1111.2222');
    assert.deepEqual(settings.oauth?.tokenKeys.current, Buffer.alloc(32, 7));
    assert.deepEqual(settings.oauth?.tokenKeys.previous, []);
    const hex = load({ ...oauth, WHOSAID_TOKEN_KEY: 'ab'.repeat(32), WHOSAID_TOKEN_KEY_PREVIOUS: key });
    assert.deepEqual(hex.slack.oauth?.tokenKeys.current, Buffer.alloc(32, 0xab));
    assert.deepEqual(hex.slack.oauth?.tokenKeys.previous, [Buffer.alloc(32, 7)]);
    // Without any of them, single-workspace mode is unchanged.
    assert.equal(load({ SLACK_BOT_TOKEN: 'xoxb-1' }).slack.oauth, undefined);
  });

  it('refuses a partial set, a missing or malformed key, and mixing with a bot or app token; never echoes secrets', () => {
    const partial = configError(() =>
      load({ SLACK_CLIENT_ID: '1111.2222', SLACK_CLIENT_SECRET: 'client-secret-value' }),
    );
    assert.match(
      partial,
      /needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET together; SLACK_STATE_SECRET is not set/,
    );
    assert.doesNotMatch(partial, /client-secret-value/);
    assert.match(
      configError(() => load({ ...oauth, WHOSAID_TOKEN_KEY: '' })),
      /set WHOSAID_TOKEN_KEY to 32 random bytes/,
    );
    const short = configError(() => load({ ...oauth, WHOSAID_TOKEN_KEY: 'c2hvcnQta2V5' }));
    assert.match(short, /WHOSAID_TOKEN_KEY must be 32 bytes in base64.*openssl rand -base64 32/);
    assert.doesNotMatch(short, /c2hvcnQta2V5/);
    assert.match(
      configError(() => load({ WHOSAID_TOKEN_KEY: key })),
      /WHOSAID_TOKEN_KEY is set but OAuth is not/,
    );
    const mixed = configError(() =>
      requireSlackSettings(load({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })),
    );
    assert.match(mixed, /SLACK_BOT_TOKEN is set together with OAuth/);
    assert.match(mixed, /SLACK_APP_TOKEN \(Socket Mode\) is set together with OAuth/);
    assert.doesNotMatch(mixed, /state-secret-value|client-secret-value/);
  });
});
