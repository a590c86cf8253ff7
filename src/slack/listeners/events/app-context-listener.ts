import type { SlackDeps } from '../../slack-deps.js';

/**
 * `app_context_changed`: the agent view says what the person is now viewing. Nothing is done with it
 * at once: Slack sends the same context with each of their messages (`app_context` on message.im),
 * which is what chooses the collections and the channel "summarize this channel" means — but only to
 * apps subscribed to this event, which is why it is subscribed and acknowledged here.
 * https://docs.slack.dev/changelog/2026/07/02/app-context
 */
export function appContextListener(deps: SlackDeps) {
  return async (): Promise<void> => {
    deps.logger.debug('the viewed context changed (read again with the next message)');
  };
}
