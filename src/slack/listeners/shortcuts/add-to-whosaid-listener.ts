import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { addLinkFor } from '../../add-link.js';
import { firstLink } from '../../link-request.js';
import { workOf } from '../../payloads/payload-context.js';
import { privateReply } from '../../private-reply.js';
import type { SlackDeps } from '../../slack-deps.js';
import { NO_LINK_TEXT } from '../../views/add-link-text.js';

/**
 * The "Add to whosaid" message shortcut: adds the first link of the message. Everything it says goes
 * to the person who used it, privately. https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function addToWhosaidListener(deps: SlackDeps) {
  return async ({
    ack,
    client,
    respond,
    context,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const shortcut = workOf(context, 'message_action')?.body;
    if (!shortcut) return;
    const reply = privateReply(
      respond as typeof respond | undefined,
      client,
      { channel: shortcut.channel.id, user: shortcut.user.id },
      { replace_original: false },
    );
    const tell = (text: string) => reply({ text, blocks: [] });
    const url = firstLink(shortcut.message.text);
    if (!url) {
      await tell(NO_LINK_TEXT).catch((error: unknown) =>
        deps.logger.warn({ error: describeError(error) }, 'could not reply to the shortcut'),
      );
      return;
    }
    await addLinkFor(deps, {
      channel: shortcut.channel.id,
      user: shortcut.user.id,
      url,
      reply: tell,
      refuse: tell,
    });
  };
}
