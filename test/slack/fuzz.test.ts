import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { createSlackApp } from '../../src/slack/create-slack-app.js';
import { FileStateStore } from '../../src/store/file-state-store.js';
import {
  brokenBody,
  encode,
  type FuzzRequest,
  mutate,
  randomJson,
  templates,
} from '../support/fuzz-payloads.js';
import { Random } from '../support/seeded-random.js';
import { APP_TOKEN, SlackApiStandIn, STAND_IN_TOKEN } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope, SIGNING_SECRET } from '../support/slack-signed-requests.js';
import { SlackSocketStandIn } from '../support/slack-socket-stand-in.js';
import { type LogLine, memoryLogger, realServices, startTestBot } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';

// The short form runs in `npm test`; `npm run fuzz` sets a larger count (and any seed, to replay one).
const REQUESTS = Number(process.env.WHOSAID_FUZZ_REQUESTS ?? 300);
const ENVELOPES = Math.ceil(REQUESTS / 3);
const SEED = Number(process.env.WHOSAID_FUZZ_SEED ?? 20_261_202);
/** Slack waits 3 s for an acknowledgement: anything slower counts as unanswered. */
const ACK_DEADLINE_MS = 2500;

const services = await realServices();

/** A server no request may reach: the odd response_urls point at it. */
async function trapServer() {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { hits, port: (server.address() as AddressInfo).port };
}

/**
 * response_urls that must never be posted to (all lead to the trap), plus a few that are not URLs.
 * Slack's real hosts are left out on purpose: the guard lets them through, and tests stay on loopback.
 */
function oddUrls(trapPort: number): string[] {
  const trap = `127.0.0.1:${trapPort}`;
  return [
    `http://${trap}/hook`,
    `https://${trap}/hook`,
    `http://localhost:${trapPort}/hook`,
    `http://hooks.slack.com@${trap}/hook`,
    `http://${trap}/?https://hooks.slack.com/`,
    `ftp://${trap}/`,
    'not a url',
    '',
    'javascript:alert(1)',
  ];
}

/** Process-wide failures while the suite runs: none may happen. */
function watchProcess() {
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  after(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });
  return failures;
}

/**
 * No listener threw, Bolt saw nothing it could not handle, nothing was held: the only errors allowed are
 * Web API refusals a flow caught and reported (a fuzzed thread the stand-in does not know, say).
 */
function assertCleanLogs(logs: LogLine[]) {
  const serious = logs.filter((line) => line.level >= 50 && !line.slackError);
  assert.deepEqual(serious, [], 'no unexpected error was logged');
  const text = JSON.stringify(logs);
  for (const secret of [STAND_IN_TOKEN, SIGNING_SECRET, APP_TOKEN])
    assert.ok(!text.includes(secret), 'no secret in logs');
}

