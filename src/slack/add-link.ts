import { describeError } from '../errors.js';
import { servicesIn } from './channel-services.js';
import type { SlackDeps } from './slack-deps.js';
import { addLinkText, addRefusalText } from './views/add-link-text.js';

export interface AddLinkRequest {
  /** The installation asking: the link goes into its channel's first bound collection. */
  team: string | null;
  channel: string;
  user: string;
  url: string;
  /** Where the outcome goes (the thread for a mention, the person for a shortcut). */
  reply(text: string): Promise<unknown>;
  /** Where a refusal goes: always privately. */
  refuse(text: string): Promise<unknown>;
}

/** Adding changes what everyone's answers come from: only admins, or anyone in the admin channel. */
export function mayAdd(deps: SlackDeps, user: string, channel: string): boolean {
  return (
    deps.admins.users.has(user) || (deps.admins.channel !== undefined && deps.admins.channel === channel)
  );
}

/** The "add" flow shared by the mention and the shortcut: check who asks, add, say what came of it. */
export async function addLinkFor(deps: SlackDeps, request: AddLinkRequest): Promise<void> {
  const configured = deps.admins.users.size > 0 || deps.admins.channel !== undefined;
  try {
    const { addLink } = await servicesIn(deps, { team: request.team, channel: request.channel });
    if (!addLink || !mayAdd(deps, request.user, request.channel)) {
      await request.refuse(addRefusalText(deps.admins.channel, configured && addLink !== undefined));
      return;
    }
    const result = await addLink(request.url).catch((error: unknown) => {
      deps.logger.error({ error: describeError(error) }, 'adding a link failed unexpectedly');
      return { ok: false as const, reason: 'something went wrong on my side (see the log)' };
    });
    deps.logger.info({ user: request.user, ok: result.ok }, 'link added from Slack');
    await request.reply(addLinkText(request.url, result));
  } catch (error) {
    deps.logger.warn({ error: describeError(error) }, 'could not reply to an add request');
  }
}
