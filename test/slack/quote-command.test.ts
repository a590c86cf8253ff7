import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResponsePost } from '../support/slack-api-stand-in.js';
import { blockText, elementsOfType } from '../support/slack-blocks.js';
import { blockActionsBody, commandBody, FORM } from '../support/slack-signed-requests.js';
import { realServices, startTestBot, type TestBot } from '../support/slack-test-bot.js';

const services = await realServices();

async function quote(test: TestBot, text: string): Promise<ResponsePost> {
  const response = await test.send(
    commandBody({
      command: '/quote',
      text,
      user_id: 'UASKER01',
      user_name: 'asker',
      channel_id: 'C0NEWS001',
      response_url: test.standIn.responseUrl('command'),
      trigger_id: '1.2',
    }),
    { contentType: FORM },
  );
  assert.equal(response.status, 200);
  assert.equal(response.body, '', 'acknowledged at once, answered through the response_url');
  const reply = test.standIn.responses.at(-1);
  assert.ok(reply, 'a reply was posted to the response_url');
  return reply;
}

async function click(test: TestBot, button: Record<string, unknown>, responseId: string): Promise<void> {
  const response = await test.send(
    blockActionsBody({
      user: { id: 'UASKER01', username: 'asker' },
      container: {
        type: 'message',
        message_ts: '1700000200.000100',
        channel_id: 'C0NEWS001',
        is_ephemeral: true,
      },
      response_url: test.standIn.responseUrl(responseId),
      actions: [
        {
          type: 'button',
          action_id: button.action_id,
          block_id: 'b',
          value: button.value,
          action_ts: '1.1',
          text: button.text,
        },
      ],
    }),
    { contentType: FORM },
  );
  assert.equal(response.status, 200);
}

function buttons(reply: ResponsePost): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    elementsOfType(reply.body.blocks, 'button').map((button) => [String(button.action_id), button]),
  );
}

describe('/quote', () => {
  it('finds quotes by a speaker, privately, restating the query, five at a time with speaker, role, text and source', async () => {
    const test = await startTestBot({ services });
    const reply = await quote(test, 'meyer');
    assert.equal(reply.body.response_type, 'ephemeral');
    const shown = blockText(reply.body.blocks);
    const expected = (await services.findQuotes('meyer')).hits;
    assert.ok(expected.length > 5, 'the corpus has more than one page of Meyer quotes');
    assert.match(shown, new RegExp(`^Quotes by \\*Dan Meyer\\* — 1–5 of ${expected.length}`));
    assert.equal(shown.match(/^\*Dan Meyer\*, national security attorney$/gm)?.length, 5);
    const first = expected[0]?.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') ?? '';
    assert.ok(shown.includes(first.slice(0, 80)), 'the quote is verbatim');
    assert.match(shown, /Axios, 2024-10-27 · ¶\d+/);
    assert.deepEqual(Object.keys(buttons(reply)).sort(), ['quote_more', 'quote_share']);
  });

  it('finds quotes about a topic', async () => {
    const test = await startTestBot({ services });
    const shown = blockText((await quote(test, 'security clearance')).body.blocks);
    assert.match(shown, /^Quotes about “security clearance” — 1–\d of \d+/);
    assert.match(shown, /clearance/i);
  });

  it('explains the usage when the query is empty', async () => {
    const test = await startTestBot({ services });
    const reply = await quote(test, '   ');
    assert.equal(reply.body.response_type, 'ephemeral');
    assert.match(blockText(reply.body.blocks), /Usage:\* `\/quote SPEAKER` or `\/quote TOPIC`/);
  });

  it('says plainly when nothing matches, with suggestions', async () => {
    const test = await startTestBot({ services });
    const reply = await quote(test, 'Meyerson');
    const shown = blockText(reply.body.blocks);
    if ((await services.findQuotes('Meyerson')).hits.length > 0)
      assert.fail('the fixture query must match nothing');
    assert.match(shown, /^No quotes found for “Meyerson”\./);
    assert.match(shown, /Did you mean \*Dan Meyer\*/);
    assert.deepEqual(buttons(reply), {});
    const none = blockText((await quote(test, 'zebra migration')).body.blocks);
    assert.match(none, /^No quotes found for “zebra migration”\./);
  });

  it('"Show more" replaces the private reply with the next page', async () => {
    const test = await startTestBot({ services });
    const first = await quote(test, 'meyer');
    await click(test, buttons(first).quote_more ?? {}, 'more');
    const next = test.standIn.responses.find((response) => response.id === 'more');
    assert.equal(next?.body.replace_original, true);
    assert.equal(next?.body.response_type, 'ephemeral');
    assert.match(blockText(next?.body.blocks), /^Quotes by \*Dan Meyer\* — 6–/);
  });

  it('"Share in channel" posts the page for everyone, crediting who shared it, and removes the private copy', async () => {
    const test = await startTestBot({ services });
    const first = await quote(test, 'meyer');
    await click(test, buttons(first).quote_share ?? {}, 'share');
    const [shared, removed] = test.standIn.responses.filter((response) => response.id === 'share');
    assert.equal(shared?.body.response_type, 'in_channel');
    const shown = blockText(shared?.body.blocks);
    assert.match(shown, /^Quotes by \*Dan Meyer\*/);
    assert.match(shown, /Shared by <@UASKER01>/);
    assert.equal(elementsOfType(shared?.body.blocks, 'button').length, 0, 'no buttons in the shared copy');
    assert.equal(removed?.body.delete_original, true);
  });
});
