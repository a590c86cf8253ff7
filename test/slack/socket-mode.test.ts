import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Logger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack/create-slack-app.js';
import type { ListenerEntry } from '../../src/slack/listener-registry.js';
import { FileStateStore } from '../../src/store/file-state-store.js';
import type { StateStore } from '../../src/store/state-store.js';
import { APP_TOKEN, SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope } from '../support/slack-signed-requests.js';
import { SlackSocketStandIn } from '../support/slack-socket-stand-in.js';
import { memoryLogger, realServices } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';

const services = await realServices();

async function socketBot(appToken: string, listeners?: readonly ListenerEntry[]) {
  const api = await SlackApiStandIn.start();
  const socket = await SlackSocketStandIn.start();
  api.socketUrl = socket.url;
  const stateDir = await tempDir('whosaid-state-');
  const { store: state } = await FileStateStore.open(stateDir);
  after(async () => {
    await socket.close();
    await api.close();
    await state.close();
  });
  const { logger, lines } = memoryLogger();
  const bot = await socketApp(appToken, api, state, logger, listeners);
  return { api, socket, bot, lines, state, logger };
}

function socketApp(
  appToken: string,
  api: SlackApiStandIn,
  state: StateStore,
  logger: Logger,
  listeners?: readonly ListenerEntry[],
) {
  return createSlackApp({
    settings: {
      mode: 'socket',
      botToken: STAND_IN_TOKEN,
      signingSecret: undefined,
      appToken,
      apiUrl: api.apiUrl,
      port: 0,
    },
    services,
    logger,
    state,
    clientOptions: { retryConfig: { retries: 0 } },
    progressDelayMs: 0,
    ...(listeners ? { listeners } : {}),
  });
}

/** An events_api envelope of a mention; a redelivery has the same payload, another id and retry_attempt > 0. */
function mentionEnvelope(envelopeId: string, payload: unknown, retryAttempt = 0) {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    payload,
    retry_attempt: retryAttempt,
    ...(retryAttempt > 0 ? { retry_reason: 'timeout' } : {}),
  };
}

function postsByThread(api: SlackApiStandIn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of api.callsTo('chat.postMessage')) {
    const thread = String(post.args.thread_ts);
    counts.set(thread, (counts.get(thread) ?? 0) + 1);
  }
  return counts;
}

