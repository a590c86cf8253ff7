import type { Random } from './seeded-random.js';
import { BOT_USER_ID } from './slack-api-stand-in.js';
import { FORM } from './slack-signed-requests.js';

const STRINGS = [
  '',
  ' ',
  'x',
  'null',
  '0',
  '<',
  '<@',
  `<@${BOT_USER_ID}>`,
  '\u0000',
  '💥',
  'a'.repeat(300),
  '{"a":1}',
];

/** Any JSON value, nested at most `depth` deep. */
export function randomJson(random: Random, depth = 3): unknown {
  const kind = random.int(depth > 0 ? 8 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 1e308, 1_700_000_000]);
    case 3:
    case 4:
      return random.pick(STRINGS);
    case 5:
      return random.pick([[], {}]);
    case 6:
      return Array.from({ length: random.int(4) }, () => randomJson(random, depth - 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random.int(4) }, () => [
          random.pick(['type', 'event', 'user', 'channel', 'ts', 'text', 'actions', 'command', 'id']),
          randomJson(random, depth - 1),
        ]),
      );
  }
}

/** One request body as it goes over HTTP. */
export interface FuzzRequest {
  body: string;
  contentType: string;
}

/** Valid payloads of every kind the bot reads or acknowledges, to mutate. */
export function templates(responseUrl: string): Record<string, unknown>[] {
  const user = { id: 'UASKER01', username: 'asker', team_id: 'T0TEST001' };
  const channel = { id: 'C0NEWS001', name: 'news' };
  const envelope = (event: Record<string, unknown>) => ({
    type: 'event_callback',
    team_id: 'T0TEST001',
    api_app_id: 'A0TEST001',
    event_id: 'Ev0FUZZ',
    event_time: 1_700_000_000,
    authorizations: [
      { team_id: 'T0TEST001', user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false },
    ],
    event,
  });
  const ts = '1700030000.000100';
  return [
    envelope({
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> Who is Meyer?`,
      ts,
      channel: 'C0NEWS001',
    }),
    envelope({
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> summarize`,
      ts,
      thread_ts: ts,
      channel: 'C0NEWS001',
    }),
    envelope({
      type: 'message',
      channel_type: 'im',
      user: 'UASKER01',
      text: 'Who is Meyer?',
      ts,
      channel: 'D0DIRECT1',
    }),
    envelope({
      type: 'message',
      subtype: 'message_changed',
      ts,
      channel: 'C0NEWS001',
      message: { text: 'x' },
    }),
    envelope({ type: 'app_home_opened', user: 'UASKER01', tab: 'home', channel: 'D0DIRECT1' }),
    envelope({ type: 'reaction_added', user: 'UASKER01', item: { channel: 'C0NEWS001', ts } }),
    {
      command: '/quote',
      text: 'Meyer',
      user_id: 'UASKER01',
      channel_id: 'C0NEWS001',
      team_id: 'T0TEST001',
      response_url: responseUrl,
    },
    ...['quote_more', 'quote_share', 'answer_feedback'].map((actionId) => ({
      type: 'block_actions',
      user,
      team: { id: 'T0TEST001' },
      channel,
      container: { type: 'message', message_ts: ts, channel_id: 'C0NEWS001' },
      message: { ts, thread_ts: ts },
      response_url: responseUrl,
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: 'b',
          value: actionId === 'answer_feedback' ? 'helpful' : JSON.stringify({ q: 'Meyer', o: 0 }),
        },
      ],
    })),
    {
      type: 'message_action',
      callback_id: 'summarize_thread',
      user,
      team: { id: 'T0TEST001' },
      channel,
      message: { ts, thread_ts: ts, reply_count: 2 },
      response_url: responseUrl,
      trigger_id: '1.2',
    },
    {
      type: 'message_action',
      callback_id: 'add_to_whosaid',
      user,
      channel,
      message: { ts, text: 'Read <https://news.example/story|this>' },
      response_url: responseUrl,
    },
    envelope({
      type: 'app_mention',
      user: 'UASKER01',
      text: `<@${BOT_USER_ID}> add <https://news.example/a>`,
      ts,
      channel: 'C0NEWS001',
    }),
    { type: 'shortcut', callback_id: 'summarize_thread', user, team: { id: 'T0TEST001' } },
    {
      type: 'view_submission',
      user,
      view: { id: 'V1', callback_id: 'x' },
      response_urls: [{ response_url: responseUrl }],
    },
    { type: 'block_suggestion', action_id: 'a', user, value: 'x' },
    { type: 'url_verification', challenge: 'c' },
  ];
}

/** Every path to a value inside `value`, each as a list of keys. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...paths((value as Record<string, unknown>)[key], path)];
  });
}

/** A copy of `payload` with one random field removed, given a value of another type, or its response_url replaced. */
export function mutate(
  random: Random,
  payload: Record<string, unknown>,
  oddUrls: readonly string[],
): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const all = paths(copy);
  const path = random.pick(all);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const choice = random.int(3);
  if ('response_url' in copy && choice === 0) copy.response_url = random.pick(oddUrls);
  else if (choice === 1) delete parent[last];
  else parent[last] = randomJson(random, 2);
  return copy;
}

/** A payload as Slack would post it: commands as form fields, interactions as a form field `payload`, events as JSON. */
export function encode(random: Random, payload: unknown): FuzzRequest {
  const fields = payload as Record<string, unknown> | null;
  const command = fields !== null && typeof fields === 'object' && 'command' in fields;
  const interaction = fields !== null && typeof fields === 'object' && !('event' in fields) && !command;
  if (command && random.chance(0.9))
    return {
      body: new URLSearchParams(
        Object.entries(fields).map(([key, value]): [string, string] => [
          key,
          typeof value === 'string' ? value : String(JSON.stringify(value)),
        ]),
      ).toString(),
      contentType: FORM,
    };
  if (interaction && random.chance(0.8))
    return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
  return { body: JSON.stringify(payload) ?? 'null', contentType: 'application/json' };
}

/** Bodies that are not payloads at all: broken JSON, odd forms, odd content types. */
export function brokenBody(random: Random): FuzzRequest {
  return random.pick<FuzzRequest>([
    { body: '', contentType: 'application/json' },
    { body: '{', contentType: 'application/json' },
    { body: 'payload=%7B', contentType: FORM },
    { body: 'payload=1&payload=2', contentType: FORM },
    { body: 'command=%2Fquote&command=%2Fquote&user_id=U&channel_id=C&text=x', contentType: FORM },
    { body: JSON.stringify(randomJson(random)), contentType: `${FORM}; charset=utf-8` },
    { body: JSON.stringify(randomJson(random)), contentType: 'text/plain' },
    { body: `payload=${encodeURIComponent(JSON.stringify(randomJson(random)))}`, contentType: FORM },
  ]);
}
