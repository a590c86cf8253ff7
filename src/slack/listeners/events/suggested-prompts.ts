import type { WebClient } from '@slack/web-api';
import { servicesIn } from '../../channel-services.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';

/**
 * How long prompts set for one person stand before they are set again. Opening the Messages tab is
 * frequent and the prompts change only when the documents do, so a few minutes saves calls (Tier 2-3
 * rate limits) at the cost of a new document appearing in them a little later.
 */
const REFRESH_MS = 5 * 60_000;
/** People remembered at most; the oldest are forgotten first (they get prompts again next time). */
const MAX_PEOPLE = 10_000;

/**
 * The Messages tab of an agent app was opened: offer questions drawn from what the documents hold.
 * Set WITHOUT `thread_ts` — for an agent app the prompts belong to the tab, and a call with a thread_ts
 * silently does nothing. https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts
 */
export function suggestedPromptsOffer(deps: SlackDeps) {
  const lastSet = new Map<string, number>();
  return async (
    client: WebClient,
    where: { user: string; channel: string; team: string | null; viewing?: string | undefined },
  ): Promise<void> => {
    // Per person and viewed channel: looking at another channel offers that channel's questions.
    const key = `${where.user}:${where.viewing ?? ''}`;
    const last = lastSet.get(key);
    if (last !== undefined && Date.now() - last < REFRESH_MS) return;
    // The Messages tab is a DM: it reads the collections of the channel the person is viewing when
    // that one is bound, else the DM's own (an admin's binding, or the installation's defaults).
    const services = await servicesIn(deps, {
      team: where.team,
      ...(where.viewing ? { channel: where.viewing, fallback: where.channel } : { channel: where.channel }),
    });
    const prompts = await services.suggestedQuestions();
    if (prompts.length === 0) return;
    lastSet.delete(key);
    lastSet.set(key, Date.now());
    if (lastSet.size > MAX_PEOPLE) lastSet.delete(lastSet.keys().next().value as string);
    try {
      await client.assistant.threads.setSuggestedPrompts({
        channel_id: where.channel,
        title: 'Ask about the documents',
        prompts,
      });
    } catch (error) {
      // Prompts are a nicety (and need a paid plan or a developer sandbox): try again on the next open.
      lastSet.delete(key);
      logFailure(deps.logger, error, 'could not set the suggested prompts', { user: where.user });
    }
  };
}
