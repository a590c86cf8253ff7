import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BotServices } from '../../src/bot-services.js';
import { TEAM_ID } from '../support/slack-api-stand-in.js';
import { elementsOfType, postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const QUESTION = 'Who warned about relying on one provider?';
/** Three pieces of "generated" text, each longer than the SDK's 256-character stream buffer. */
const PIECES = [1, 2, 3].map(
  (n) =>
    `Part ${n}: Dan Meyer warned that relying on a single provider is risky [1]. ${'More detail follows here. '.repeat(11)}`,
);

/** The real services with a hand-written askStream that streams the pieces, then returns a real answer with them as its text. */
function streamingServices(): BotServices {
  return {
    ...services,
    askStream: async (question, onText) => {
      const answer = await services.ask(question);
      for (const piece of PIECES) await onText(piece);
      return { ...answer, answer: PIECES.join(''), mode: 'generated' };
    },
  };
}

function mention(ts: string) {
  return mentionEvent(ts, QUESTION);
}

function streamedText(calls: { args: Record<string, unknown> }[]): string {
  return calls
    .flatMap(
      (call) =>
        (Array.isArray(call.args.chunks) ? call.args.chunks : []) as { type: string; text?: string }[],
    )
    .map((chunk) => chunk.text ?? '')
    .join('');
}

describe('Ask with a streaming answer', () => {
  it('streams the answer into the thread, then closes the message with sources and feedback buttons', async () => {
    const test = await startTestBot({ services: streamingServices() });
    await test.event(mention('1700000101.000100'));
    const streamCalls = test.standIn.calls.filter(
      (call) => call.method.startsWith('chat.') && call.method.endsWith('Stream'),
    );
    assert.deepEqual(
      streamCalls.map((call) => call.method),
      ['chat.startStream', 'chat.appendStream', 'chat.appendStream', 'chat.stopStream'],
    );
    const [start] = streamCalls;
    assert.equal(start?.args.thread_ts, '1700000101.000100');
    assert.equal(start?.args.recipient_user_id, 'UASKER01');
    assert.equal(start?.args.recipient_team_id, TEAM_ID);
    assert.equal(streamedText(streamCalls), PIECES.join(''), 'every piece arrives once, in order');
    const stop = streamCalls.at(-1);
    assert.match(postedText([stop as never]), /\*Sources\*\n\*\[1\]\*/);
    assert.equal(elementsOfType(stop?.args.blocks, 'feedback_buttons').length, 1);
    // The streamed message records the passages it cites, for follow-ups such as "which article was that?".
    const metadata = stop?.args.metadata as { event_type: string; event_payload: { sources: unknown[] } };
    assert.equal(metadata.event_type, 'whosaid_answer');
    assert.ok(metadata.event_payload.sources.length > 0);
    assert.equal(test.standIn.callsTo('chat.postMessage').length, 0, 'no second copy of the answer');
  });

  it('falls back to one ordinary message when Slack refuses to stream', async () => {
    const test = await startTestBot({ services: streamingServices() });
    test.standIn.fail('chat.startStream', 'unknown_method');
    await test.event(mention('1700000102.000100'));
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.equal(posts.length, 1);
    assert.match(postedText(posts), /Part 1: Dan Meyer warned[\s\S]*Part 3:/);
    assert.equal(elementsOfType(posts[0]?.args.blocks, 'feedback_buttons').length, 1);
    assert.ok(test.logs.some((line) => /streaming failed/.test(line.msg)));
    assert.deepEqual(test.errors(), []);
  });

  it('replaces the streamed text when the final answer differs (e.g. generation failed and the passages are shown)', async () => {
    const fallback: BotServices = {
      ...services,
      askStream: async (question, onText) => {
        for (const piece of PIECES.slice(0, 2)) await onText(piece);
        const answer = await services.ask(question);
        return { ...answer, notes: ['The language model failed; showing the best passages instead.'] };
      },
    };
    const test = await startTestBot({ services: fallback });
    await test.event(mention('1700000103.000100'));
    const [started] = test.standIn.callsTo('chat.startStream');
    const [deleted] = test.standIn.callsTo('chat.delete');
    assert.ok(started && deleted, 'the partial stream was started, then removed');
    assert.equal(test.standIn.callsTo('chat.stopStream').length, 0);
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.equal(posts.length, 1);
    const shown = postedText(posts);
    assert.ok(!shown.includes('Part 1:'), 'the unverified streamed text is gone');
    assert.match(shown, /Dan Meyer[\s\S]*The language model failed; showing the best passages instead\./);
  });
});
