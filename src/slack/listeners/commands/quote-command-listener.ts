import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { claimFromCommand } from '../../../check/find-claim.js';
import { quoteResults } from '../../quote-results.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { noClaimMessage, quoteCheckMessage } from '../../views/check-blocks.js';
import { noQuotesMessage, quotePageMessage, quoteUsageMessage } from '../../views/quote-blocks.js';

/**
 * `/quote TOPIC-or-SPEAKER` (or `/quote check "…"`): acknowledged at once, answered privately through the command's
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
      // `/quote check "…"`: the quotation is judged, not searched for.
      const checking = /^check\b/i.exec(query);
      if (checking) {
        const claim = claimFromCommand(query.slice(checking[0].length));
        const reply = claim ? quoteCheckMessage(deps.services.checkQuote(claim)) : noClaimMessage();
        await respond({ response_type: 'ephemeral', ...reply });
        return;
      }
      const results = quoteResults(deps.services, query);
      const message =
        results.hits.length === 0
          ? noQuotesMessage(query, results.suggestions)
          : quotePageMessage(results, 0);
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      logFailure(deps.logger, error, '/quote failed', { channel: command.channel_id });
      await respond({
        response_type: 'ephemeral',
        text: 'Something went wrong looking up quotes. The error has been logged.',
      }).catch(() => undefined);
    }
  };
}
