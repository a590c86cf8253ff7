import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { addLinkFor } from '../../add-link.js';
import { placeOf } from '../../channel-services.js';
import { firstLink } from '../../link-request.js';
import type { SlackDeps } from '../../slack-deps.js';
import { NO_LINK_TEXT } from '../../views/add-link-text.js';
import { shortcutWork } from './shortcut-work.js';

/**
 * The "Add to whosaid" message shortcut: adds the first link of the message. Everything it says goes
 * to the person who used it, privately. https://docs.slack.dev/interactivity/implementing-shortcuts
 */
export function addToWhosaidListener(deps: SlackDeps) {
  return async (args: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const work = shortcutWork(args);
    if (!work) return;
    const { shortcut, tell } = work;
    const url = firstLink(shortcut.message.text);
    if (!url) {
      await tell(NO_LINK_TEXT).catch((error: unknown) =>
        deps.logger.warn({ error: describeError(error) }, 'could not reply to the shortcut'),
      );
      return;
    }
    await addLinkFor(deps, {
      ...placeOf(args.context, shortcut.channel.id),
      channel: shortcut.channel.id,
      user: shortcut.user.id,
      url,
      reply: tell,
      refuse: tell,
    });
  };
}
