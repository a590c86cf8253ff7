import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { quoteResults } from '../../quote-results.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { decodePage, QUOTES_PER_PAGE, quotePageMessage } from '../../views/quote-blocks.js';

/** "Show more" under `/quote` results: replaces the private message with the next page. */
export function quoteMoreListener(deps: SlackDeps) {
  return async ({
    action,
    ack,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const page = decodePage(action.value);
    if (!page) return;
    try {
      const results = quoteResults(deps.services, page.query);
      const lastPage = Math.max(0, Math.floor((results.hits.length - 1) / QUOTES_PER_PAGE) * QUOTES_PER_PAGE);
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...quotePageMessage(results, Math.min(page.offset, lastPage)),
      });
    } catch (error) {
      logFailure(deps.logger, error, 'Show more failed');
    }
  };
}
