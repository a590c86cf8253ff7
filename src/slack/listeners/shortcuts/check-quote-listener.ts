import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { findClaim } from '../../../check/find-claim.js';
import { placeOf, servicesIn } from '../../channel-services.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { noClaimMessage, quoteCheckMessage } from '../../views/check-blocks.js';
import { shortcutWork } from './shortcut-work.js';

/**
 * The "Check quote" message shortcut: the quotation in a message (a draft, a pasted tweet) is judged
 * against the documents, and the verdict goes privately to whoever asked.
 * https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function checkQuoteListener(deps: SlackDeps) {
  return async (args: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const work = shortcutWork(args);
    if (!work) return;
    const { shortcut, reply, tell } = work;
    try {
      const claim = findClaim(shortcut.message.text ?? '');
      const services = await servicesIn(deps, placeOf(args.context, shortcut.channel.id));
      await reply(claim ? quoteCheckMessage(await services.checkQuote(claim)) : noClaimMessage());
    } catch (error) {
      logFailure(deps.logger, error, 'Check quote failed', { channel: shortcut.channel.id });
      await tell('Something went wrong checking that quote. The error has been logged.').catch(
        () => undefined,
      );
    }
  };
}
