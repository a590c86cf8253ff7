import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs, readBody, send } from './slack-stand-in-http.js';

/** One Web API call as the stand-in received it (form fields; JSON-valued fields parsed). */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call came with (which workspace's bot made it). */
  token?: string | undefined;
}

/** A workspace's bot as the stand-in knows it: what auth.test answers for its token. */
export interface StandInBot {
  token: string;
  teamId: string;
  teamName: string;
  botUserId: string;
  botId: string;
}

/** The app's OAuth credentials the stand-in's oauth.v2.access accepts. */
export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'stand-in-client-secret';

/** A POST to a response_url (slash commands, interactions). */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

export interface ThreadMessageFixture {
  ts: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
  thread_ts?: string;
  metadata?: unknown;
}

/**
 * Faults the stand-in can inject into a method's next calls, besides any Slack error code:
 * - `ratelimited`: HTTP 429 with Retry-After (`retryAfterSeconds`, default 0), nothing done;
 * - `http500`: HTTP 500 before anything is done;
 * - `http500-after-store`: the call is done (a post is stored), then HTTP 500 — the outcome a client
 *   cannot know;
 * - `hang`: the call is done, then the response is held until the stand-in closes (a client timeout);
 * - `drop`: the connection is dropped before anything is done (a network failure of one call).
 */
export type Fault = 'ratelimited' | 'http500' | 'http500-after-store' | 'hang' | 'drop' | (string & {});

type Result = Record<string, unknown>;
type Handler = (args: Record<string, unknown>, bot: StandInBot | undefined) => Result;

export const STAND_IN_TOKEN = 'xoxb-test-token';
export const APP_TOKEN = 'xapp-1-test-app-token';
export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0TEST001';
export const WORKSPACE_URL = 'https://whosaid-test.slack.com/';

/**
 * A local stand-in for Slack's Web API (a real node:http server): answers form-encoded calls sent with
 * `Authorization: Bearer`, records them, paginates conversations.replies with cursors, and can be told
 * to fail a method with `ratelimited` (HTTP 429 + Retry-After) or any Slack error code. It also accepts
 * response_url posts at /respond/ID.
 */