describe('Socket Mode', () => {
  it('connects with the app token through SLACK_API_URL, acknowledges each envelope and answers', async () => {
    const { api, socket, bot } = await socketBot(APP_TOKEN);
    assert.deepEqual(await bot.start(), { mode: 'socket', port: undefined });
    assert.equal(api.callsTo('apps.connections.open').length, 1);
    const event = mentionEvent('1700003000.000100', 'Who warned about relying on one provider?');
    await socket.deliver({
      envelope_id: 'env-1',
      type: 'events_api',
      payload: JSON.parse(eventEnvelope(event)),
    });
    await bot.idle();
    assert.deepEqual(socket.acks, ['env-1']);
    const posts = api.callsTo('chat.postMessage');
    assert.equal(posts.length, 1);
    assert.equal(posts[0]?.args.thread_ts, '1700003000.000100');
    assert.match(postedText(posts), /Dan Meyer/);
    await bot.stop();
    await socket.closedByApp;
  });

  it('acknowledges and drops malformed envelopes with one warning naming the field, and keeps answering', async () => {
    const { api, socket, bot, lines } = await socketBot(APP_TOKEN);
    await bot.start();
    socket.sendFrame('null');
    const { channel: _channel, ...noChannel } = mentionEvent('1700003100.000100', 'Who is Meyer?');
    await socket.deliver({
      envelope_id: 'env-bad',
      type: 'events_api',
      payload: JSON.parse(eventEnvelope(noChannel)),
    });
    await socket.deliver({ envelope_id: 'env-odd', type: 'error', payload: {} });
    await socket.deliver({
      envelope_id: 'env-good',
      type: 'events_api',
      payload: JSON.parse(
        eventEnvelope(mentionEvent('1700003101.000100', 'Who warned about relying on one provider?')),
      ),
    });
    await bot.idle();
    assert.deepEqual(socket.acks, ['env-bad', 'env-odd', 'env-good']);
    const refused = lines.filter((line) => line.msg === 'refused a malformed Slack payload');
    assert.deepEqual(
      refused.map((line) => [line.via, line.payloadType, String(line.problem).split(':')[0]]),
      [['socket', 'app_mention', 'event.channel']],
    );
    assert.ok(
      lines.some(
        (line) => line.msg === 'dropped a Socket Mode message that is not a JSON object with a type',
      ),
    );
    assert.match(postedText(api.callsTo('chat.postMessage')), /Dan Meyer/);
    assert.deepEqual(
      lines.filter((line) => line.level >= 50),
      [],
    );
    await bot.stop();
    await socket.closedByApp;
  });

  it('acknowledges every envelope of a burst while the answers cannot finish, and answers each event once', async () => {
    const { api, socket, bot } = await socketBot(APP_TOKEN);
    await bot.start();
    // Every answer job first shows progress (progressDelayMs 0) and waits for Slack's reply to that
    // call: held here, so no answer can finish, and four jobs hold the queue's four slots.
    api.hold('assistant.threads.setStatus');
    const burst = 12;
    const threads = Array.from({ length: burst }, (_, i) => `17000032${String(i).padStart(2, '0')}.000100`);
    const payloads = threads.map((ts) =>
      JSON.parse(eventEnvelope(mentionEvent(ts, 'Who warned about relying on one provider?'))),
    );
    // The first four questions take the queue's four slots and stay there, waiting for Slack.
    await Promise.all(
      payloads.slice(0, 4).map((payload, i) => socket.deliver(mentionEnvelope(`env-burst-${i}`, payload))),
    );
    await api.whenHeld('assistant.threads.setStatus', 4);
    // The rest arrive at once, and every third event again as Slack's retry of it (another envelope,
    // same event): all acknowledged while no answer can finish.
    await Promise.all([
      ...payloads
        .slice(4)
        .map((payload, i) => socket.deliver(mentionEnvelope(`env-burst-${i + 4}`, payload))),
      ...payloads
        .filter((_, i) => i % 3 === 0)
        .map((payload, i) => socket.deliver(mentionEnvelope(`env-retry-${i}`, payload, 1))),
    ]);
    assert.equal(socket.acks.length, burst + Math.ceil(burst / 3));
    assert.equal(api.callsTo('chat.postMessage').length, 0, 'no answer was posted before every ack');
    api.release('assistant.threads.setStatus');
    await bot.idle();
    assert.deepEqual(
      [...postsByThread(api)].sort(),
      threads.map((ts) => [ts, 1]),
    );
    await bot.stop();
    await socket.closedByApp;
  });

  it('acknowledges an envelope before its listener runs, even one that never returns', {
    timeout: 20_000,
  }, async () => {
    let finish: () => void = () => {};
    const stuck = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let started = 0;
    // A /quote listener that neither acknowledges nor returns until told: only the boundary can ack.
    const listeners: ListenerEntry[] = [
      {
        kind: 'command',
        id: '/quote',
        manifestEvents: [],
        scopes: [],
        attach: (app) =>
          app.command('/quote', async () => {
            started += 1;
            await stuck;
          }),
      },
    ];
    const { api, socket, bot } = await socketBot(APP_TOKEN, listeners);
    await bot.start();
    // A slash command as Socket Mode delivers it: the form fields of the HTTP request, as JSON.
    const command = {
      token: 'unused',
      team_id: 'T0TEST001',
      command: '/quote',
      text: 'Meyer',
      user_id: 'UASKER01',
      channel_id: 'C0NEWS001',
      response_url: api.responseUrl('command'),
    };
    await socket.deliver({ envelope_id: 'env-command', type: 'slash_commands', payload: command });
    assert.deepEqual(socket.acks, ['env-command']);
    finish();
    await bot.idle();
    assert.equal(started, 1, 'the listener ran after the ack');
    await bot.stop();
    await socket.closedByApp;
  });

  it('answers an event once when Slack delivers it again after a reconnect, and after a restart', {
    timeout: 30_000,
  }, async () => {
    const { api, socket, bot, state, logger } = await socketBot(APP_TOKEN);
    await bot.start();
    const payload = JSON.parse(
      eventEnvelope(mentionEvent('1700003300.000100', 'Who warned about relying on one provider?')),
    );
    await socket.deliver(mentionEnvelope('env-first', payload));
    await bot.idle();
    assert.equal(api.callsTo('chat.postMessage').length, 1);
    // Slack recycles the connection; the app opens a new one (the client waits ~5 s before it does).
    socket.askToReconnect();
    await socket.connected(2);
    assert.equal(api.callsTo('apps.connections.open').length, 2);
    // The first ack counted as lost: the same event comes again on the new connection.
    await socket.deliver(mentionEnvelope('env-again', payload, 1));
    await bot.idle();
    assert.deepEqual(socket.acks, ['env-first', 'env-again']);
    assert.equal(api.callsTo('chat.postMessage').length, 1, 'answered once across the reconnect');
    await bot.stop();
    await socket.closedByApp;
    // A restart with the same state: Slack's last retry of the event is still not answered again.
    const restarted = await socketApp(APP_TOKEN, api, state, logger);
    await restarted.start();
    await socket.deliver(mentionEnvelope('env-after-restart', payload, 2));
    await restarted.idle();
    assert.equal(api.callsTo('chat.postMessage').length, 1, 'answered once across the restart');
    const other = JSON.parse(eventEnvelope(mentionEvent('1700003301.000100', 'Who is Meyer?')));
    await socket.deliver(mentionEnvelope('env-new', other));
    await restarted.idle();
    assert.deepEqual([...postsByThread(api).keys()].sort(), ['1700003300.000100', '1700003301.000100']);
    await restarted.stop();
    await socket.closedByApp;
  });

  it('says which variable to fix when Slack rejects the app token', async () => {
    const { bot } = await socketBot('xapp-1-revoked');
    await assert.rejects(bot.start(), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'CONFIG_INVALID');
      assert.match(error.message, /Slack rejected SLACK_APP_TOKEN \(invalid_auth\)\. .*App-Level Tokens/);
      return true;
    });
  });
});
