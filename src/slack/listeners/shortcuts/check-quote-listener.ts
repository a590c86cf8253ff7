import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { findClaim } from '../../../check/find-claim.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { noClaimMessage, quoteCheckMessage } from '../../views/check-blocks.js';

/**
 * The "Check quote" message shortcut: the quotation in a message (a draft, a pasted tweet) is judged
 * against the documents, and the verdict goes privately to whoever asked.
 * https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function checkQuoteListener(deps: SlackDeps) {
  return async ({
    shortcut,
    ack,
    respond,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const text = typeof shortcut.message?.text === 'string' ? shortcut.message.text : '';
    try {
      const claim = findClaim(text);
      const reply = claim ? quoteCheckMessage(deps.services.checkQuote(claim)) : noClaimMessage();
      await respond({ response_type: 'ephemeral', replace_original: false, ...reply });
    } catch (error) {
      logFailure(deps.logger, error, 'Check quote failed', { channel: shortcut.channel?.id });
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Something went wrong checking that quote. The error has been logged.',
      }).catch(() => undefined);
    }
  };
}