export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponsePost[] = [];
  private readonly failures = new Map<string, string[]>();
  /** Replies posted with chat.postMessage, by `channel:thread_ts` (returned by conversations.replies). */
  private readonly posted = new Map<string, ThreadMessageFixture[]>();
  private readonly held = new Set<ServerResponse>();
  /** Methods whose answers wait until `release` (the call is recorded and done at once). */
  private readonly holding = new Map<string, (() => void)[]>();
  private heldWaiters: (() => void)[] = [];
  /** While true every Web API call's connection is dropped unanswered (Slack unreachable). */
  down = false;
  retryAfterSeconds = 0;
  private readonly threads = new Map<string, ThreadMessageFixture[]>();
  private readonly users = new Map<string, { real_name: string; display_name: string }>();
  /** Channels with their members and history (conversations.info, .members, .history). */
  private readonly channels = new Map<string, { members: string[]; history: ThreadMessageFixture[] }>();
  private nextTs = 1_700_000_100;
  /** The WebSocket URL apps.connections.open hands out (see slack-socket-stand-in.ts). */
  socketUrl: string | undefined;
  private readonly waiters: { method: string; resolve: (call: RecordedCall) => void }[] = [];
  /** Valid bot tokens, each a workspace's bot (the test workspace's by default). */
  private readonly bots = new Map<string, StandInBot>([
    [
      STAND_IN_TOKEN,
      { token: STAND_IN_TOKEN, teamId: TEAM_ID, teamName: 'Test', botUserId: BOT_USER_ID, botId: BOT_ID },
    ],
  ]);
  /** OAuth codes not yet exchanged, and the bot each one installs (oauth.v2.access). */
  private readonly codes = new Map<string, StandInBot>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly pageSize: number,
  ) {}

  /** Calls per method (kept even when `recordCalls` is off). */
  readonly counts = new Map<string, number>();
  /** Off for load runs: keep counts and posted replies' ids, not every call's arguments. */
  recordCalls = true;

  static async start(options: { pageSize?: number } = {}): Promise<SlackApiStandIn> {
    let standIn: SlackApiStandIn | undefined;
    const server = createServer((request, response) => {
      standIn?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new SlackApiStandIn(server, `http://127.0.0.1:${port}`, options.pageSize ?? 4);
    return standIn;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the next call of `method` (for work in another process, where `idle()` is not available). */
  nextCall(method: string): Promise<RecordedCall> {
    return new Promise((resolve) => this.waiters.push({ method, resolve }));
  }

  /** Makes the next `times` calls of `method` fail with `error` (a Fault or a Slack error code). */
  fail(method: string, error: Fault, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<string>(times).fill(error)]);
  }

  /** Holds every answer of `method` from now on, until `release(method)` sends them all. */
  hold(method: string): void {
    if (!this.holding.has(method)) this.holding.set(method, []);
  }

  release(method: string): void {
    const answers = this.holding.get(method) ?? [];
    this.holding.delete(method);
    for (const answer of answers) answer();
  }

  /** Resolves once `count` answers of `method` are held (the calls arrived and wait for `release`). */
  whenHeld(method: string, count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if ((this.holding.get(method)?.length ?? 0) >= count) resolve();
        else this.heldWaiters.push(check);
      };
      check();
    });
  }

  addThread(channel: string, threadTs: string, messages: ThreadMessageFixture[]): void {
    this.threads.set(`${channel}:${threadTs}`, messages);
  }

  /** A channel with its members (the bot is one only when listed) and its messages, any order. */
  addChannel(id: string, members: string[], history: ThreadMessageFixture[]): void {
    this.channels.set(id, { members, history });
  }

  /**
   * A workspace admin approved the install on Slack's authorize page: returns the `code` Slack would
   * put in the redirect; oauth.v2.access exchanges it (once) for `bot`'s token, which then works.
   */
  approveInstall(bot: StandInBot): string {
    const code = `code-${bot.teamId}-${this.codes.size + 1}`;
    this.codes.set(code, bot);
    return code;
  }

  /** Slack revoked a token (an uninstall): calls with it fail with `token_revoked` from now on. */
  revoke(token: string): void {
    this.bots.delete(token);
    this.revoked.add(token);
  }

  private readonly revoked = new Set<string>();

  addUser(id: string, realName: string, displayName = ''): void {
    this.users.set(id, { real_name: realName, display_name: displayName });
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.failures.clear();
    for (const method of [...this.holding.keys()]) this.release(method);
    this.posted.clear();
    this.counts.clear();
    this.down = false;
    this.retryAfterSeconds = 0;
  }

  /** The replies posted in one thread, in order. */
  postedIn(channel: string, threadTs: string): ThreadMessageFixture[] {
    return this.posted.get(`${channel}:${threadTs}`) ?? [];
  }

  close(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', this.baseUrl).pathname;
    if (path.startsWith('/respond/')) {
      this.responses.push({
        id: path.slice('/respond/'.length),
        body: JSON.parse(raw || '{}') as Record<string, unknown>,
      });
      return send(response, 200, { ok: true });
    }
    const method = path.replace(/^\/api\//, '');
    if (this.down) {
      request.socket.destroy();
      return;
    }
    const args = parseArgs(raw, request.headers['content-type']);
    const token = request.headers.authorization?.replace(/^Bearer /, '');
    // apps.connections.open (Socket Mode) takes the app-level token; oauth.v2.access the app's client
    // id and secret in the body; everything else a bot token of an installed workspace.
    const refused =
      method === 'oauth.v2.access'
        ? undefined
        : method === 'apps.connections.open'
          ? token === APP_TOKEN
            ? undefined
            : 'invalid_auth'
          : this.refusal(token);
    if (refused) return send(response, 200, { ok: false, error: refused });
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    if (this.recordCalls) this.calls.push({ method, args, token });
    for (const waiter of this.waiters.filter((entry) => entry.method === method)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve({ method, args, token });
    }
    const failure = this.failures.get(method)?.shift();
    if (failure === 'ratelimited')
      return send(
        response,
        429,
        { ok: false, error: 'ratelimited' },
        { 'Retry-After': String(this.retryAfterSeconds) },
      );
    if (failure === 'http500') return send(response, 500, { ok: false, error: 'internal_error' });
    if (failure === 'drop') {
      request.socket.destroy();
      return;
    }
    if (failure && !['http500-after-store', 'hang'].includes(failure))
      return send(response, 200, { ok: false, error: failure });
    const handler = this.handlers[method];
    const bot = token === undefined ? undefined : this.bots.get(token);
    const result = handler ? handler(args, bot) : { ok: false, error: 'unknown_method' };
    if (failure === 'http500-after-store') return send(response, 500, { ok: false, error: 'internal_error' });
    if (failure === 'hang') {
      this.held.add(response);
      return;
    }
    const holding = this.holding.get(method);
    if (holding) {
      holding.push(() => send(response, 200, result));
      const waiters = this.heldWaiters;
      this.heldWaiters = [];
      for (const check of waiters) check();
      return;
    }
    send(response, 200, result);
  }

  /** One page of `items` with Slack's cursor pagination (the cursor is the offset, base64). */
  private page(items: unknown[], args: Record<string, unknown>, key: string): Result {
    const offset = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString()) : 0;
    const size = Math.min(Number(args.limit ?? 1000), this.pageSize);
    const next = offset + size < items.length ? Buffer.from(String(offset + size)).toString('base64') : '';
    return {
      ok: true,
      [key]: items.slice(offset, offset + size),
      has_more: next !== '',
      response_metadata: { next_cursor: next },
    };
  }

  private refusal(token: string | undefined): string | undefined {
    if (token === undefined) return 'not_authed';
    if (this.revoked.has(token)) return 'token_revoked';
    return this.bots.has(token) ? undefined : 'invalid_auth';
  }

  /** https://docs.slack.dev/reference/methods/oauth.v2.access (a bot-only install: no user scopes). */
  private exchange(args: Record<string, unknown>): Result {
    if (args.client_id !== CLIENT_ID || args.client_secret !== CLIENT_SECRET)
      return { ok: false, error: 'invalid_client_id' };
    const bot = this.codes.get(String(args.code));
    if (!bot) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(args.code));
    this.bots.set(bot.token, bot);
    return {
      ok: true,
      access_token: bot.token,
      token_type: 'bot',
      scope: 'app_mentions:read,chat:write',
      bot_user_id: bot.botUserId,
      app_id: 'A0TEST001',
      team: { id: bot.teamId, name: bot.teamName },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U0INSTALLER' },
    };
  }

  private ts(): string {
    this.nextTs += 1;
    return `${this.nextTs}.000100`;
  }

  private readonly handlers: Record<string, Handler> = {
    'apps.connections.open': () =>
      this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' },
    'auth.test': (_args, bot) => ({
      ok: true,
      url: bot?.teamId === TEAM_ID ? WORKSPACE_URL : `https://${bot?.teamId.toLowerCase()}.slack.com/`,
      team: bot?.teamName ?? 'Test',
      user: 'whosaid',
      team_id: bot?.teamId ?? TEAM_ID,
      user_id: bot?.botUserId ?? BOT_USER_ID,
      bot_id: bot?.botId ?? BOT_ID,
    }),
    'oauth.v2.access': (args) => this.exchange(args),
    'chat.postMessage': (args, bot) => {
      const ts = this.ts();
      if (args.thread_ts) {
        const key = detached(`${args.channel}:${args.thread_ts}`);
        const reply = {
          ts,
          user: bot?.botUserId ?? BOT_USER_ID,
          bot_id: bot?.botId ?? BOT_ID,
          text: this.recordCalls ? String(args.text ?? '') : '',
          thread_ts: detached(String(args.thread_ts)),
          ...(args.metadata ? { metadata: args.metadata } : {}),
        };
        this.posted.set(key, [...(this.posted.get(key) ?? []), reply]);
      }
      return { ok: true, channel: args.channel, ts, message: { text: args.text } };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: this.ts() }),
    'chat.update': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    'chat.delete': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    'chat.getPermalink': (args) => ({
      ok: true,
      permalink: `${WORKSPACE_URL}archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
    }),
    'chat.startStream': (args) => ({ ok: true, channel: args.channel, ts: this.ts() }),
    'chat.appendStream': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    'chat.stopStream': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
    'assistant.threads.setStatus': () => ({ ok: true }),
    'assistant.threads.setSuggestedPrompts': () => ({ ok: true }),
    'assistant.threads.setTitle': () => ({ ok: true }),
    'views.publish': () => ({ ok: true, view: { id: 'V0HOME' } }),
    'users.info': (args) => {
      const profile = this.users.get(String(args.user));
      if (!profile) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: { id: args.user, name: profile.real_name.toLowerCase(), real_name: profile.real_name, profile },
      };
    },
    // A private channel the bot is not in is not found, as Slack answers its token.
    'conversations.info': (args) => {
      const channel = this.channels.get(String(args.channel));
      if (!channel) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: { id: args.channel, is_member: channel.members.includes(BOT_USER_ID) } };
    },
    'conversations.members': (args) => {
      const channel = this.channels.get(String(args.channel));
      if (!channel) return { ok: false, error: 'channel_not_found' };
      return this.page(channel.members, args, 'members');
    },
    // Newest first, only what is newer than `oldest`, as Slack lists a channel's history.
    'conversations.history': (args) => {
      const channel = this.channels.get(String(args.channel));
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!channel.members.includes(BOT_USER_ID)) return { ok: false, error: 'not_in_channel' };
      const oldest = Number(args.oldest ?? 0);
      const messages = channel.history
        .filter((message) => Number(message.ts) > oldest)
        .sort((a, b) => Number(b.ts) - Number(a.ts));
      return this.page(messages, args, 'messages');
    },
    'conversations.replies': (args) => {
      const key = `${args.channel}:${args.ts}`;
      const fixture = this.threads.get(key);
      const posted = this.posted.get(key);
      // A thread the stand-in has no fixture for is a question nobody replied to yet (its own message is
      // not modelled): no messages rather than thread_not_found, which would mean it was deleted.
      // Slack returns message metadata only when asked (include_all_metadata).
      const withMetadata = args.include_all_metadata === 'true' || args.include_all_metadata === true;
      const messages = [...(fixture ?? []), ...(posted ?? [])].map(({ metadata, ...message }) =>
        withMetadata && metadata ? { ...message, metadata } : message,
      );
      return this.page(messages, args, 'messages');
    },
  };
}

/**
 * A copy of `text` that does not share memory with the request body it came from: V8 keeps substrings
 * as slices of their parent, so a stored thread id would keep a whole 6 KB request alive (the load
 * suite's memory run measures the bot, not the stand-in's slices).
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
