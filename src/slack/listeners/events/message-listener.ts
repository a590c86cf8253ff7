import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { addLinkInConversation } from '../../add-link.js';
import { answerInThread } from '../../answer-in-thread.js';
import { placeOf } from '../../channel-services.js';
import { channelSummaryRequest } from '../../channel-summary-request.js';
import { linkRequest } from '../../link-request.js';
import type { MessageEvent } from '../../payloads/event-payloads.js';
import { workOf } from '../../payloads/payload-context.js';
import { postMessages, tellPrivately } from '../../post-messages.js';
import {
  isSummarizeRequest,
  looksLikeQuestion,
  mentionsSomeoneElse,
  questionText,
} from '../../question-text.js';
import { answersAuthor, claimDelivery, type SlackDeps, threadAnswered } from '../../slack-deps.js';
import { summarizeChannelFor } from '../../summarize-channel.js';
import { summarizeInThread } from '../../summarize-in-thread.js';
import { useCollectionsFor, useRequestNames } from '../../use-collections.js';
import { viewedChannel } from '../../viewed-channel.js';
import { addLinkMessage } from '../../views/add-link-text.js';
import { titleThread } from './thread-title.js';

type Route = 'direct' | 'follow-up' | 'auto-answer';

/**
 * `message.im`, `message.channels`, `message.groups`: DMs, follow-ups in threads the bot answered (no
 * mention needed), and questions in auto-answer channels. Mentions in channels are left to `app_mention`.
 * https://docs.slack.dev/reference/events/message
 */
export function messageListener(deps: SlackDeps) {
  return async ({
    client,
    context,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const work = workOf(context, 'message');
    if (!work) return;
    const message = work.event;
    const route = await routeOf(deps, message);
    if (!route || !message.user || !(await claimDelivery(deps, message.channel, message.ts))) return;
    const user = message.user;
    const question = questionText(message.text, deps.identity.botUserId);
    const threadTs = message.thread_ts ?? message.ts;
    // "add <link>" in a DM, as in an @mention: who may add is checked the same way.
    const link = route === 'direct' ? linkRequest(message.text, deps.identity.botUserId) : null;
    if (link) {
      await addLinkInConversation(client, deps, {
        ...placeOf(context, message.channel),
        channel: message.channel,
        user,
        threadTs,
        ...link,
      });
      return;
    }
    // "use legal" in a DM: what this person's DMs read (admins only; see use-collections.ts).
    const names = route === 'direct' ? useRequestNames(message.text, deps.identity.botUserId) : null;
    if (names) {
      const say = (text: string) =>
        postMessages(deps, { channel: message.channel, threadTs, user }, [addLinkMessage(text)]);
      await useCollectionsFor(deps, {
        ...placeOf(context, message.channel),
        channel: message.channel,
        direct: true,
        user,
        names,
        reply: say,
        refuse: say,
      });
      return;
    }
    // In the agent view Slack says which channel the asker is viewing: its collections answer, and
    // "summarize this channel" means it.
    const viewing =
      route === 'direct' ? viewedChannel(message.app_context, placeOf(context, undefined).team) : undefined;
    const channelSummary =
      route === 'auto-answer'
        ? null
        : channelSummaryRequest(message.text ?? '', question, route === 'follow-up');
    if (channelSummary) {
      const privately = route === 'direct';
      await summarizeChannelFor(client, deps, {
        channel: message.channel,
        threadTs,
        user,
        target: channelSummary.channel ?? (privately ? viewing : message.channel),
        privately,
      });
      return;
    }
    if (route !== 'auto-answer' && message.thread_ts && isSummarizeRequest(question)) {
      await summarizeInThread(client, deps, {
        channel: message.channel,
        threadTs,
        user,
        notify: (text) => tellPrivately(client, { channel: message.channel, user, threadTs }, text),
      });
      return;
    }
    // A DM that starts a conversation (the Messages tab): its question becomes the conversation's title.
    if (route === 'direct' && !message.thread_ts)
      await titleThread(client, deps, { channel: message.channel, threadTs, question });
    await answerInThread(client, deps, {
      channel: message.channel,
      threadTs,
      user,
      teamId: context.teamId,
      question,
      ...(viewing ? { readsChannel: viewing } : {}),
      messageTs: message.ts,
      // A "thanks!" in a thread the bot answered is not a question: reply only when the documents answer it.
      onlyIfSupported: route === 'auto-answer' || (route === 'follow-up' && !looksLikeQuestion(question)),
    });
  };
}

async function routeOf(deps: SlackDeps, message: MessageEvent): Promise<Route | null> {
  // Edits, joins and the like are not questions; a reply also sent to the channel is.
  const plain =
    message.subtype === undefined ||
    message.subtype === 'thread_broadcast' ||
    message.subtype === 'file_share';
  if (!plain || !message.user || !answersAuthor(deps, message)) return null;
  if (message.channel_type === 'im') return 'direct';
  // An @mention also arrives as app_mention, which handles it.
  if (message.text?.includes(`<@${deps.identity.botUserId}`)) return null;
  const threadTs = message.thread_ts;
  if (threadTs !== undefined && threadTs !== message.ts) {
    const followUp = await threadAnswered(deps, message.channel, threadTs);
    return followUp && !mentionsSomeoneElse(message.text, deps.identity.botUserId) ? 'follow-up' : null;
  }
  if (
    deps.autoAnswerChannels.has(message.channel) &&
    looksLikeQuestion(questionText(message.text, deps.identity.botUserId))
  ) {
    return 'auto-answer';
  }
  return null;
}
