import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedMap } from '../../src/bounded-map.js';
import { loadConfig } from '../../src/config.js';
import type { ListenerEntry } from '../../src/slack/listener-registry.js';
import { UserNames } from '../../src/slack/user-names.js';
import { BOT_ID, BOT_USER_ID } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import {
  commandBody,
  eventEnvelope,
  FORM,
  interactionBody,
  sendToApp,
} from '../support/slack-signed-requests.js';
import { memoryLogger, realServices, startTestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const QUESTION = 'Who warned about relying on one provider?';

describe('Request hygiene', () => {
  it('ignores mentions and messages from other bots, except in channels configured for them', async () => {
    const test = await startTestBot({ services, botChannels: ['C0BOTS001'] });
    const fromBot = { user: 'UOTHERBOT', bot_id: 'BOTHER001' };
    await test.event(mentionEvent('1700010000.000100', QUESTION, fromBot));
    await test.event({
      type: 'message',
      channel: 'D0DIRECT1',
      channel_type: 'im',
      ts: '1700010001.000100',
      text: QUESTION,
      ...fromBot,
    });
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0, 'no answer to another bot');
    await test.event(mentionEvent('1700010002.000100', QUESTION, { ...fromBot, channel: 'C0BOTS001' }));
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.equal(posts.length, 1, 'answered in the channel configured for bots');
    assert.equal(posts[0]?.args.channel, 'C0BOTS001');
    // Never itself, whatever the configuration.
    await test.event(
      mentionEvent('1700010003.000100', QUESTION, {
        channel: 'C0BOTS001',
        user: BOT_USER_ID,
        bot_id: BOT_ID,
      }),
    );
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1);
    assert.deepEqual(test.errors(), []);
  });

  it('reads WHOSAID_BOT_CHANNELS as a list of channel ids', () => {
    const load = (env: Record<string, string>) => loadConfig({ env, dotenvPath: null });
    assert.deepEqual(load({}).botChannels, []);
    assert.deepEqual(load({ WHOSAID_BOT_CHANNELS: ' C1, ,C2 ' }).botChannels, ['C1', 'C2']);
  });

  it('answers only events posted to /slack/events: a signed event elsewhere gets 404 and no answer', async () => {
    const test = await startTestBot({ services });
    const body = eventEnvelope(mentionEvent('1700010050.000100', QUESTION));
    const elsewhere = await sendToApp(test.url.replace('/slack/events', '/slack/other'), body);
    await test.bot.idle();
    assert.equal(elsewhere.status, 404);
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0);
    assert.equal((await test.send(body)).status, 200);
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1);
  });

  it('refuses requests timestamped more than five minutes in the future, like stale ones', async () => {
    const test = await startTestBot({ services });
    const now = Math.floor(Date.now() / 1000);
    const body = eventEnvelope(mentionEvent('1700010100.000100', QUESTION));
    assert.equal((await test.send(body, { timestamp: now + 6 * 60 })).status, 401);
    assert.equal((await test.send(body, { timestamp: now - 6 * 60 })).status, 401);
    assert.ok(test.logs.some((line) => line.msg === 'refused a Slack request timestamped in the future'));
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0);
    // Within the window either way, it is answered.
    assert.equal((await test.send(body, { timestamp: now + 60 })).status, 200);
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1);
  });

  it('acknowledges payloads no listener handles at once, with one debug line and no error', async () => {
    const test = await startTestBot({ services });
    const unknown: [string, string | undefined][] = [
      [JSON.stringify({ type: 'app_rate_limited', team_id: 'T0TEST001', minute_rate_limited: 1 }), undefined],
      [
        eventEnvelope({ type: 'reaction_added', user: 'UASKER01', item: { channel: 'C0NEWS001' } }),
        undefined,
      ],
      [interactionBody({ type: 'shortcut', callback_id: 'not_ours', user: { id: 'UASKER01' } }), FORM],
      [
        interactionBody({
          type: 'view_submission',
          user: { id: 'UASKER01' },
          view: { id: 'V1', callback_id: 'not_ours' },
        }),
        FORM,
      ],
      [commandBody({ command: '/other', text: 'x', user_id: 'UASKER01', channel_id: 'C0NEWS001' }), FORM],
    ];
    // A held request would be answered 404 after 3 s: the deadline fails the test long before that.
    for (const [body, contentType] of unknown) {
      const response = await test.send(body, { contentType, deadlineMs: 2000 });
      assert.equal(response.status, 200, body);
    }
    const debug = test.logs.filter((line) => line.msg === 'acknowledged a Slack payload no listener handles');
    assert.deepEqual(
      debug.map((line) => line.payloadType),
      ['app_rate_limited', 'reaction_added', 'shortcut', 'view_submission', 'slash_command'],
    );
    assert.ok(debug.every((line) => line.level === 20));
    assert.deepEqual(test.errors(), []);
    assert.deepEqual(
      test.standIn.calls.filter((call) => call.method !== 'auth.test'),
      [],
      'nothing sent to Slack',
    );
  });

  it('answers a /quote without a response_url as an ephemeral message', async () => {
    const test = await startTestBot({ services });
    const response = await test.send(
      commandBody({ command: '/quote', text: 'Meyer', user_id: 'UASKER01', channel_id: 'C0NEWS001' }),
      { contentType: FORM },
    );
    assert.equal(response.status, 200);
    const [note] = test.standIn.callsTo('chat.postEphemeral');
    assert.equal(note?.args.user, 'UASKER01');
    assert.equal(note?.args.channel, 'C0NEWS001');
    assert.match(JSON.stringify(note?.args.blocks), /Meyer/);
    assert.deepEqual(test.errors(), []);
  });

  it('refuses an event without a channel with 400 and one warning naming the field', async () => {
    const test = await startTestBot({ services });
    const { channel: _channel, ...noChannel } = mentionEvent('1700010200.000100', QUESTION);
    assert.equal((await test.event(noChannel)).status, 400);
    const warnings = test.logs.filter((line) => line.msg === 'refused a malformed Slack payload');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.payloadType, 'app_mention');
    assert.match(String(warnings[0]?.problem), /^event\.channel: /);
    assert.deepEqual(test.errors(), []);
    assert.deepEqual(
      test.standIn.calls.filter((call) => call.method !== 'auth.test'),
      [],
      'nothing sent to Slack',
    );
  });

  it('survives a listener that throws: the error is logged once and the next request is served', async () => {
    const throwing: ListenerEntry = {
      kind: 'event',
      id: 'app_mention',
      manifestEvents: ['app_mention'],
      scopes: ['app_mentions:read'],
      attach: (app) =>
        app.event('app_mention', async () => {
          throw new Error('a listener bug');
        }),
    };
    const test = await startTestBot({ services, listeners: [throwing] });
    assert.equal((await test.event(mentionEvent('1700010300.000100', QUESTION))).status, 200);
    assert.equal((await test.event(mentionEvent('1700010301.000100', QUESTION))).status, 200);
    const logged = test.errors().map((line) => line.msg);
    assert.deepEqual(logged, ['unhandled error in a Slack listener', 'unhandled error in a Slack listener']);
  });

  it('keeps the users.info name cache bounded, forgetting the least recently used', async () => {
    const map = new BoundedMap<string, number>(3);
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      map.set(key, value);
    map.get('a');
    map.set('d', 4);
    assert.equal(map.size, 3);
    assert.ok(map.has('a') && !map.has('b') && map.has('d'));
    const test = await startTestBot({ services });
    const names = new UserNames(memoryLogger().logger, 2);
    for (const id of ['U1', 'U2', 'U3']) test.standIn.addUser(id, `Person ${id}`);
    const client = test.bot.app.client;
    await names.lookup(client, ['U1', 'U2', 'U3']);
    await names.lookup(client, ['U3', 'U1']);
    // U3 was still cached, U1 had been forgotten and was asked again.
    assert.deepEqual(
      test.standIn.callsTo('users.info').map((call) => call.args.user),
      ['U1', 'U2', 'U3', 'U1'],
    );
  });
});
