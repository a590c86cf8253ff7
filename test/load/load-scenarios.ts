import type { BotServices } from '../../src/bot-services.js';
import { DEFAULT_DELIVERY_POLICY } from '../../src/slack/delivery/delivery-policy.js';
import { SlackApiStandIn } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { eventEnvelope, sendToApp } from '../support/slack-signed-requests.js';
import { createTestBot, type TestBot, type TestBotOptions } from '../support/slack-test-bot.js';
import { tempDir } from '../support/temp-dir.js';
import { sendAllAtOnce } from './burst-sender.js';

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
  memoryEvents: 0,
  deliveryPolicy: { firstRetryMs: 20, maxRetryMs: 200, giveUpAfterMs: 60_000 },
};

export const FULL: Scale = {
  burst: 400,
  outageMs: 60_000,
  outageEvents: 50,
  faultEvents: 30,
  restartEvents: 50,
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
 * N mentions at the same instant (sent from a worker thread): every one acknowledged and answered
 * exactly once. A first burst warms the bot up (JIT, connections), as a running bot is; the second is
 * the one measured.
 */
export async function burst(services: BotServices, scale: Scale) {
  const test = await bot(services, scale);
  try {
    test.standIn.recordCalls = false;
    const once = async () => {
      const timestamps = Array.from({ length: scale.burst }, nextTs);
      const acks = await sendAllAtOnce(
        test.url,
        timestamps.map((ts, i) => mentionBody(ts, i)),
      );
      await test.bot.idle();
      await test.bot.delivered();
      return { ...tally(test.standIn, timestamps), acks };
    };
    const warmUp = await once();
    const measured = await once();
    return { ...measured, warmUp };
  } finally {
    await test.stop();
  }
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
 * chat.postMessage rate-limited (Retry-After 2 s) while the Home tab is opened: views.publish is not
 * held back by another method's limit. Returns how many Home tabs were published before the
 * rate-limited post's retry went out (all of them, unless a 429 on one method stalls the others).
 */
export async function rateLimitOnOneMethod(services: BotServices, scale: Scale) {
  const test = await bot(services, scale);
  try {
    test.standIn.retryAfterSeconds = 2;
    test.standIn.fail('chat.postMessage', 'ratelimited', 1);
    const timestamps = Array.from({ length: scale.faultEvents }, nextTs);
    await Promise.all(timestamps.map((ts, i) => sendToApp(test.url, mentionBody(ts, i))));
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
    await test.bot.delivered();
    const methods = test.standIn.calls.map((call) => call.method);
    const limited = methods.indexOf('chat.postMessage');
    // The limited reply's retry: the first post of its thread after the 429.
    const retried = methods.findIndex(
      (method, i) => i > limited && method === 'chat.postMessage' && isRetryOf(test, limited, i),
    );
    const publishedBeforeRetry = methods.filter(
      (method, i) => method === 'views.publish' && i < retried,
    ).length;
    const published = methods.filter((method) => method === 'views.publish').length;
    return { ...tally(test.standIn, timestamps), homes, published, publishedBeforeRetry };
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

/** Resident memory before and after `memoryEvents` events (in bursts of 100), after a warm-up. */
export async function memoryOverEvents(services: BotServices, scale: Scale) {
  const test = await bot(services, scale);
  try {
    test.standIn.recordCalls = false;
    const run = async (count: number) => {
      const timestamps: string[] = [];
      for (let done = 0; done < count; done += 100) {
        const batch = Array.from({ length: Math.min(100, count - done) }, nextTs);
        timestamps.push(...batch);
        await Promise.all(batch.map((ts, i) => sendToApp(test.url, mentionBody(ts, i))));
        await test.bot.idle();
        await test.bot.delivered();
      }
      return timestamps;
    };
    await run(200);
    const start = memoryMb();
    const timestamps = await run(scale.memoryEvents);
    const end = memoryMb();
    return { ...tally(test.standIn, timestamps), start, end };
  } finally {
    await test.stop();
  }
}

/** Resident memory and the JS heap in use, after a full GC when the process allows it (--expose-gc). */
function memoryMb(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return { rss: mb(rss), heap: mb(heapUsed) };
}
