/**
 * The ONLY module that reads process.env. Everything else receives a validated `Config`.
 * Each variable is documented once, here, and the README's table mirrors this schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { parseScope } from './collections/scope.js';
import {
  number,
  oneOf,
  optionalDatabaseUrl,
  optionalText,
  optionalUrl,
  parseFields,
  text,
} from './env-schema.js';
import { describeError, WhosaidError } from './errors.js';
import { PROJECT_ROOT } from './project-root.js';

const envSchema = {
  WHOSAID_CORPUS_DIR: text(resolve(PROJECT_ROOT, 'corpus')),
  WHOSAID_INDEX_DIR: text(resolve(PROJECT_ROOT, '.whosaid')),
  WHOSAID_STATE_DIR: optionalText(),
  WHOSAID_PROMPTS_DIR: text(resolve(PROJECT_ROOT, 'prompts')),
  WHOSAID_FETCHED_DIR: optionalText(),
  WHOSAID_COLLECTIONS_DIR: optionalText(),
  WHOSAID_DEFAULT_COLLECTIONS: text('news'),
  WHOSAID_ALLOW_PRIVATE_URLS: oneOf(['0', '1'], '0'),
  WHOSAID_FETCH_TIMEOUT_MS: number(20_000, { integer: true, positive: true }),
  WHOSAID_FETCH_MAX_MB: number(10, { positive: true }),
  WHOSAID_FEEDS_INTERVAL: number(0, { integer: true, min: 0, max: 10_080 }),
  WHOSAID_FEED_MAX_ITEMS: number(20, { integer: true, min: 1, max: 500 }),
  WHOSAID_FEED_HOST_DELAY_MS: number(1000, { integer: true, min: 0, max: 60_000 }),
  WHOSAID_EMBEDDINGS: oneOf(['auto', 'local', 'openai'], 'auto'),
  WHOSAID_LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], 'info'),
  WHOSAID_MAX_FILE_MB: number(5, { positive: true }),
  WHOSAID_TOP_K: number(5, { integer: true, min: 1, max: 50 }),
  WHOSAID_AUTO_ANSWER_CHANNELS: text(''),
  WHOSAID_BOT_CHANNELS: text(''),
  WHOSAID_ADMINS: text(''),
  WHOSAID_ADMIN_CHANNEL: optionalText(),
  WHOSAID_DATABASE_URL: optionalDatabaseUrl(),
  WHOSAID_INDEX_STORE: oneOf(['auto', 'files', 'postgres'], 'auto'),
  OPENAI_API_KEY: optionalText(),
  OPENAI_BASE_URL: optionalUrl('https://api.openai.com/v1'),
  OPENAI_CHAT_MODEL: text('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: text('text-embedding-3-small'),
  OPENAI_TIMEOUT_MS: number(30_000, { integer: true, positive: true }),
  OPENAI_MAX_RETRIES: number(2, { integer: true, min: 0, max: 10 }),
  SLACK_BOT_TOKEN: optionalText(),
  SLACK_SIGNING_SECRET: optionalText(),
  SLACK_APP_TOKEN: optionalText(),
  SLACK_CLIENT_ID: optionalText(),
  SLACK_CLIENT_SECRET: optionalText(),
  SLACK_STATE_SECRET: optionalText(),
  WHOSAID_TOKEN_KEY: optionalText(),
  WHOSAID_TOKEN_KEY_PREVIOUS: text(''),
  SLACK_API_URL: optionalUrl('https://slack.com/api/'),
  PORT: number(3000, { integer: true, min: 0, max: 65_535 }),
};

type Env = ReturnType<typeof parseFields<typeof envSchema>>['values'];

export interface OpenAIConfig {
  apiKey: string;
  baseURL: string | undefined;
  chatModel: string;
  embeddingModel: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface Config {
  corpusDir: string;
  indexDir: string;
  /** The bot's state (dedupe keys, outbox, feedback) when set; by default a folder beside the index. */
  stateDir: string | undefined;
  promptsDir: string;
  /**
   * Where fetched articles and files are written (`whosaid ingest URL`, feeds, Slack "add"): a folder of
   * our own beside the index, indexed with the corpus, never the user's corpus folder.
   */
  fetchedDir: string;
  /**
   * The collections other than `news`: their registry and what was fetched or copied into each
   * (`whosaid ingest … --collection NAME`, Slack's add in a bound channel); beside the index.
   */
  collectionsDir: string;
  /** What unbound Slack channels and DMs read (WHOSAID_DEFAULT_COLLECTIONS). */
  defaultCollections: string[];
  fetch: FetchSettings;
  feeds: {
    /** Minutes between feed refreshes in `whosaid serve`; 0 = never (the default). */
    intervalMinutes: number;
    /** New items fetched per feed and run at most. */
    maxItems: number;
    /** Least time between two requests to the same host. */
    hostDelayMs: number;
  };
  embeddings: 'local' | 'openai';
  logLevel: Env['WHOSAID_LOG_LEVEL'];
  maxFileBytes: number;
  topK: number;
  /** Channel ids where questions are answered without a mention (only when the corpus supports an answer). */
  autoAnswerChannels: string[];
  /** Channel ids where messages and mentions from other bots are answered (elsewhere they are ignored). */
  botChannels: string[];
  /** Who may add documents from Slack: these user ids, and anyone in this channel. Nobody by default. */
  admins: { users: string[]; channel: string | undefined };
  openai: OpenAIConfig | undefined;
  /** PostgreSQL, when WHOSAID_DATABASE_URL is set; without it everything stays embedded (files). */
  database: DatabaseConfig | undefined;
  slack: {
    botToken: string | undefined;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string | undefined;
    port: number;
    /** Installation in many workspaces (OAuth), when SLACK_CLIENT_ID and its companions are set. */
    oauth: OAuthSettings | undefined;
  };
}

