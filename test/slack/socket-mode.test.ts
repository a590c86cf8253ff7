import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createSlackApp } from '../../src/slack/create-slack-app.js';
import { FileStateStore } from '../../src/store/file-state-store.js';
import { APP_TOKEN, SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope } from '../support/slack-signed-requests.js';
import { SlackSocketStandIn } from '../support/slack-socket-stand-in.js';
import { memoryLogger, realServices } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';

const services = await realServices();

async function socketBot(appToken: string) {
  const api = await SlackApiStandIn.start();
  const socket = await SlackSocketStandIn.start();
  api.socketUrl = socket.url;
  const { store: state } = await FileStateStore.open(await tempDir('whosaid-state-'));
  after(async () => {
    await socket.close();
    await api.close();
    await state.close();
  });
  const { logger, lines } = memoryLogger();
  const bot = await createSlackApp({
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
  });
  return { api, socket, bot, lines };
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

  it('says which variable to fix when Slack rejects the app token', async () => {
    const { bot } = await socketBot('xapp-1-revoked');
    await assert.rejects(bot.start(), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'CONFIG_INVALID');
      assert.match(error.message, /Slack rejected SLACK_APP_TOKEN \(invalid_auth\)\. .*App-Level Tokens/);
      return true;
    });
  });
});
