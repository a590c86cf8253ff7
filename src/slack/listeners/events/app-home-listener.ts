import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { summarizeFeedback } from '../../feedback-summary.js';
import { workOf } from '../../payloads/payload-context.js';
import { buildPermalink } from '../../permalinks.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { type HomeExtras, homeView } from '../../views/home-view.js';
import { suggestedPromptsOffer } from './suggested-prompts.js';

/**
 * `app_home_opened`: publishes the Home tab, or offers suggested prompts when the Messages tab (an agent
 * app's conversation) was opened. https://docs.slack.dev/reference/events/app_home_opened
 */
export function appHomeListener(deps: SlackDeps) {
  const offerPrompts = suggestedPromptsOffer(deps);
  return async ({
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const event = workOf(context, 'app_home_opened')?.event;
    if (!event) return;
    if (event.tab === 'messages') {
      if (event.channel) await offerPrompts(client, { user: event.user, channel: event.channel });
      return;
    }
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({
        user_id: event.user,
        view: homeView(
          deps.services.knowledge(),
          deps.identity.botUserId,
          await homeExtras(deps, event.user),
        ),
      });
    } catch (error) {
      logFailure(deps.logger, error, 'could not publish the Home tab', { user: event.user });
    }
  };
}

/**
 * The feeds (for everyone) and the last week's feedback (for admins: who asked what is not for every
 * user's Home tab). Either that cannot be read is left out rather than failing the whole tab.
 */
async function homeExtras(deps: SlackDeps, user: string): Promise<HomeExtras> {
  const feeds = await deps.services.feeds?.().catch((error: unknown) => {
    logFailure(deps.logger, error, 'could not read the feed list for the Home tab', { user });
    return undefined;
  });
  if (!deps.admins.users.has(user)) return { feeds };
  const entries = await deps.state.feedback().catch(() => null);
  if (!entries) return { feeds };
  const workspaceUrl = deps.identity.url;
  return {
    feeds,
    feedback: {
      summary: summarizeFeedback(entries, new Date()),
      link: (answer) =>
        workspaceUrl ? buildPermalink(workspaceUrl, answer.channel, answer.messageTs, answer.threadTs) : null,
    },
  };
}
