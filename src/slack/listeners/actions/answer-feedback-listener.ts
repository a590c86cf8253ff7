import type {
  AllMiddlewareArgs,
  BlockAction,
  FeedbackButtonsAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { tellPrivately } from '../../post-messages.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';

/**
 * The feedback buttons under an answer: the click is recorded and acknowledged to the clicker only.
 * https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
 */
export function answerFeedbackListener(deps: SlackDeps) {
  return async ({
    action,
    ack,
    body,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
    const messageTs = body.message?.ts ?? (body.container.message_ts as string | undefined);
    const threadTs =
      (body.message?.thread_ts as string | undefined) ?? (body.container.thread_ts as string | undefined);
    try {
      await deps.feedback.record({
        value: action.value,
        user: body.user.id,
        channel,
        messageTs,
        threadTs,
        at: new Date().toISOString(),
      });
      if (channel) {
        const thanks =
          action.value === 'helpful'
            ? 'Thanks — glad it helped. Your feedback was recorded.'
            : 'Thanks — your feedback was recorded and will help improve answers.';
        await tellPrivately(
          client,
          { channel, user: body.user.id, ...(threadTs ? { threadTs } : {}) },
          thanks,
        );
      }
    } catch (error) {
      logFailure(deps.logger, error, 'could not record feedback', { channel });
    }
  };
}
