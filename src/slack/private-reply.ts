import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from './views/block-types.js';

export type PrivateReply = (message: SlackMessage) => Promise<unknown>;

/**
 * A private reply to whoever ran a command or shortcut: through its response_url when the payload had
 * one (it works in channels the bot is not in), otherwise as an ephemeral message through the Web API.
 */
export function privateReply(
  respond: RespondFn | undefined,
  client: WebClient,
  where: { channel: string; user: string },
  options: { replace_original?: boolean } = {},
): PrivateReply {
  return (message) => {
    const content = { text: message.text, ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}) };
    if (respond) return respond({ response_type: 'ephemeral', ...options, ...content });
    return client.chat.postEphemeral({ channel: where.channel, user: where.user, ...content });
  };
}
