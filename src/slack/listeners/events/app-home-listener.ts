import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workOf } from '../../payloads/payload-context.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { homeView } from '../../views/home-view.js';

/** `app_home_opened`: publishes the Home tab. https://docs.slack.dev/reference/events/app_home_opened */
export function appHomeListener(deps: SlackDeps) {
  return async ({
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const event = workOf(context, 'app_home_opened')?.event;
    if (event?.tab !== 'home') return;
    try {
      await client.views.publish({
        user_id: event.user,
        view: homeView(deps.services.knowledge(), deps.identity.botUserId),
      });
    } catch (error) {
      logFailure(deps.logger, error, 'could not publish the Home tab', { user: event.user });
    }
  };
}
