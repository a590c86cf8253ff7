import type { BotServices } from '../../src/bot-services.js';
import { DEFAULT_DELIVERY_POLICY } from '../../src/slack/delivery/delivery-policy.js';
import { SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { commandBody, eventEnvelope, FORM, sendToApp } from '../support/slack-signed-requests.js';
import { createTestBot, type TestBot, type TestBotOptions } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';
import { type Ack, sendAllAtOnce } from './burst-sender.js';
import type { Probe, ServeProcess } from './serve-process.js';

/**
 * The load and fault scenarios of issue 11, at two sizes: `short` runs in `npm test` (seconds, counts
 * asserted, no timing asserted), `full` runs from `npm run loadtest` and records figures in
 * docs/benchmarks.md. Everything is loopback: the real app over HTTP, signed requests, the Web API
 * stand-in. Each scenario returns what it counted; the callers check it.
 */
export interface Scale {
  burst: number;
  outageMs: number;
  outageEvents: number;
  faultEvents: number;
  restartEvents: number;
  /** Retry-After of the rate-limit scenario, seconds. */
  retryAfterSeconds: number;
  /** Events for the memory run (0: not run). */
  memoryEvents: number;
  /** The outbox policy: the short form retries fast, the full form uses the bot's own defaults. */
  deliveryPolicy: TestBotOptions['deliveryPolicy'];
}

export const SHORT: Scale = {
  burst: 100,
  outageMs: 300,
  outageEvents: 20,
  faultEvents: 20,
  restartEvents: 10,
  retryAfterSeconds: 3600,
  memoryEvents: 0,
  deliveryPolicy: { firstRetryMs: 20, maxRetryMs: 200, giveUpAfterMs: 60_000 },
};

export const FULL: Scale = {
  burst: 400,
  outageMs: 60_000,
  outageEvents: 50,
  faultEvents: 30,
  restartEvents: 50,
  retryAfterSeconds: 2,
  memoryEvents: 10_000,
  deliveryPolicy: DEFAULT_DELIVERY_POLICY,
};

const QUESTIONS = [
  'Who warned about relying on one provider?',
  'What did Meyer say about security clearance?',
  'What is the population of Lancaster, Pennsylvania?',
];
const CHANNEL = 'C0LOAD001';

/** How many replies each question's thread received: exactly-once means every count is 1. */
export interface Delivery {
  events: number;
  /** Threads by number of replies: {1: 400} when every event was answered exactly once. */
  repliesPerThread: Record<number, number>;
}

let tsCounter = 1_700_100_000;
function nextTs(): string {
  tsCounter += 1;
  return `${tsCounter}.000100`;
}

function mentionBody(ts: string, i: number, eventId = `EvL${ts.replace('.', '')}`): string {
  return eventEnvelope(
    mentionEvent(ts, QUESTIONS[i % QUESTIONS.length] as string, { channel: CHANNEL }),
    eventId,
  );
}

function tally(standIn: SlackApiStandIn, timestamps: readonly string[]): Delivery {
  const repliesPerThread: Record<number, number> = {};
  for (const ts of timestamps) {
    const replies = standIn.postedIn(CHANNEL, ts).length;
    repliesPerThread[replies] = (repliesPerThread[replies] ?? 0) + 1;
  }
  return { events: timestamps.length, repliesPerThread };
}

async function bot(services: BotServices, scale: Scale, extra: TestBotOptions = {}): Promise<TestBot> {
  return createTestBot({ services, deliveryPolicy: scale.deliveryPolicy, keepLogs: false, ...extra });
}

/**
 * A bot under load: the in-process test bot (short form) or `whosaid serve` in its own process (full
 * form, serve-process.ts). `settle` resolves once the bot posted `posts` replies in all.
 */
export interface LoadTarget {
  url: string;
  standIn: SlackApiStandIn;
  settle(posts: number): Promise<void>;
}

export function inProcess(test: TestBot): LoadTarget {
  return {
    url: test.url,
    standIn: test.standIn,
    settle: async () => {
      await test.bot.idle();
      await test.bot.delivered();
    },
  };
}

export function ofProcess(serve: ServeProcess): LoadTarget {
  return { url: serve.url, standIn: serve.standIn, settle: (posts) => postsReach(serve.standIn, posts) };
}

/** Another process posts on its own schedule: wait (polling the stand-in's counter) until it did. */
async function postsReach(standIn: SlackApiStandIn, posts: number): Promise<void> {
  while ((standIn.counts.get('chat.postMessage') ?? 0) < posts)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

function postCount(target: LoadTarget): number {
  return target.standIn.counts.get('chat.postMessage') ?? 0;
}

/**
 * N mentions at the same instant (sent from a worker thread): every one acknowledged and answered
 * exactly once. A first burst warms the bot up (JIT, connections), as a running bot is; the second is
 * the one measured. `probe` (a bot in its own process) reports the CPU the bot used up to each
 * burst's last acknowledgement.
 */
export async function burst(target: LoadTarget, scale: Scale, probe?: () => Promise<Probe>) {
  target.standIn.recordCalls = false;
  const once = async () => {
    const timestamps = Array.from({ length: scale.burst }, nextTs);
    const before = await probe?.();
    const expected = postCount(target) + scale.burst;
    const acks = await sendAllAtOnce(
      target.url,
      timestamps.map((ts, i) => mentionBody(ts, i)),
    );
    const after = await probe?.();
    await target.settle(expected);
    const ackCpuMs = before && after ? after.cpuAtLastResponseMs - before.cpuMs : undefined;
    return { ...tally(target.standIn, timestamps), acks, ackCpuMs };
  };
  const warmUp = await once();
  const measured = await once();
  return { ...measured, warmUp };
}

/**
 * N mentions delivered at the same instant over Socket Mode (one write of N envelopes), to a bot in
 * its own process: each acknowledged (timed from the write to its ack) and answered exactly once.
 * Measured after a first burst of the same size that warms the bot up, as `burst` does.
 */
export async function socketBurst(serve: ServeProcess, scale: Scale) {
  const { socket } = serve;
  if (!socket) throw new Error('socketBurst needs whosaid serve in Socket Mode');
  const target = ofProcess(serve);
  const once = async () => {
    const timestamps = Array.from({ length: scale.burst }, nextTs);
    const expected = postCount(target) + scale.burst;
    const ackMs = await socket.deliverBurst(
      timestamps.map((ts, i) => ({ envelope_id: `env-${ts}`, payload: JSON.parse(mentionBody(ts, i)) })),
    );
    await target.settle(expected);
    return { ...tally(target.standIn, timestamps), ackMs };
  };
  const warmUp = await once();
  const measured = await once();
  return { ...measured, warmUp };
}

/**
 * A /quote of 3,000 characters of names (the input that once froze the bot for 17 s), followed at
 * once by a mention, sent when the /quote's acknowledgement arrived, so it meets the /quote's work
 * under way: the mention's acknowledgement must not wait for that work. Both are answered.
 */
export async function quoteThenMention(target: LoadTarget) {
  const names = 'Dan Meyer told Walter Isaacson that Mayor Ortiz and Elon Musk said ';
  const text = names.repeat(Math.ceil(3000 / names.length)).slice(0, 3000);
  const responseId = `load-quote-${nextTs()}`;
  const ts = nextTs();
  const expected = postCount(target) + 1;
  const [quoteAck, mentionAck] = await sendAllAtOnce(target.url, [
    {
      body: commandBody({
        command: '/quote',
        text,
        user_id: 'UASKER01',
        user_name: 'asker',
        channel_id: CHANNEL,
        response_url: target.standIn.responseUrl(responseId),
        trigger_id: '1.2',
      }),
      contentType: FORM,
    },
    { body: mentionBody(ts, 0), after: 0 },
  ]);
  await target.settle(expected);
  // Two replies reach the response_url: the note that the query was cut (input-limits.ts), then the quotes.
  const quoteReplies = () => target.standIn.responses.filter((response) => response.id === responseId).length;
  while (quoteReplies() < 2) await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    quoteAck: quoteAck as Ack,
    mentionAck: mentionAck as Ack,
    mention: tally(target.standIn, [ts]),
    quoteReplies: quoteReplies(),
  };
}

/** The Web API unreachable for `outageMs` while events arrive: nothing lost, nothing doubled. */
export async function outage(services: BotServices, scale: Scale) {
  const test = await bot(services, scale);
  try {
    test.standIn.down = true;
    const timestamps = Array.from({ length: scale.outageEvents }, nextTs);
    await Promise.all(timestamps.map((ts, i) => sendToApp(test.url, mentionBody(ts, i))));
    await test.bot.idle();
    const postedDuringOutage = tally(test.standIn, timestamps).repliesPerThread[0] ?? 0;
    await new Promise((resolve) => setTimeout(resolve, scale.outageMs));
    test.standIn.down = false;
    const back = performance.now();
    await test.bot.delivered();
    return {
      ...tally(test.standIn, timestamps),
      unansweredDuringOutage: postedDuringOutage,
      recoveryMs: performance.now() - back,
    };
  } finally {
    await test.stop();
  }
}

/** Every first post stored by Slack and then answered HTTP 500: nothing doubled. */
export async function serverErrorsAfterStore(services: BotServices, scale: Scale) {
  const test = await bot(services, scale);
  try {
    test.standIn.fail('chat.postMessage', 'http500-after-store', scale.faultEvents);
    const timestamps = Array.from({ length: scale.faultEvents }, nextTs);
    await Promise.all(timestamps.map((ts, i) => sendToApp(test.url, mentionBody(ts, i))));
    await test.bot.idle();
    await test.bot.delivered();
    return { ...tally(test.standIn, timestamps), posts: test.standIn.counts.get('chat.postMessage') ?? 0 };
  } finally {
    await test.stop();
  }
}

/**
 * chat.postMessage rate-limited (a 429 with Retry-After `scale.retryAfterSeconds`) while the Home tab
 * is opened ten times: views.publish must not be held back by another method's limit. Returns how
 * many Home tabs were published before the limited post's retry went out, and how many replies
 * waited in the outbox once the limit was known. With an hour's Retry-After (the short form) no retry
 * can come during the test, so "published before the retry" is a count that does not depend on how
 * fast the machine is: a limit shared by all methods would hold every Home tab for the hour. The
 * replies then wait in the outbox (nothing lost); the full form waits the real Retry-After and checks
 * every reply was then posted once.
 */
export async function rateLimitOnOneMethod(services: BotServices, scale: Scale) {
  const test = await bot(services, scale);
  try {
    test.standIn.retryAfterSeconds = scale.retryAfterSeconds;
    test.standIn.fail('chat.postMessage', 'ratelimited', 1);
    const timestamps = Array.from({ length: scale.faultEvents }, nextTs);
    await Promise.all(timestamps.map((ts, i) => sendToApp(test.url, mentionBody(ts, i))));
    // Every answer computed and handed to the outbox; nothing due now (the limited ones wait).
    await test.bot.idle();
    const waitingAfterLimit = (await test.state.outbox()).length;
    const homes = 10;
    await Promise.all(
      Array.from({ length: homes }, (_, i) =>
        sendToApp(
          test.url,
          eventEnvelope({
            type: 'app_home_opened',
            user: `UHOME${i}`,
            channel: 'D0HOME',
            tab: 'home',
            event_ts: '1.1',
          }),
        ),
      ),
    );
    await test.bot.idle();
    if (scale.retryAfterSeconds < 60) await test.bot.delivered();
    const methods = test.standIn.calls.map((call) => call.method);
    const limited = methods.indexOf('chat.postMessage');
    // The limited reply's retry: the first post of its thread after the 429 (none yet: the end).
    const retriedAt = methods.findIndex(
      (method, i) => i > limited && method === 'chat.postMessage' && isRetryOf(test, limited, i),
    );
    const retried = retriedAt < 0 ? methods.length : retriedAt;
    const publishedBeforeRetry = methods.filter(
      (method, i) => method === 'views.publish' && i > limited && i < retried,
    ).length;
    const published = methods.filter((method) => method === 'views.publish').length;
    return {
      ...tally(test.standIn, timestamps),
      homes,
      published,
      publishedBeforeRetry,
      waitingAfterLimit,
      waitingAtEnd: (await test.state.outbox()).length,
    };
  } finally {
    await test.stop();
  }
}

function isRetryOf(test: TestBot, first: number, later: number): boolean {
  return test.standIn.calls[first]?.args.thread_ts === test.standIn.calls[later]?.args.thread_ts;
}

/** Events answered, the bot restarted over the same state, Slack's retries of them: one answer each. */
export async function restartBetweenEventAndRetry(services: BotServices, scale: Scale) {
  const standIn = await SlackApiStandIn.start();
  const stateDir = await tempDir('whosaid-load-state-');
  try {
    const timestamps = Array.from({ length: scale.restartEvents }, nextTs);
    const first = await bot(services, scale, { standIn, stateDir });
    await Promise.all(timestamps.map((ts, i) => sendToApp(first.url, mentionBody(ts, i))));
    await first.bot.idle();
    await first.bot.delivered();
    await first.stop();
    const second = await bot(services, scale, { standIn, stateDir });
    try {
      await Promise.all(
        timestamps.map((ts, i) => sendToApp(second.url, mentionBody(ts, i), { retryNum: 1 })),
      );
      await second.bot.idle();
      await second.bot.delivered();
    } finally {
      await second.stop();
    }
    return tally(standIn, timestamps);
  } finally {
    await standIn.close();
  }
}

/**
 * The bot's memory (after a full GC, reported from inside its process) after a warm-up of 200 events
 * and after every 1,000 of `memoryEvents` more, sent in bursts of 100.
 */
export async function memoryOverEvents(serve: ServeProcess, scale: Scale) {
  const target = ofProcess(serve);
  const run = async (count: number) => {
    const timestamps: string[] = [];
    for (let done = 0; done < count; done += 100) {
      const batch = Array.from({ length: Math.min(100, count - done) }, nextTs);
      timestamps.push(...batch);
      const expected = postCount(target) + batch.length;
      await sendAllAtOnce(
        target.url,
        batch.map((ts, i) => mentionBody(ts, i)),
      );
      await target.settle(expected);
    }
    return timestamps;
  };
  await run(200);
  const start = await serve.probe();
  const samples: Probe[] = [];
  const timestamps: string[] = [];
  for (let done = 0; done < scale.memoryEvents; done += 1000) {
    timestamps.push(...(await run(Math.min(1000, scale.memoryEvents - done))));
    samples.push(await serve.probe());
  }
  return { ...tally(target.standIn, timestamps), start, samples, end: samples.at(-1) ?? start };
}
