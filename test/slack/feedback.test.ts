import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOT_USER_ID } from '../support/slack-api-stand-in.js';
import { feedbackButtonValue } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { blockActionsBody, FORM } from '../support/slack-signed-requests.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

const services = await realServices();

const mention = mentionEvent;

describe('Answer feedback', () => {
  it('records a feedback click and acknowledges it privately in the thread', async () => {
    const test = await startTestBot({ services });
    await test.event(mention('1700000009.000100', 'Who warned about relying on one provider?'));
    const answerTs = '1700000009.000900';
    // The click sends back the value of the button the answer was posted with.
    const value = feedbackButtonValue(
      test.standIn.callsTo('chat.postMessage').at(-1)?.args.blocks,
      'negative',
    );
    assert.ok(value.length <= 2000);
    const response = await test.send(
      blockActionsBody({
        user: { id: 'UASKER02', username: 'reader' },
        container: {
          type: 'message',
          message_ts: answerTs,
          channel_id: 'C0NEWS001',
          is_ephemeral: false,
          thread_ts: '1700000009.000100',
        },
        message: {
          type: 'message',
          ts: answerTs,
          thread_ts: '1700000009.000100',
          user: BOT_USER_ID,
          text: 'answer',
        },
        response_url: test.standIn.responseUrl('feedback'),
        actions: [
          {
            type: 'feedback_buttons',
            action_id: 'answer_feedback',
            block_id: 'b1',
            value,
            action_ts: '1700000010.1',
            text: { type: 'plain_text', text: 'Not helpful' },
          },
        ],
      }),
      { contentType: FORM },
    );
    assert.equal(response.status, 200);
    assert.deepEqual(
      test.feedback.map(({ value, user, team, question, citations, channel, messageTs, threadTs }) => ({
        value,
        user,
        team,
        question,
        // The passage the answer leads with first: the rest follow in the order the answer cites them.
        firstCited: citations?.[0],
        channel,
        messageTs,
        threadTs,
      })),
      [
        {
          value: 'not_helpful',
          user: 'UASKER02',
          team: 'T0TEST001',
          question: 'Who warned about relying on one provider?',
          firstCited: { doc: 'corpus/axios-musk-putin-spacex.md', paragraph: 11 },
          channel: 'C0NEWS001',
          messageTs: answerTs,
          threadTs: '1700000009.000100',
        },
      ],
    );
    const [thanks] = test.standIn.callsTo('chat.postEphemeral');
    assert.equal(thanks?.args.user, 'UASKER02');
    assert.equal(thanks?.args.thread_ts, '1700000009.000100');
    assert.match(String(thanks?.args.text), /feedback was recorded/);
  });
});