/**
 * What Bolt's installer needs (https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/),
 * plus the keys that encrypt the installations' tokens at rest. Secrets all: never logged.
 */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` of each install (a CSRF guard); every replica must share it. */
  stateSecret: string;
  tokenKeys: TokenKeys;
}

/** AES-256 keys (32 bytes each): `current` seals; `previous` still open what they sealed (a rotation). */
export interface TokenKeys {
  current: Buffer;
  previous: Buffer[];
}

export interface DatabaseConfig {
  /** May hold a password: never log it (src/db/database-url.ts describes it safely). */
  url: string;
  /**
   * Where the corpus index lives: `auto` = PostgreSQL when the server has pgvector, else files (the
   * bot says so at start-up); `files` and `postgres` force one.
   */
  indexStore: 'auto' | 'files' | 'postgres';
}

/** Limits for every fetch from the web (see src/fetch/fetch-url.ts). */
interface FetchSettings {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** A .env file to read; variables already in `env` win. Default: `.env` in the working folder. */
  dotenvPath?: string | null;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const dotenvPath = options.dotenvPath === undefined ? resolve('.env') : options.dotenvPath;
  // Node's own .env parser (the dotenv format: comments, quotes, `export`), no package needed.
  const fromFile = dotenvPath && existsSync(dotenvPath) ? parseEnv(readFileSync(dotenvPath, 'utf8')) : {};
  // An empty value (`OPENAI_API_KEY=` copied from .env.example) means "not set", so defaults apply.
  const merged = Object.entries({ ...fromFile, ...(options.env ?? process.env) }).filter(
    ([, value]) => value !== undefined && value.trim() !== '',
  );
  const { values, problems } = parseFields(envSchema, Object.fromEntries(merged));
  if (problems.length > 0) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      `Invalid configuration:\n${problems.join('\n')}\nSee .env.example.`,
    );
  }
  return toConfig(values);
}

function toConfig(env: Env): Config {
  const openai: OpenAIConfig | undefined = env.OPENAI_API_KEY
    ? {
        apiKey: env.OPENAI_API_KEY,
        baseURL: env.OPENAI_BASE_URL,
        chatModel: env.OPENAI_CHAT_MODEL,
        embeddingModel: env.OPENAI_EMBEDDING_MODEL,
        timeoutMs: env.OPENAI_TIMEOUT_MS,
        maxRetries: env.OPENAI_MAX_RETRIES,
      }
    : undefined;
  if (env.WHOSAID_EMBEDDINGS === 'openai' && !openai) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      'WHOSAID_EMBEDDINGS=openai needs OPENAI_API_KEY (create one at https://platform.openai.com/api-keys, ' +
        'or set OPENAI_BASE_URL and any key for an OpenAI-compatible server).',
    );
  }
  if (env.WHOSAID_INDEX_STORE === 'postgres' && !env.WHOSAID_DATABASE_URL) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      'WHOSAID_INDEX_STORE=postgres needs WHOSAID_DATABASE_URL (postgres://user:password@host:5432/db).',
    );
  }
  const indexDir = resolve(env.WHOSAID_INDEX_DIR);
  return {
    corpusDir: resolve(env.WHOSAID_CORPUS_DIR),
    indexDir,
    stateDir: env.WHOSAID_STATE_DIR ? resolve(env.WHOSAID_STATE_DIR) : undefined,
    promptsDir: resolve(env.WHOSAID_PROMPTS_DIR),
    // Beside the index by default, so a test or a second bot with its own index has its own documents.
    fetchedDir: env.WHOSAID_FETCHED_DIR ? resolve(env.WHOSAID_FETCHED_DIR) : `${indexDir}-fetched`,
    collectionsDir: env.WHOSAID_COLLECTIONS_DIR
      ? resolve(env.WHOSAID_COLLECTIONS_DIR)
      : `${indexDir}-collections`,
    defaultCollections: defaultCollections(env.WHOSAID_DEFAULT_COLLECTIONS),
    fetch: {
      allowPrivate: env.WHOSAID_ALLOW_PRIVATE_URLS === '1',
      timeoutMs: env.WHOSAID_FETCH_TIMEOUT_MS,
      maxBytes: Math.round(env.WHOSAID_FETCH_MAX_MB * 1024 * 1024),
      // Browsers allow about 20; five covers http→https→www→canonical chains and ends loops quickly.
      maxRedirects: 5,
    },
    feeds: {
      intervalMinutes: env.WHOSAID_FEEDS_INTERVAL,
      maxItems: env.WHOSAID_FEED_MAX_ITEMS,
      hostDelayMs: env.WHOSAID_FEED_HOST_DELAY_MS,
    },
    embeddings: env.WHOSAID_EMBEDDINGS === 'auto' ? (openai ? 'openai' : 'local') : env.WHOSAID_EMBEDDINGS,
    logLevel: env.WHOSAID_LOG_LEVEL,
    maxFileBytes: Math.round(env.WHOSAID_MAX_FILE_MB * 1024 * 1024),
    topK: env.WHOSAID_TOP_K,
    autoAnswerChannels: idList(env.WHOSAID_AUTO_ANSWER_CHANNELS),
    botChannels: idList(env.WHOSAID_BOT_CHANNELS),
    admins: { users: idList(env.WHOSAID_ADMINS), channel: env.WHOSAID_ADMIN_CHANNEL },
    openai,
    database: env.WHOSAID_DATABASE_URL
      ? { url: env.WHOSAID_DATABASE_URL, indexStore: env.WHOSAID_INDEX_STORE }
      : undefined,
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      port: env.PORT,
      oauth: oauthSettings(env),
    },
  };
}

const OAUTH_NAMES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const KEY_HELP =
  'Make one with `openssl rand -base64 32` and keep it secret (a password manager, a secret store).';

/**
 * OAuth is on when its three variables are set, and off when none is: a partial set is a mistake
 * (a forgotten variable would otherwise fall back to single-workspace mode silently). With OAuth the
 * tokens Slack hands over are stored encrypted, so the key is required too.
 */
function oauthSettings(env: Env): OAuthSettings | undefined {
  const missing = OAUTH_NAMES.filter((name) => !env[name]);
  if (missing.length === OAUTH_NAMES.length) {
    if (env.WHOSAID_TOKEN_KEY)
      throw new WhosaidError(
        'CONFIG_INVALID',
        'WHOSAID_TOKEN_KEY is set but OAuth is not (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET): set those three, or unset the key.',
      );
    return undefined;
  }
  if (missing.length > 0)
    throw new WhosaidError(
      'CONFIG_INVALID',
      `Installing in many workspaces (OAuth) needs ${OAUTH_NAMES.join(', ')} together; ${missing.join(' and ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not set. Find the client id and secret at ${WHERE.SLACK_CLIENT}; ` +
        'the state secret is any long random text of your own (`openssl rand -hex 32`). Or unset all three for one workspace with SLACK_BOT_TOKEN.',
    );
  if (!env.WHOSAID_TOKEN_KEY)
    throw new WhosaidError(
      'CONFIG_INVALID',
      `OAuth stores each workspace's tokens encrypted: set WHOSAID_TOKEN_KEY to 32 random bytes in base64. ${KEY_HELP}`,
    );
  return {
    clientId: env.SLACK_CLIENT_ID as string,
    clientSecret: env.SLACK_CLIENT_SECRET as string,
    stateSecret: env.SLACK_STATE_SECRET as string,
    tokenKeys: {
      current: tokenKey('WHOSAID_TOKEN_KEY', env.WHOSAID_TOKEN_KEY),
      previous: idList(env.WHOSAID_TOKEN_KEY_PREVIOUS).map((key) =>
        tokenKey('WHOSAID_TOKEN_KEY_PREVIOUS', key),
      ),
    },
  };
}

