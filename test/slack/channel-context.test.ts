import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLiveServices } from '../../src/cli/actions/live-index.js';
import { loadConfig } from '../../src/config.js';
import { channelSummaryRequest } from '../../src/slack/channel-summary-request.js';
import { folderOf, LEGAL_FACT } from '../support/collection-fixtures.js';
import { runWhosaid } from '../support/run-cli.js';
import { bundledIndexCopy } from '../support/shared-index.js';
import { BOT_ID, BOT_USER_ID, TEAM_ID } from '../support/slack-api-stand-in.js';
import { postedText } from '../support/slack-blocks.js';
import { directMessage, mentionEvent } from '../support/slack-events.js';
import { memoryLogger, startTestBot } from '../support/slack-test-bot.js';

// Where Slack says which channel the asker is viewing (the agent view's app_context on message.im),
// that channel's binding chooses the documents, and "summarize this channel" means it — read only
// when both the bot and the asker are members.
const ASKER = 'UASKER01';
const DM = 'D0ASKER01';
const LEGAL_CHANNEL = 'C0LEGAL01';
const PLAIN_CHANNEL = 'C0PLAIN01';
const ABSTAINED = /I can't answer that from the indexed documents/;
const LEGAL_QUESTION = `What did ${LEGAL_FACT.surname} say about the ${LEGAL_FACT.topic}?`;

const indexDir = await bundledIndexCopy();
const env = { WHOSAID_INDEX_DIR: indexDir, WHOSAID_LOG_LEVEL: 'silent' };
const ingest = await runWhosaid(['ingest', await folderOf([LEGAL_FACT]), '--collection', 'legal'], env);
assert.equal(ingest.status, 0, ingest.stderr);
const config = loadConfig({ env, dotenvPath: null });
const io = { stdout: { write: () => true }, stderr: { write: () => true }, env, exitCode: 0, debug: false };
const services = await createLiveServices(config, io, memoryLogger().logger, { k: config.topK });
const ADMIN = 'U0ADMIN01';
const ADMIN_DM = 'D0ADMIN01';
const test = await startTestBot({
  services,
  admins: { users: [ADMIN] },
  collections: { dir: config.collectionsDir, defaults: ['news'] },
});
await test.state.bindChannel({ team: TEAM_ID, channel: LEGAL_CHANNEL, collections: ['legal'] });

let ts = 1700005000;
const nextTs = () => `${ts++}.000100`;

function viewing(channel: string) {
  return { entities: [{ type: 'slack#/types/channel_id', value: channel, team_id: TEAM_ID }] };
}

/** Sends a DM (optionally from the agent view, viewing a channel) and returns what the bot posted. */
async function dm(text: string, appContext?: unknown, from = { user: ASKER, channel: DM }): Promise<string> {
  test.standIn.reset();
  await test.event(
    directMessage(nextTs(), text, { ...from, ...(appContext ? { app_context: appContext } : {}) }),
  );
  return postedText(test.standIn.callsTo('chat.postMessage'));
}

/** A channel's last day: two people talking, the bot's own message, and one message from two days ago. */
function channelDay(now = Date.now() / 1000) {
  const at = (secondsAgo: number) => `${Math.floor(now - secondsAgo)}.000100`;
  return [
    { ts: at(7200), user: ASKER, text: 'We agreed to move the harbour story to Thursday.' },
    { ts: at(5400), user: 'U0OTHER01', text: 'I will send the draft to legal before noon.' },
    { ts: at(3600), user: BOT_USER_ID, bot_id: BOT_ID, text: 'An answer of mine, not what people said.' },
    { ts: at(1800), user: ASKER, text: 'Let us ask the port authority for a comment today.' },
    { ts: at(900), user: 'U0OTHER01', text: 'The photo desk needs the captions by five.' },
    { ts: at(2 * 86400), user: 'U0OTHER01', text: 'An old message about the budget vote.' },
  ];
}

