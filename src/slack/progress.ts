import type { WebClient } from '@slack/web-api';
import { describeError } from '../errors.js';
import type { SlackDeps } from './slack-deps.js';

const LOADING_MESSAGES = ['Searching the documents…', 'Checking who said what…', 'Collecting the sources…'];

/**
 * Runs `work`, showing the bot's "is thinking" status in the thread when it takes longer than
 * `deps.progressDelayMs`. Slack clears the status when the bot replies in the thread. Since March 2026
 * assistant.threads.setStatus accepts chat:write, so this works in channels and DMs without extra scopes.
 * https://docs.slack.dev/reference/methods/assistant.threads.setStatus
 */
export async function withProgress<T>(
  client: WebClient,
  deps: SlackDeps,
  where: { channel: string; threadTs: string; status: string },
  work: () => Promise<T>,
): Promise<T> {
  const show = async (status: string) => {
    try {
      await client.assistant.threads.setStatus({
        channel_id: where.channel,
        thread_ts: where.threadTs,
        status,
        ...(status ? { loading_messages: LOADING_MESSAGES } : {}),
      });
    } catch (error) {
      // Progress is a nicety: an old workspace or a missing permission must not stop the answer.
      deps.logger.warn({ error: describeError(error) }, 'could not show progress');
    }
  };
  if (deps.progressDelayMs <= 0) {
    await show(where.status);
    try {
      return await work();
    } finally {
      // Slack clears it when the bot replies, but not when the work failed before any reply.
      await show('');
    }
  }
  let shown: Promise<void> | undefined;
  const timer = setTimeout(() => {
    shown = show(where.status);
  }, deps.progressDelayMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    // A status set while the reply was being posted could outlive it: clear it explicitly.
    if (shown) await shown.then(() => show(''));
  }
}
