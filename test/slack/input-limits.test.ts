import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BotServices } from '../../src/bot-services.js';
import { cutToLength, INPUT_LIMITS } from '../../src/slack/input-limits.js';
import { questionText } from '../../src/slack/question-text.js';
import { medianTime } from '../support/median-time.js';
import { BOT_USER_ID } from '../support/slack-api-stand-in.js';
import { mentionEvent } from '../support/slack-events.js';
import { commandBody, FORM } from '../support/slack-signed-requests.js';
import { realServices, startTestBot, type TestBot } from '../support/slack-test-bot.js';

const real = await realServices();

/** The real services, recording the length of every question and /quote query the core was given. */
function recording(): { services: BotServices; lengths: number[] } {
  const lengths: number[] = [];
  return {
    lengths,
    services: {
      ...real,
      ask: (question, options) => {
        lengths.push(question.length);
        return real.ask(question, options);
      },
      findQuotes: (query) => {
        lengths.push(query.length);
        return real.findQuotes(query);
      },
    },
  };
}

const words = (length: number) =>
  'Who warned about relying on one provider Meyer Nelson Reed '
    .repeat(Math.ceil(length / 58))
    .slice(0, length);

let mentions = 0;
function mention(test: TestBot, text: string) {
  mentions += 1;
  return test.event(mentionEvent(`17000200${String(mentions).padStart(2, '0')}.000100`, text));
}

function quote(test: TestBot, text: string) {
  return test.send(
    commandBody({
      command: '/quote',
      text,
      user_id: 'UASKER01',
      channel_id: 'C0NEWS001',
      response_url: test.standIn.responseUrl('command'),
    }),
    { contentType: FORM },
  );
}

const median5 = (run: () => unknown) => medianTime(run, 5);

describe('What one long message can cost', () => {
  it('reads a 40,000-character mention up to the documented limit and says so politely', async () => {
    const { services, lengths } = recording();
    const test = await startTestBot({ services });
    await mention(test, words(40_000));
    assert.ok(lengths.length > 0 && lengths.every((length) => length <= INPUT_LIMITS.question), `${lengths}`);
    const notes = test.standIn.callsTo('chat.postEphemeral').map((call) => String(call.args.text));
    assert.ok(
      notes.some((text) => /read only its first 2,000 characters/.test(text)),
      notes.join('\n'),
    );
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1, 'and answers it');
    assert.deepEqual(test.errors(), []);
  });

  it('looks up only the first part of a 3,000-character /quote, with a note', async () => {
    const { services, lengths } = recording();
    const test = await startTestBot({ services });
    assert.equal((await quote(test, words(3000))).status, 200);
    assert.ok(
      lengths.length > 0 && lengths.every((length) => length <= INPUT_LIMITS.quoteQuery),
      `${lengths}`,
    );
    assert.match(String(test.standIn.responses[0]?.body.text), /looked up only its first 500 characters/);
    assert.equal(test.standIn.responses.length, 2, 'the note, then the results');
    assert.deepEqual(test.errors(), []);
  });

  // Ratios between sizes, not timings: past the limit, more input must cost (almost) nothing more. Both
  // sides are over the limit, so both take the same path (cut, note, answer) and only the length differs.
  it('costs about the same for a mention or /quote of 20 times the limit as for one just over it', {
    timeout: 60_000,
  }, async (t) => {
    const test = await startTestBot({ services: real });
    await mention(test, words(200));
    const justOver = Math.round(INPUT_LIMITS.question * 1.05);
    const atLimit = await median5(() => mention(test, words(justOver)));
    const far = await median5(() => mention(test, words(justOver * 20)));
    t.diagnostic(`mention: ${atLimit.toFixed(1)} ms → ${far.toFixed(1)} ms; /quote measured next`);
    assert.ok(far < Math.max(atLimit, 20) * 3, `mention: ${atLimit.toFixed(1)} ms → ${far.toFixed(1)} ms`);
    const quoteJustOver = Math.round(INPUT_LIMITS.quoteQuery * 1.05);
    const quoteAtLimit = await median5(() => quote(test, words(quoteJustOver)));
    const quoteFar = await median5(() => quote(test, words(quoteJustOver * 6)));
    assert.ok(
      quoteFar < Math.max(quoteAtLimit, 20) * 3,
      `/quote: ${quoteAtLimit.toFixed(1)} ms → ${quoteFar.toFixed(1)} ms`,
    );
  });

  it('reads each thread message up to the documented limit when summarizing, with a note', async () => {
    const lengths: number[] = [];
    const test = await startTestBot({
      services: {
        ...real,
        summarize: (thread) => {
          lengths.push(...thread.messages.map((message) => message.text?.length ?? 0));
          return real.summarize(thread);
        },
      },
    });
    const root = '1700020500.000100';
    test.standIn.addThread('C0NEWS001', root, [
      { ts: root, user: 'UASKER01', text: 'Should we cover the Meyer story?' },
      { ts: '1700020500.000200', user: 'U0BEN0001', text: words(10_000), thread_ts: root },
    ]);
    await test.event(mentionEvent('1700020500.000300', 'summarize', { thread_ts: root }));
    assert.deepEqual(lengths.length, 2);
    assert.ok(
      lengths.every((length) => length <= INPUT_LIMITS.threadMessage),
      `${lengths}`,
    );
    const notes = test.standIn.callsTo('chat.postEphemeral').map((call) => String(call.args.text));
    assert.ok(
      notes.some((text) => /One message in this thread is very long/.test(text)),
      notes.join('\n'),
    );
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 1, 'and posts the summary');
    assert.deepEqual(test.errors(), []);
  });

  it('reads Slack markup in linear time, even 40,000 unclosed brackets', async () => {
    for (const unit of ['<', '<@U1|', '<a|']) {
      const small = unit.repeat(4000 / unit.length);
      const large = unit.repeat(40_000 / unit.length);
      const smallTime = await median5(() => questionText(small, BOT_USER_ID));
      const largeTime = await median5(() => questionText(large, BOT_USER_ID));
      // 10× the input: linear is ~10×, quadratic ~100×.
      assert.ok(largeTime < Math.max(smallTime, 0.5) * 30, `${unit}: ${smallTime} ms → ${largeTime} ms`);
    }
  });

  it('cuts at a space near the limit, never in a word', () => {
    assert.deepEqual(cutToLength('short', 10), { text: 'short', cut: false });
    assert.deepEqual(cutToLength('alpha beta gamma', 12), { text: 'alpha beta', cut: true });
    assert.deepEqual(cutToLength('x'.repeat(20), 8), { text: 'x'.repeat(8), cut: true });
  });
});