describe('the channel the asker is viewing chooses the documents', () => {
  it('answers a DM from the viewed channel’s collections, and from the defaults otherwise', async () => {
    const fromLegal = await dm(LEGAL_QUESTION, viewing(LEGAL_CHANNEL));
    assert.match(fromLegal, new RegExp(LEGAL_FACT.speaker));
    assert.doesNotMatch(fromLegal, ABSTAINED);

    // A message in the channel (the message_context entity) is that channel too.
    const fromMessage = await dm(LEGAL_QUESTION, {
      entities: [
        { type: 'slack#/types/canvas_id', value: 'F0CANVAS1' },
        { type: 'slack#/types/message_context', value: { channel_id: LEGAL_CHANNEL, message_ts: '1.2' } },
      ],
    });
    assert.match(fromMessage, new RegExp(LEGAL_FACT.speaker));

    for (const context of [undefined, viewing(PLAIN_CHANNEL), { entities: [] }]) {
      const answer = await dm(LEGAL_QUESTION, context);
      assert.match(answer, ABSTAINED, JSON.stringify(context));
      // The question's own name is echoed ("never mention Okonkwo"); nothing of the document is.
      assert.doesNotMatch(answer, /Talks on the quitclaim|never sign/);
    }
    // A channel of another workspace (a shared channel) is not this installation's binding.
    const elsewhere = await dm(LEGAL_QUESTION, {
      entities: [{ type: 'slack#/types/channel_id', value: LEGAL_CHANNEL, team_id: 'T0OTHER01' }],
    });
    assert.match(elsewhere, ABSTAINED);
    assert.deepEqual(test.errors(), []);
  });

  it('offers Messages-tab prompts from the viewed channel’s collections', async () => {
    const opened = async (user: string, appContext?: unknown) => {
      test.standIn.reset();
      await test.event({
        type: 'app_home_opened',
        user,
        channel: `D0${user.slice(1)}`,
        tab: 'messages',
        event_ts: nextTs(),
        ...(appContext ? { app_context: appContext } : {}),
      });
      const [call] = test.standIn.callsTo('assistant.threads.setSuggestedPrompts');
      return ((call?.args.prompts ?? []) as { message: string }[]).map((prompt) => prompt.message).join('\n');
    };
    const plain = await opened('U0PROMPT1');
    assert.ok(plain.length > 0);
    assert.doesNotMatch(plain, /Okonkwo|quitclaim/);
    // Viewing the legal channel a moment later: not held back, and drawn from its collection only.
    const legal = await opened('U0PROMPT1', viewing(LEGAL_CHANNEL));
    assert.match(legal, new RegExp(LEGAL_FACT.speaker));
    assert.doesNotMatch(legal, /Meyer|SpaceX/);
  });

  it('acknowledges app_context_changed without posting anything', async () => {
    test.standIn.reset();
    const response = await test.event({
      type: 'app_context_changed',
      channel: DM,
      user: ASKER,
      context: viewing(LEGAL_CHANNEL),
      event_ts: nextTs(),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(test.standIn.calls, []);
  });
});

describe('summarize this channel', () => {
  it('summarizes the viewed channel’s last day in the DM, paginated, when both are members', async () => {
    test.standIn.addChannel(
      LEGAL_CHANNEL,
      [BOT_USER_ID, 'U0OTHER01', 'U0THIRD01', 'U0FOURTH1', ASKER],
      channelDay(),
    );
    const posted = await dm('Summarize this channel, please', viewing(LEGAL_CHANNEL));
    assert.match(posted, /Channel summary/);
    assert.match(posted, /harbour story to Thursday/);
    assert.match(posted, /draft to legal before noon/);
    assert.doesNotMatch(posted, /budget vote/, 'older than a day');
    assert.doesNotMatch(posted, /An answer of mine/, 'the bot’s own messages are left out');
    const history = test.standIn.callsTo('conversations.history');
    assert.ok(history.length >= 2, 'read in pages');
    assert.ok(history.every((call) => call.args.channel === LEGAL_CHANNEL));
    const oldest = Number(history[0]?.args.oldest);
    assert.ok(Math.abs(Date.now() / 1000 - 86400 - oldest) < 600, 'the last day');
    // The asker was on the second page of members: membership is read page by page.
    assert.ok(test.standIn.callsTo('conversations.members').length >= 2);
    const [reply] = test.standIn.callsTo('chat.postMessage');
    assert.equal(reply?.args.channel, DM);
    assert.deepEqual(test.errors(), []);
  });

  it('refuses plainly, reading nothing, when the asker or the bot is not a member', async () => {
    test.standIn.addChannel(PLAIN_CHANNEL, [BOT_USER_ID, 'U0OTHER01'], channelDay());
    let posted = await dm('what did I miss here?', viewing(PLAIN_CHANNEL));
    assert.match(posted, /couldn’t find you among them/);
    assert.doesNotMatch(posted, /harbour|draft|captions/);
    assert.deepEqual(test.standIn.callsTo('conversations.history'), []);

    test.standIn.addChannel('C0NOBOT01', ['U0OTHER01', ASKER], channelDay());
    posted = await dm('catch me up on this channel', viewing('C0NOBOT01'));
    assert.match(posted, /I’m not a member of it/);
    assert.deepEqual(test.standIn.callsTo('conversations.history'), []);

    // A private channel the bot is not in: Slack does not even show it to the bot.
    posted = await dm('recap this channel', viewing('G0SECRET01'));
    assert.match(posted, /I’m not a member of it/);

    posted = await dm('summarize this channel');
    assert.match(posted, /Which channel\?/, 'no channel viewed: it asks which');
    assert.deepEqual(test.errors(), []);
  });

  it('in a channel, summarizes only that channel, and refuses privately for another', async () => {
    test.standIn.addChannel('C0NEWS001', [BOT_USER_ID, ASKER, 'U0OTHER01'], channelDay());
    test.standIn.reset();
    const root = nextTs();
    await test.event(mentionEvent(root, 'summarize this channel'));
    const [summary] = test.standIn.callsTo('chat.postMessage');
    assert.equal(summary?.args.thread_ts, root);
    assert.match(postedText([summary as never]), /harbour story to Thursday/);

    test.standIn.reset();
    await test.event(mentionEvent(nextTs(), `catch me up on <#${LEGAL_CHANNEL}|legal>`));
    assert.deepEqual(test.standIn.callsTo('chat.postMessage'), []);
    assert.deepEqual(test.standIn.callsTo('conversations.history'), []);
    const [refusal] = test.standIn.callsTo('chat.postEphemeral');
    assert.match(String(refusal?.args.text), /only in a direct message with you/);
  });
});

describe('recognising a channel-summary request', () => {
  it('takes a summary or catch-up request about this channel, and nothing else', () => {
    for (const text of [
      'summarize this channel',
      'Can you recap the channel?',
      'what did I miss here?',
      'Catch me up on this channel please',
      'tl;dr of this conversation',
      "What's been happening here today?",
      'please sum up what was discussed in the channel',
    ])
      assert.deepEqual(channelSummaryRequest(text, text), { channel: null }, text);
    assert.deepEqual(channelSummaryRequest('recap <#C0GENERAL1|general>', 'recap #general'), {
      channel: 'C0GENERAL1',
    });
    // Inside a channel's thread "here" and "this conversation" are the thread; "this channel" is not.
    assert.equal(channelSummaryRequest('what did I miss here?', 'what did I miss here?', true), null);
    assert.equal(
      channelSummaryRequest('summarize this conversation', 'summarize this conversation', true),
      null,
    );
    assert.deepEqual(channelSummaryRequest('recap this channel', 'recap this channel', true), {
      channel: null,
    });
    for (const text of [
      'summarize the Reed statement',
      'summarize this thread',
      'summarize the article here',
      "What's been said about the budget here?",
      'Who warned about relying on one provider?',
      'what did SpaceX say about the channel partners?',
      'summarize',
    ])
      assert.equal(channelSummaryRequest(text, text), null, text);
  });
});

describe('@whosaid use in a DM', () => {
  const admin = { user: ADMIN, channel: ADMIN_DM };

  it('lets an admin choose what their own DMs read, and explains to anyone else what DMs read', async () => {
    const refused = await dm('use legal');
    assert.match(refused, /In direct messages I read this workspace's default collections \(\*news\*\)/);
    assert.match(refused, /split pane/);
    assert.match(await dm(LEGAL_QUESTION), ABSTAINED, 'nothing changed for the asker');

    const bound = await dm('use legal', undefined, admin);
    assert.match(bound, /Your direct messages with me now read only \*legal\*/);
    assert.match(await dm(LEGAL_QUESTION, undefined, admin), new RegExp(LEGAL_FACT.speaker));
    // Viewing an unbound channel: the DM's own binding still holds; a bound channel's would win.
    assert.match(await dm(LEGAL_QUESTION, viewing(PLAIN_CHANNEL), admin), new RegExp(LEGAL_FACT.speaker));
    assert.match(await dm(LEGAL_QUESTION, undefined), ABSTAINED, 'another person’s DMs are not bound');

    assert.match(await dm('use default', undefined, admin), /read the default collections again: \*news\*/);
    assert.match(await dm(LEGAL_QUESTION, undefined, admin), ABSTAINED);
    assert.deepEqual(test.errors(), []);
  });
});
