import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { placeOf, servicesIn } from '../../channel-services.js';
import { workOf } from '../../payloads/payload-context.js';
import { quoteResults } from '../../quote-results.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { decodePage, sharedQuotesMessage } from '../../views/quote-blocks.js';

/**
 * "Share in channel": posts the page the person is looking at for everyone (through the response_url,
 * so it works in channels the bot is not a member of), then removes the private copy. A click without
 * a response_url has no private copy to replace and is acknowledged and left alone.
 * https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
export function quoteShareListener(deps: SlackDeps) {
  return async ({ ack, respond, context }: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const body = workOf(context, 'block_actions')?.body;
    const page = decodePage(body?.actions[0]?.value);
    if (!body || !page || !(respond as typeof respond | undefined)) return;
    try {
      const services = await servicesIn(deps, placeOf(context, body.channel?.id));
      const results = await quoteResults(services, page.query);
      if (results.hits.length === 0) return;
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        ...sharedQuotesMessage(results, page.offset, body.user.id),
      });
      await respond({ delete_original: true });
    } catch (error) {
      logFailure(deps.logger, error, 'Share in channel failed', { channel: body.channel?.id });
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'I couldn’t share these quotes. The error has been logged.',
      }).catch(() => undefined);
    }
  };
}
