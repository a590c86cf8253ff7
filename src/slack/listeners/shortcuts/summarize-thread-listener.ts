import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { workOf } from '../../payloads/payload-context.js';
import { privateReply } from '../../private-reply.js';
import type { SlackDeps } from '../../slack-deps.js';
import { summarizeInThread } from '../../summarize-in-thread.js';

const NOT_A_THREAD =
  'That message isn’t part of a thread. Use *Summarize thread* on a message that has replies, or on one of its replies.';

/**
 * The "Summarize thread" message shortcut, usable on any message of a thread (slash commands cannot
 * be run inside threads). https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function summarizeThreadListener(deps: SlackDeps) {
  return async ({
    ack,
    client,
    respond,
    context,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const shortcut = workOf(context, 'message_action')?.body;
    if (!shortcut) return;
    const { message } = shortcut;
    const threadTs = message.thread_ts ?? (Number(message.reply_count ?? 0) > 0 ? message.ts : undefined);
    const reply = privateReply(
      respond as typeof respond | undefined,
      client,
      { channel: shortcut.channel.id, user: shortcut.user.id },
      { replace_original: false },
    );
    const notify = (text: string) => reply({ text, blocks: [] });
    if (!threadTs) {
      await notify(NOT_A_THREAD).catch((error: unknown) =>
        deps.logger.warn({ error: describeError(error) }, 'could not reply to the shortcut'),
      );
      return;
    }
    await summarizeInThread(client, deps, {
      channel: shortcut.channel.id,
      threadTs,
      user: shortcut.user.id,
      notify,
    });
  };
}
