import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { MessageAction } from '../../payloads/interaction-payloads.js';
import { workOf } from '../../payloads/payload-context.js';
import { type PrivateReply, privateReply } from '../../private-reply.js';

/**
 * What a message shortcut's listener works with: the checked payload, and a private note to the person
 * who used it (through the response_url, or ephemerally when the payload has none).
 */
export function shortcutWork({
  context,
  respond,
  client,
}: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs):
  | { shortcut: MessageAction; tell(text: string): Promise<unknown>; reply: PrivateReply }
  | undefined {
  const shortcut = workOf(context, 'message_action')?.body;
  if (!shortcut) return undefined;
  const reply = privateReply(
    respond as typeof respond | undefined,
    client,
    { channel: shortcut.channel.id, user: shortcut.user.id },
    { replace_original: false },
  );
  return { shortcut, tell: (text) => reply({ text, blocks: [] }), reply };
}
