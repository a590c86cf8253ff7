import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postedText } from '../support/slack-blocks.js';
import { directMessage } from '../support/slack-events.js';
import { realServices, startTestBot } from '../support/slack-test-bot.js';

// The agent messaging experience: the app's Messages tab (app_home_opened with tab "messages") and the
// questions people send there (message.im), through the real Bolt app with signed requests.
const services = await realServices();
const QUESTION = 'Who warned about relying on one provider?';

function messagesTabOpened(user: string, eventTs: string) {
  return { type: 'app_home_opened', user, channel: `D0${user.slice(1)}`, tab: 'messages', event_ts: eventTs };
}

describe('Messages tab (agent view)', () => {
  it('offers 3-4 prompts drawn from the documents, without thread_ts, once per person for a few minutes', async () => {
    const test = await startTestBot({ services });
    await test.event(messagesTabOpened('UASKER01', '1700002000.1'));
    const [call, ...more] = test.standIn.callsTo('assistant.threads.setSuggestedPrompts');
    assert.deepEqual(more, []);
    assert.equal(call?.args.channel_id, 'D0ASKER01');
    assert.equal('thread_ts' in (call?.args ?? {}), false, 'an agent app sets prompts without thread_ts');
    const prompts = call?.args.prompts as { title: string; message: string }[];
    assert.ok(prompts.length >= 3 && prompts.length <= 4);
    // Drawn from the index: the most-quoted speaker and the newest document's title, not fixed strings.
    const knowledge = services.knowledge();
    const [mostQuoted] = [...knowledge.speakers].sort((a, b) => b.quoteCount - a.quoteCount);
    assert.ok(prompts.some((prompt) => mostQuoted && prompt.message.includes(mostQuoted.name)));
    const [newest] = [...knowledge.documents].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    assert.ok(prompts.some((prompt) => newest && prompt.message === `Summarize “${newest.title}”`));
    for (const prompt of prompts) {
      assert.ok(prompt.title.length <= 60, prompt.title);
      assert.equal((await services.ask(prompt.message)).abstained, false, `answerable: ${prompt.message}`);
    }

    await test.event(messagesTabOpened('UASKER01', '1700002000.2'));
    assert.equal(
      test.standIn.callsTo('assistant.threads.setSuggestedPrompts').length,
      1,
      'not again so soon',
    );
    await test.event(messagesTabOpened('UOTHER02', '1700002000.3'));
    assert.equal(
      test.standIn.callsTo('assistant.threads.setSuggestedPrompts').length,
      2,
      'another person gets them',
    );
    assert.deepEqual(
      test.standIn.callsTo('views.publish'),
      [],
      'the Home tab is not published for the Messages tab',
    );
    assert.deepEqual(test.errors(), []);
  });

  it('tries again on the next open when setting the prompts failed', async () => {
    const test = await startTestBot({ services });
    test.standIn.fail('assistant.threads.setSuggestedPrompts', 'not_allowed_token_type');
    await test.event(messagesTabOpened('UASKER01', '1700002100.1'));
    await test.event(messagesTabOpened('UASKER01', '1700002100.2'));
    assert.equal(test.standIn.callsTo('assistant.threads.setSuggestedPrompts').length, 2);
  });

  it('answers a question there in its thread: title, status with loading messages set then cleared, cited answer', async () => {
    const test = await startTestBot({ services });
    await test.event(directMessage('1700002200.000100', QUESTION));
    const [title] = test.standIn.callsTo('assistant.threads.setTitle');
    assert.equal(title?.args.channel_id, 'D0ASKER01');
    assert.equal(title?.args.thread_ts, '1700002200.000100');
    assert.equal(title?.args.title, QUESTION, 'titled after its first question');
    const status = test.standIn.callsTo('assistant.threads.setStatus');
    assert.equal(status.length, 2);
    assert.equal(status[0]?.args.thread_ts, '1700002200.000100');
    assert.ok(Array.isArray(status[0]?.args.loading_messages) && status[0]?.args.status);
    assert.equal(status[1]?.args.status, '', 'cleared after');
    const posts = test.standIn.callsTo('chat.postMessage');
    assert.equal(posts.length, 1);
    assert.equal(posts[0]?.args.thread_ts, '1700002200.000100', 'in the thread of that message');
    const order = (call: unknown) => test.standIn.calls.indexOf(call as never);
    assert.ok(order(status[0]) < order(posts[0]) && order(posts[0]) < order(status[1]));
    assert.match(postedText(posts), /\*Dan Meyer\*, national security attorney: “[^”]+” \[\d+\]/);
    assert.match(postedText(posts), /\*Sources\*/);
    assert.deepEqual(test.errors(), []);
  });

  it('gives a reply in a conversation no new title', async () => {
    const test = await startTestBot({ services });
    await test.event(
      directMessage('1700002300.000200', 'What did Meyer say about security clearance?', {
        thread_ts: '1700002300.000100',
      }),
    );
    assert.deepEqual(test.standIn.callsTo('assistant.threads.setTitle'), []);
    assert.equal(test.standIn.callsTo('chat.postMessage')[0]?.args.thread_ts, '1700002300.000100');
  });
});

describe('Legacy assistant events from older installs', () => {
  it('acknowledges assistant_thread_started and assistant_thread_context_changed quietly', async () => {
    const test = await startTestBot({ services });
    for (const type of ['assistant_thread_started', 'assistant_thread_context_changed']) {
      const response = await test.event({
        type,
        assistant_thread: { user_id: 'UASKER01', channel_id: 'D0ASKER01', thread_ts: '1700002400.000100' },
        event_ts: '1700002400.000200',
      });
      assert.equal(response.status, 200, type);
    }
    assert.deepEqual(test.errors(), []);
    const calls = test.standIn.calls.filter((call) => call.method !== 'auth.test');
    assert.deepEqual(calls, [], 'nothing is posted for them');
  });
});
