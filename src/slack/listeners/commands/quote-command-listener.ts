import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { claimFromCommand } from '../../../check/find-claim.js';
import { placeOf, servicesIn } from '../../channel-services.js';
import { charactersText, cutToLength, INPUT_LIMITS } from '../../input-limits.js';
import { workOf } from '../../payloads/payload-context.js';
import { privateReply } from '../../private-reply.js';
import { quoteResults } from '../../quote-results.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { noClaimMessage, quoteCheckMessage } from '../../views/check-blocks.js';
import { noQuotesMessage, quotePageMessage, quoteUsageMessage } from '../../views/quote-blocks.js';
import { BUSY_MESSAGE, BusyError } from '../../work-queue.js';

const LONG_QUERY = `That was long for a quote lookup: I looked up only its first ${charactersText(INPUT_LIMITS.quoteQuery)}. Try a speaker’s name or a few words of the topic.`;

/**
 * `/quote TOPIC-or-SPEAKER` or `/quote check "…"`: acknowledged at once, answered privately through
 * the command's response_url (or, when a payload has none, as an ephemeral message).
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export function quoteCommandListener(deps: SlackDeps) {
  return async ({
    ack,
    respond,
    client,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const command = workOf(context, 'command')?.command;
    if (!command) return;
    const reply = privateReply(respond as typeof respond | undefined, client, {
      channel: command.channel_id,
      user: command.user_id,
    });
    const typed = command.text.replace(/\s+/g, ' ').trim();
    // `/quote check "…"`: the quotation is judged, not searched for. It is never cut (a cut quotation
    // would be judged altered); one longer than a question is refused by the checker instead.
    const checking = /^check\b/i.exec(typed);
    const { text: query, cut } = cutToLength(
      typed,
      checking ? INPUT_LIMITS.question : INPUT_LIMITS.quoteQuery,
    );
    try {
      if (!query) {
        await reply(quoteUsageMessage());
        return;
      }
      const services = await servicesIn(deps, placeOf(context, command.channel_id));
      if (checking) {
        const claim = cut ? null : claimFromCommand(query.slice(checking[0].length));
        await reply(claim ? quoteCheckMessage(await services.checkQuote(claim)) : noClaimMessage());
        return;
      }
      if (cut) await reply({ text: LONG_QUERY, blocks: [] });
      // Off the request path with the other answer work (work-queue.ts).
      const results = await deps.work.run(() => quoteResults(services, query));
      await reply(
        results.hits.length === 0
          ? noQuotesMessage(query, results.suggestions)
          : quotePageMessage(results, 0),
      );
    } catch (error) {
      const busy = error instanceof BusyError;
      if (!busy) logFailure(deps.logger, error, '/quote failed', { channel: command.channel_id });
      await reply({
        text: busy ? BUSY_MESSAGE : 'Something went wrong looking up quotes. The error has been logged.',
        blocks: [],
      }).catch(() => undefined);
    }
  };
}
