import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { summarizeInThread } from '../../summarize-in-thread.js';
import { shortcutWork } from './shortcut-work.js';

const NOT_A_THREAD =
  'That message isn’t part of a thread. Use *Summarize thread* on a message that has replies, or on one of its replies.';

/**
 * The "Summarize thread" message shortcut, usable on any message of a thread (slash commands cannot
 * be run inside threads). https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function summarizeThreadListener(deps: SlackDeps) {
  return async (args: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const work = shortcutWork(args);
    if (!work) return;
    const { shortcut, tell } = work;
    const { message } = shortcut;
    const threadTs = message.thread_ts ?? (Number(message.reply_count ?? 0) > 0 ? message.ts : undefined);
    if (!threadTs) {
      await tell(NOT_A_THREAD).catch((error: unknown) =>
        deps.logger.warn({ error: describeError(error) }, 'could not reply to the shortcut'),
      );
      return;
    }
    await summarizeInThread(args.client, deps, {
      channel: shortcut.channel.id,
      threadTs,
      user: shortcut.user.id,
      notify: tell,
    });
  };
}
