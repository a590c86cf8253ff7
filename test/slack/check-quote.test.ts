import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEAM_ID } from '../support/slack-api-stand-in.js';
import { blockText, postedText } from '../support/slack-blocks.js';
import { mentionEvent } from '../support/slack-events.js';
import { commandBody, FORM, interactionBody } from '../support/slack-signed-requests.js';
import { realServices, startTestBot, type TestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const MISQUOTE = 'this is why you don’t let yourself get into a position where there’s only one provider';

function checkShortcut(test: TestBot, text: string) {
  return test.send(
    interactionBody({
      type: 'message_action',
      callback_id: 'check_quote',
      trigger_id: '1.2.3',
      action_ts: '1700001000.1',
      message_ts: '1700000990.000100',
      response_url: test.standIn.responseUrl('check'),
      message: { type: 'message', ts: '1700000990.000100', user: 'U0POSTER1', text },
      user: { id: 'U0ASKER01', name: 'asker', team_id: TEAM_ID },
      channel: { id: 'C0NEWS001', name: 'news' },
      team: { id: TEAM_ID, domain: 'whosaid-test' },
      token: 'unused',
    }),
    { contentType: FORM },
  );
}

describe('checking a quote from Slack', () => {
  it('the Check quote shortcut judges the quotation in a message, privately, naming who really said it', async () => {
    const test = await startTestBot({ services });
    const response = await checkShortcut(test, `Draft line: Nelson said “${MISQUOTE}.” Can we run it?`);
    assert.equal(response.status, 200);
    const reply = test.standIn.responses.at(-1);
    assert.ok(reply, 'a reply went to the response_url');
    assert.equal(reply.body.response_type, 'ephemeral');
    const shown = blockText(reply.body.blocks);
    assert.match(shown, /Misattributed/);
    assert.match(shown, /Dan Meyer, not Nelson/);
    assert.match(shown, /only one provider of the service/, 'the original is quoted verbatim');
  });

  it('the shortcut on a message without a quotation says how to use it', async () => {
    const test = await startTestBot({ services });
    await checkShortcut(test, 'Has anyone read the Axios piece?');
    assert.match(blockText(test.standIn.responses.at(-1)?.body.blocks), /I check quotations in quote marks/);
  });

  it('/quote check shows an altered quotation as a word diff', async () => {
    const test = await startTestBot({ services });
    const response = await test.send(
      commandBody({
        command: '/quote',
        text: 'check Isaacson "no other company has been able to make reusable rockets"',
        user_id: 'U0ASKER01',
        user_name: 'asker',
        channel_id: 'C0NEWS001',
        response_url: test.standIn.responseUrl('command'),
        trigger_id: '1.2',
      }),
      { contentType: FORM },
    );
    assert.equal(response.status, 200);
    const shown = blockText(test.standIn.responses.at(-1)?.body.blocks);
    assert.match(shown, /Altered/);
    assert.match(shown, /\{\+has\+\}/);
  });

  it('a mention asking "did X say …" gets the verdict in the thread', async () => {
    const test = await startTestBot({ services });
    await test.event(mentionEvent('1700001100.000100', `<@UBOT0001> did Nelson say "${MISQUOTE}"?`));
    const shown = postedText(test.standIn.callsTo('chat.postMessage'));
    assert.match(shown, /Misattributed/);
    assert.match(shown, /Dan Meyer/);
  });
});
