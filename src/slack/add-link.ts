import type { WebClient } from '@slack/web-api';
import { describeError } from '../errors.js';
import { servicesIn } from './channel-services.js';
import { postMessages, tellPrivately } from './post-messages.js';
import type { SlackDeps } from './slack-deps.js';
import { addLinkMessage, addLinkText, addRefusalText, followFeedText } from './views/add-link-text.js';

export interface AddLinkRequest {
  /** The installation asking: the link goes into its channel's first bound collection. */
  team: string | null;
  channel: string;
  user: string;
  url: string;
  /** Add the document the link points at (default), or follow the feed it is. */
  kind?: 'add' | 'follow';
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
    const services = await servicesIn(deps, { team: request.team, channel: request.channel });
    const follow = request.kind === 'follow';
    const available = follow ? services.followFeed : services.addLink;
    if (!available || !mayAdd(deps, request.user, request.channel)) {
      await request.refuse(addRefusalText(deps.admins.channel, configured && available !== undefined));
      return;
    }
    const failed = (error: unknown) => {
      deps.logger.error({ error: describeError(error) }, 'adding a link failed unexpectedly');
      return { ok: false as const, reason: 'something went wrong on my side (see the log)' };
    };
    const { url } = request;
    const text =
      follow && services.followFeed
        ? followFeedText(url, await services.followFeed(url).catch(failed))
        : services.addLink
          ? addLinkText(url, await services.addLink(url).catch(failed))
          : '';
    deps.logger.info({ user: request.user, kind: request.kind ?? 'add' }, 'link added from Slack');
    await request.reply(text);
  } catch (error) {
    deps.logger.warn({ error: describeError(error) }, 'could not reply to an add request');
  }
}

/**
 * "add <link>" written in a conversation — an @mention in a channel or a DM to the bot: the outcome is
 * posted in the thread, a refusal only to the person who asked. In a DM only the admins themselves may
 * add (a DM is never the admin channel).
 */
export function addLinkInConversation(
  client: WebClient,
  deps: SlackDeps,
  where: {
    team: string | null;
    channel: string;
    user: string;
    threadTs: string;
    url: string;
    kind?: 'add' | 'follow';
  },
): Promise<void> {
  const { channel, user, threadTs } = where;
  return addLinkFor(deps, {
    team: where.team,
    channel,
    user,
    url: where.url,
    ...(where.kind ? { kind: where.kind } : {}),
    reply: (text) => postMessages(deps, { channel, threadTs, user }, [addLinkMessage(text)]),
    refuse: (text) => tellPrivately(client, { channel, user, threadTs }, text),
  });
}
