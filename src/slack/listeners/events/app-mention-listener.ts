import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { addLinkInConversation } from '../../add-link.js';
import { answerInThread } from '../../answer-in-thread.js';
import { placeOf } from '../../channel-services.js';
import { channelSummaryRequest } from '../../channel-summary-request.js';
import { linkRequest } from '../../link-request.js';
import { workOf } from '../../payloads/payload-context.js';
import { postMessages, tellPrivately } from '../../post-messages.js';
import { isSummarizeRequest, questionText } from '../../question-text.js';
import { answersAuthor, claimDelivery, type SlackDeps } from '../../slack-deps.js';
import { summarizeChannelFor } from '../../summarize-channel.js';
import { summarizeInThread } from '../../summarize-in-thread.js';
import { useCollectionsFor, useRequestNames } from '../../use-collections.js';
import { addLinkMessage } from '../../views/add-link-text.js';

const SUMMARIZE_HELP =
  'Thread summaries work inside a thread: write “@whosaid summarize” as a reply in it, or choose *Summarize thread* in any of its messages’ ⋮ menu.';

/**
 * `app_mention`: a question (answered in a thread under it) or "summarize" inside a thread.
 * https://docs.slack.dev/reference/events/app_mention
 */
export function appMentionListener(deps: SlackDeps) {
  return async ({
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const work = workOf(context, 'app_mention');
    if (!work) return;
    const { event } = work;
    if (!event.user || !answersAuthor(deps, event) || !(await claimDelivery(deps, event.channel, event.ts)))
      return;
    const user = event.user;
    const link = linkRequest(event.text, deps.identity.botUserId);
    if (link) {
      const threadTs = event.thread_ts ?? event.ts;
      await addLinkInConversation(client, deps, {
        ...placeOf(context, event.channel),
        channel: event.channel,
        user,
        threadTs,
        ...link,
      });
      return;
    }
    const names = useRequestNames(event.text, deps.identity.botUserId);
    if (names) {
      const threadTs = event.thread_ts ?? event.ts;
      await useCollectionsFor(deps, {
        ...placeOf(context, event.channel),
        channel: event.channel,
        user,
        names,
        reply: (text) =>
          postMessages(deps, { channel: event.channel, threadTs, user }, [addLinkMessage(text)]),
        refuse: (text) => tellPrivately(client, { channel: event.channel, user, threadTs }, text),
      });
      return;
    }
    const question = questionText(event.text, deps.identity.botUserId);
    const channelSummary = channelSummaryRequest(event.text, question, event.thread_ts !== undefined);
    if (channelSummary) {
      await summarizeChannelFor(client, deps, {
        channel: event.channel,
        threadTs: event.thread_ts ?? event.ts,
        user,
        target: channelSummary.channel ?? event.channel,
        privately: event.channel.startsWith('D'),
      });
      return;
    }
    if (isSummarizeRequest(question)) {
      if (!event.thread_ts) {
        await tellPrivately(client, { channel: event.channel, user }, SUMMARIZE_HELP).catch(
          (error: unknown) =>
            deps.logger.warn({ error: describeError(error) }, 'could not send summarize help'),
        );
        return;
      }
      const threadTs = event.thread_ts;
      await summarizeInThread(client, deps, {
        channel: event.channel,
        threadTs,
        user,
        notify: (text) => tellPrivately(client, { channel: event.channel, user, threadTs }, text),
      });
      return;
    }
    await answerInThread(client, deps, {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      user,
      teamId: context.teamId,
      question,
      messageTs: event.ts,
    });
  };
}
