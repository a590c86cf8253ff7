import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordedCall } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { directMessage, mentionEvent } from '../support/slack-events.js';
import { realServices, startTestBot, type TestBot } from '../support/slack-test-bot.js';

const services = await realServices();
const DM = 'D0ASKER01';

/** The speakers of an answer's "Who said what" lines, in order. */
function speakersOf(posts: RecordedCall[]): string[] {
  const who = postedText(posts).split('*Sources*')[0] ?? '';
  return [...who.matchAll(/^• \*([^*]+)\*/gm)].map((match) => match[1] ?? '');
}

/** The calls of `method` made since `mark` (a count of calls): the stand-in keeps the thread's replies meanwhile. */
function since(test: TestBot, mark: number, method: string): RecordedCall[] {
  return test.standIn.calls.slice(mark).filter((call) => call.method === method);
}

/** A ts just after the bot's latest reply in the thread: the asker writes after reading it. */
function after(test: TestBot, channel: string, threadTs: string): string {
  const replies = test.standIn.postedIn(channel, threadTs);
  const last = Number(replies.at(-1)?.ts ?? threadTs);
  return `${Math.floor(last)}.500000`;
}

describe('follow-ups in a conversation', () => {
  it('reads three turns of a DM thread: "he" is the person asked about, "and the senators?" swaps the speaker', async () => {
    const test = await startTestBot({ services });
    const root = '1700000001.000100';
    const first = directMessage(root, 'What did Meyer say about the security clearance?');
    await test.event(first);
    assert.deepEqual([...new Set(speakersOf(test.standIn.callsTo('chat.postMessage')))], ['Dan Meyer']);

    // Slack's thread as conversations.replies returns it: the asker's messages (the bot's replies are
    // added by the stand-in as they are posted).
    const secondTs = after(test, DM, root);
    const second = directMessage(secondTs, 'And what did he say about SpaceX contracts?', {
      thread_ts: root,
    });
    test.standIn.addThread(DM, root, [first, second]);
    let mark = test.standIn.calls.length;
    await test.event(second);
    const [replies] = since(test, mark, 'conversations.replies');
    assert.equal(replies?.args.channel, DM);
    assert.equal(replies?.args.ts, root);
    const secondAnswer = since(test, mark, 'chat.postMessage');
    assert.equal(secondAnswer[0]?.args.thread_ts, root);
    assert.match(postedText(secondAnswer), /government contracts/);
    assert.deepEqual(
      [...new Set(speakersOf(secondAnswer))],
      ['Dan Meyer'],
      'every quote is the person asked about',
    );

    const thirdTs = after(test, DM, root);
    const third = directMessage(thirdTs, 'and the senators?', { thread_ts: root });
    test.standIn.addThread(DM, root, [first, second, third]);
    mark = test.standIn.calls.length;
    await test.event(third);
    const thirdAnswer = since(test, mark, 'chat.postMessage');
    assert.equal(speakersOf(thirdAnswer)[0], 'the Senators');
    assert.match(postedText(thirdAnswer), /SpaceX/);
    assert.deepEqual(test.errors(), []);
  });

  it('reads an @mention thread in a channel the same way, and only the asker’s and the bot’s turns', async () => {
    const test = await startTestBot({ services });
    const root = '1700000002.000100';
    const first = mentionEvent(root, '<@UBOT0001> What did Meyer say about the security clearance?');
    await test.event(first);
    const channel = String(first.channel);
    const nextTs = after(test, channel, root);
    // Someone else in the thread talks about another person: not the asker's conversation.
    const other = {
      type: 'message',
      user: 'U0OTHER01',
      text: 'Jane Roe said nothing about it.',
      ts: `${Math.floor(Number(nextTs))}.200000`,
      thread_ts: root,
    };
    const followUp = mentionEvent(nextTs, '<@UBOT0001> what else did he say?', { thread_ts: root });
    test.standIn.addThread(channel, root, [first, other, followUp]);
    const mark = test.standIn.calls.length;
    await test.event(followUp);
    const answer = since(test, mark, 'chat.postMessage');
    assert.equal(answer[0]?.args.thread_ts, root);
    assert.deepEqual([...new Set(speakersOf(answer))], ['Dan Meyer']);
  });

  it('reads "which article was that?" and "when was it published?" against the documents cited before', async () => {
    const test = await startTestBot({ services });
    const root = '1700000003.000100';
    const first = directMessage(root, 'Who warned about relying on one provider?');
    await test.event(first);
    const cited = test.standIn.postedIn(DM, root)[0]?.metadata as {
      event_payload: { sources: { doc: string; paragraph: number }[] };
    };
    assert.ok(
      cited.event_payload.sources.some((source) => source.doc === 'corpus/axios-musk-putin-spacex.md'),
      'the answer records the passages it cites',
    );

    const second = directMessage(after(test, DM, root), 'which article was that?', { thread_ts: root });
    test.standIn.addThread(DM, root, [first, second]);
    let mark = test.standIn.calls.length;
    await test.event(second);
    const [replies] = since(test, mark, 'conversations.replies');
    assert.equal(String(replies?.args.include_all_metadata), 'true');
    const which = postedText(since(test, mark, 'chat.postMessage'));
    // Asked in the singular: the document the answer leads with, by its title, publisher and date.
    assert.match(
      which,
      /^That was “Musk's reported Putin contacts raise questions about U\.S\. reliance on SpaceX” \(Axios, 2024-10-27\) \[1\]\./,
    );

    const third = directMessage(after(test, DM, root), 'When was it published?', { thread_ts: root });
    test.standIn.addThread(DM, root, [first, second, third]);
    mark = test.standIn.calls.length;
    await test.event(third);
    assert.match(postedText(since(test, mark, 'chat.postMessage')), /is dated 2024-10-27 \(Axios\)/);
    assert.deepEqual(test.errors(), []);
  });
});
