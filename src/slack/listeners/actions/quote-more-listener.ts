import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { placeOf, servicesIn } from '../../channel-services.js';
import { workOf } from '../../payloads/payload-context.js';
import { quoteResults } from '../../quote-results.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { decodePage, QUOTES_PER_PAGE, quotePageMessage } from '../../views/quote-blocks.js';

/**
 * "Show more" under `/quote` results: replaces the private message with the next page. Only the
 * click's response_url can replace it, so a click without one is acknowledged and left alone.
 */
export function quoteMoreListener(deps: SlackDeps) {
  return async ({ ack, respond, context }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const body = workOf(context, 'block_actions')?.body;
    const page = decodePage(body?.actions[0]?.value);
    if (!page || !(respond as typeof respond | undefined)) return;
    try {
      const services = await servicesIn(deps, placeOf(context, body?.channel?.id));
      const results = await quoteResults(services, page.query);
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