describe(`Fuzzing with seed ${SEED}`, () => {
  it(`answers ${REQUESTS} malformed signed HTTP requests promptly with 2xx/4xx, posts only to Slack, and still answers`, {
    timeout: 30_000 + REQUESTS * 200,
  }, async (t) => {
    const failures = watchProcess();
    const trap = await trapServer();
    const test = await startTestBot({ services });
    const random = new Random(SEED);
    const urls = oddUrls(trap.port);
    const bases = templates(test.standIn.responseUrl('fuzz'));
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const roll = random.next();
      const request: FuzzRequest =
        roll < 0.15
          ? brokenBody(random)
          : roll < 0.3
            ? encode(random, randomJson(random))
            : encode(random, mutate(random, random.pick(bases), urls));
      const response = await test.send(request.body, {
        contentType: request.contentType,
        deadlineMs: ACK_DEADLINE_MS,
      });
      assert.ok(
        response.status >= 200 && response.status < 500,
        `#${i} got ${response.status}: ${request.body}`,
      );
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    t.diagnostic(
      `statuses ${JSON.stringify(Object.fromEntries(statuses))}; Web API calls ${test.standIn.calls.length}, response_url posts ${test.standIn.responses.length}`,
    );
    assert.deepEqual(trap.hits, [], 'nothing was sent to a response_url off Slack');
    assert.ok((statuses.get(400) ?? 0) > REQUESTS / 10, `many were refused: ${[...statuses]}`);
    assert.ok((statuses.get(200) ?? 0) > REQUESTS / 10, `many were acknowledged: ${[...statuses]}`);
    for (const call of test.standIn.calls)
      if ('channel' in call.args)
        assert.equal(typeof call.args.channel, 'string', `${call.method} to a channel`);
    assertCleanLogs(test.logs);
    assert.deepEqual(failures, []);
    const posted = test.standIn.nextCall('chat.postMessage');
    await test.event(mentionEvent('1700039000.000100', 'Who warned about relying on one provider?'));
    assert.match(postedText([await posted]), /Dan Meyer/);
  });

  it(`acknowledges or drops ${ENVELOPES} malformed Socket Mode envelopes and still answers`, {
    timeout: 30_000 + ENVELOPES * 200,
  }, async () => {
    const failures = watchProcess();
    const trap = await trapServer();
    const api = await SlackApiStandIn.start();
    const socket = await SlackSocketStandIn.start();
    api.socketUrl = socket.url;
    const { logger, lines } = memoryLogger();
    const { store: state } = await FileStateStore.open(await tempDir('whosaid-state-'));
    const bot = await createSlackApp({
      settings: {
        mode: 'socket',
        botToken: STAND_IN_TOKEN,
        signingSecret: undefined,
        appToken: APP_TOKEN,
        apiUrl: api.apiUrl,
        port: 0,
      },
      services,
      logger,
      state,
      clientOptions: { retryConfig: { retries: 0 } },
      progressDelayMs: 0,
    });
    after(async () => {
      await bot.stop();
      await state.close();
      // The close handshake must finish first, or the client's timers keep the process alive ~30 s.
      await socket.closedByApp;
      await socket.close();
      await api.close();
    });
    await bot.start();
    const random = new Random(SEED + 1);
    const urls = oddUrls(trap.port);
    const bases = templates(api.responseUrl('fuzz'));
    const envelopeTypes = { event_callback: 'events_api', undefined: 'interactive' } as Record<
      string,
      string
    >;
    let acknowledged = 0;
    for (let i = 0; i < ENVELOPES; i++) {
      const roll = random.next();
      const id = `env-fuzz-${i}`;
      if (roll < 0.15) {
        // Frames that are not envelopes, or carry no id to acknowledge: dropped.
        await socket.sendFrame(
          random.pick([
            '{',
            'null',
            '[]',
            '42',
            '{"type":7}',
            JSON.stringify({ type: 'events_api', payload: {} }),
          ]),
        );
        continue;
      }
      const base = random.pick(bases);
      const payload = roll < 0.3 ? randomJson(random) : mutate(random, base, urls);
      const type =
        roll < 0.35
          ? random.pick(['error', 'unknown', 'newListener', 'slack_event'])
          : 'command' in base
            ? 'slash_commands'
            : (envelopeTypes[String(base.type)] ?? 'interactive');
      const deadline = AbortSignal.timeout(ACK_DEADLINE_MS);
      await Promise.race([
        socket.sendFrame(
          JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: false }),
          id,
        ),
        new Promise((_, reject) =>
          deadline.addEventListener('abort', () =>
            reject(new Error(`#${i} ${type} was not acknowledged: ${JSON.stringify(payload)}`)),
          ),
        ),
      ]);
      acknowledged += 1;
    }
    await bot.idle();
    assert.ok(acknowledged > ENVELOPES / 2);
    assert.deepEqual(trap.hits, []);
    assertCleanLogs(lines);
    assert.deepEqual(failures, []);
    const posted = api.nextCall('chat.postMessage');
    await socket.deliver({
      envelope_id: 'env-after-fuzz',
      type: 'events_api',
      payload: JSON.parse(
        eventEnvelope(mentionEvent('1700039100.000100', 'Who warned about relying on one provider?')),
      ),
    });
    assert.match(postedText([await posted]), /Dan Meyer/);
  });
});