/** 32 bytes in base64 (or 64 hex digits); the value is never echoed back: it is a secret. */
function tokenKey(name: string, text: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && key.toString('base64') !== text))
    throw new WhosaidError(
      'CONFIG_INVALID',
      `${name} must be 32 bytes in base64 (44 characters). ${KEY_HELP}`,
    );
  return key;
}

function defaultCollections(text: string): string[] {
  try {
    return [...parseScope(text).collections];
  } catch (error) {
    throw new WhosaidError('CONFIG_INVALID', `WHOSAID_DEFAULT_COLLECTIONS: ${describeError(error)}`);
  }
}

function idList(text: string): string[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

export interface SlackSettings {
  mode: 'socket' | 'http';
  /** The one workspace's token; undefined when `oauth` is set (each installation has its own). */
  botToken: string | undefined;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
  port: number;
  /** Many workspaces (OAuth install, HTTP mode only); absent for one workspace. */
  oauth?: OAuthSettings | undefined;
}

const WHERE = {
  SLACK_BOT_TOKEN:
    'https://api.slack.com/apps → your app → OAuth & Permissions → "Bot User OAuth Token" (xoxb-…)',
  SLACK_SIGNING_SECRET:
    'https://api.slack.com/apps → your app → Basic Information → App Credentials → "Signing Secret"',
  SLACK_APP_TOKEN:
    'https://api.slack.com/apps → your app → Basic Information → App-Level Tokens → generate one with connections:write (xapp-…)',
  SLACK_CLIENT:
    'https://api.slack.com/apps → your app → Basic Information → App Credentials ("Client ID", "Client Secret")',
} as const;

/**
 * What `whosaid serve` needs, checked before anything starts: every missing or malformed variable is
 * named together with where to find it in Slack's app settings, so one run tells the whole story.
 * One workspace runs on SLACK_BOT_TOKEN; many (OAuth) on the installations' own tokens, over HTTP.
 */
export function requireSlackSettings(config: Config): SlackSettings {
  const { botToken, signingSecret, appToken, apiUrl, port, oauth } = config.slack;
  const problems: string[] = [];
  if (oauth) {
    if (botToken)
      problems.push(
        'SLACK_BOT_TOKEN is set together with OAuth (SLACK_CLIENT_ID…): each installed workspace brings its own token. Unset one of them.',
      );
    if (appToken)
      problems.push(
        'SLACK_APP_TOKEN (Socket Mode) is set together with OAuth: installing in many workspaces runs over HTTP (/slack/install). Unset SLACK_APP_TOKEN.',
      );
  } else if (!botToken) problems.push(`SLACK_BOT_TOKEN is not set. Find it at ${WHERE.SLACK_BOT_TOKEN}.`);
  else if (!/^xoxb-[A-Za-z0-9-]+$/.test(botToken)) {
    problems.push(
      `SLACK_BOT_TOKEN does not look like a bot token (it should start with "xoxb-"). Find it at ${WHERE.SLACK_BOT_TOKEN}.`,
    );
  }
  if (appToken !== undefined && !/^xapp-[A-Za-z0-9-]+$/.test(appToken)) {
    problems.push(
      `SLACK_APP_TOKEN does not look like an app-level token (it should start with "xapp-"). Find it at ${WHERE.SLACK_APP_TOKEN}.`,
    );
  }
  if (appToken === undefined && !signingSecret) {
    problems.push(
      `SLACK_SIGNING_SECRET is not set (needed to verify requests over HTTP). Find it at ${WHERE.SLACK_SIGNING_SECRET}.` +
        (oauth ? '' : ` Or set SLACK_APP_TOKEN to use Socket Mode (${WHERE.SLACK_APP_TOKEN}).`),
    );
  } else if (signingSecret !== undefined && !/^[A-Za-z0-9]{16,}$/.test(signingSecret)) {
    problems.push(
      `SLACK_SIGNING_SECRET looks malformed (expected letters and digits only). Find it at ${WHERE.SLACK_SIGNING_SECRET}.`,
    );
  }
  if (problems.length > 0) {
    throw new WhosaidError(
      'CONFIG_INVALID',
      `Cannot start the Slack bot:\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    );
  }
  return {
    mode: appToken ? 'socket' : 'http',
    botToken: oauth ? undefined : botToken,
    signingSecret,
    appToken,
    apiUrl,
    port,
    oauth,
  };
}
