import type { WebClient } from '@slack/web-api';
import { describeError } from '../../../errors.js';
import type { SlackDeps } from '../../slack-deps.js';

/** Slack shows a conversation's title in one line of the agent's history list. */
const MAX_TITLE = 80;

/**
 * Names a new conversation in the Messages tab after its first question, as Slack's agent history list
 * shows it. https://docs.slack.dev/reference/methods/assistant.threads.setTitle
 */
export async function titleThread(
  client: WebClient,
  deps: SlackDeps,
  where: { channel: string; threadTs: string; question: string },
): Promise<void> {
  const question = where.question.replace(/\s+/g, ' ').trim();
  if (!question) return;
  const title = question.length <= MAX_TITLE ? question : `${question.slice(0, MAX_TITLE - 1).trimEnd()}…`;
  try {
    await client.assistant.threads.setTitle({ channel_id: where.channel, thread_ts: where.threadTs, title });
  } catch (error) {
    // Titles exist only for agent apps (a paid plan or a developer sandbox): the answer matters, not this.
    deps.logger.debug({ error: describeError(error) }, 'could not set the conversation title');
  }
}
