import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { quoteResults } from '../../quote-results.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { noQuotesMessage, quotePageMessage, quoteUsageMessage } from '../../views/quote-blocks.js';
import { BUSY_MESSAGE, BusyError } from '../../work-queue.js';

/**
 * `/quote TOPIC-or-SPEAKER`: acknowledged at once, answered privately through the command's
 * response_url. https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export function quoteCommandListener(deps: SlackDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const query = command.text.replace(/\s+/g, ' ').trim();
    try {
      if (!query) {
        await respond({ response_type: 'ephemeral', ...quoteUsageMessage() });
        return;
      }
      // Off the request path with the other answer work (work-queue.ts).
      const results = await deps.work.run(() => quoteResults(deps.services, query));
      const message =
        results.hits.length === 0
          ? noQuotesMessage(query, results.suggestions)
          : quotePageMessage(results, 0);
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      const busy = error instanceof BusyError;
      if (!busy) logFailure(deps.logger, error, '/quote failed', { channel: command.channel_id });
      await respond({
        response_type: 'ephemeral',
        text: busy ? BUSY_MESSAGE : 'Something went wrong looking up quotes. The error has been logged.',
      }).catch(() => undefined);
    }
  };
}
