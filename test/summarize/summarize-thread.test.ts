import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readableSlackText, readableThread } from '../../src/slack/slack-text.js';
import { summarizeThread } from '../../src/summarize/summarize-thread.js';
import type { ThreadMessage } from '../../src/summarize/types.js';

const thread = JSON.parse(readFileSync('test/fixtures/thread-replies.json', 'utf8')) as {
  messages: ThreadMessage[];
};

describe('extractive thread summary', () => {
  it('credits every point to the author of the message it comes from, verbatim', () => {
    const summary = summarizeThread(readableThread({ messages: thread.messages, botUserId: 'U0WHOSAID' }));
    const byTs = new Map(thread.messages.map((message) => [message.ts, message]));
    for (const participant of summary.participants) {
      for (const point of participant.points) {
        const message = byTs.get(point.ts);
        assert.equal(
          message?.user,
          participant.user,
          `"${point.text}" is from ${participant.name}'s own message`,
        );
        assert.ok(
          readableSlackText(message?.text ?? '', { U01ANA: 'Ana Ortiz', U02BEN: 'Ben Walsh' }).includes(
            point.text,
          ),
        );
      }
    }
    assert.equal(summary.messageCount, 7, 'the bot message and the channel join are left out');
  });

  it('states the decisions and who made them', () => {
    const summary = summarizeThread(readableThread({ messages: thread.messages }));
    assert.match(
      summary.summary,
      /^3 people, 7 messages\. Ana Ortiz started with: “The SpaceX contracts story is moving fast\.”/,
    );
    assert.match(
      summary.summary,
      /Decisions and commitments: Ana Ortiz: “[^”]*Let's decide: Ben writes the follow-up/,
    );
    assert.match(
      summary.summary,
      /Carla Novak: “I'll have the numbers by Wednesday noon & will flag anything odd\.”/,
    );
  });

  it('prefers names it is given over profile names, and resolves mentions in the text', () => {
    const summary = summarizeThread(
      readableThread({ messages: thread.messages, names: { U02BEN: 'Benjamin W.' } }),
    );
    assert.deepEqual(
      summary.participants.map((participant) => participant.name),
      ['Ana Ortiz', 'Benjamin W.', 'Carla Novak'],
    );
    const points = summary.participants.flatMap((participant) =>
      participant.points.map((point) => point.text),
    );
    assert.ok(
      points.every((point) => !point.includes('<@')),
      'mentions are shown as names',
    );
  });

  it('says so when there is nothing from people to summarize', () => {
    const summary = summarizeThread(
      readableThread({ messages: [{ ts: '1.0', bot_id: 'B1', text: 'bot only' }] }),
    );
    assert.equal(summary.participants.length, 0);
    assert.match(summary.summary, /no messages from people/);
  });
});
