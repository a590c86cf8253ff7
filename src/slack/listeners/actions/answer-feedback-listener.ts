import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { placeOf } from '../../channel-services.js';
import { workOf } from '../../payloads/payload-context.js';
import { tellPrivately } from '../../post-messages.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { readFeedbackValue } from '../../views/feedback-value.js';

/**
 * The feedback buttons under an answer: the click is recorded and acknowledged to the clicker only.
 * https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element
 */
export function answerFeedbackListener(deps: SlackDeps) {
  return async ({ ack, client, context }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const body = workOf(context, 'block_actions')?.body;
    const value = body?.actions[0]?.value;
    if (!body || value === undefined) return;
    const { vote, subject } = readFeedbackValue(value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const messageTs = body.message?.ts ?? body.container?.message_ts;
    const threadTs = body.message?.thread_ts ?? body.container?.thread_ts;
    const team = placeOf(context, channel).team;
    try {
      await deps.feedback.record({
        value: vote,
        user: body.user.id,
        ...(team ? { team } : {}),
        ...(subject ? { question: subject.question, citations: subject.citations } : {}),
        channel,
        messageTs,
        threadTs,
        at: new Date().toISOString(),
      });
      if (channel) {
        const thanks =
          vote === 'helpful'
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
