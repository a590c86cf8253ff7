import { checkBindable } from '../collections/channel-scope.js';
import { readCollections, upsertCollection } from '../collections/collection-registry.js';
import { checkCollectionName, DEFAULT_COLLECTION } from '../collections/scope.js';
import { describeError, isWhosaidError } from '../errors.js';
import { mayAdd } from './add-link.js';
import { withoutMention } from './question-text.js';
import type { SlackDeps } from './slack-deps.js';
import { escapeText } from './views/mrkdwn.js';

/**
 * "@whosaid use legal, news" → ["legal", "news"]; "@whosaid use default" → [] (back to the defaults);
 * null when the mention is something else (a question that starts with "use" has more than names).
 */
export function useRequestNames(text: string | undefined, botUserId: string): string[] | null {
  const withoutBot = withoutMention(text, botUserId);
  const match = /^use\s+([a-z0-9_-]+(?:\s*,\s*[a-z0-9_-]+|\s+and\s+[a-z0-9_-]+)*)\s*\.?$/i.exec(withoutBot);
  if (!match?.[1]) return null;
  const names = match[1]
    .split(/\s*,\s*|\s+and\s+/i)
    .map((name) => name.toLowerCase())
    .filter(Boolean);
  return names.length === 1 && names[0] === 'default' ? [] : names;
}

export interface UseRequest {
  team: string | null;
  channel: string;
  /**
   * A DM with the bot: what the asker's own DMs read. Admins only, as for channels — a collection may
   * be meant for one private channel, and letting anyone read it in their DMs would undo that.
   */
  direct?: boolean;
  user: string;
  names: string[];
  reply(text: string): Promise<unknown>;
  refuse(text: string): Promise<unknown>;
}

/**
 * Binds the channel to the named collections (an admin only: it decides what everyone in the channel
 * reads). A name not known yet becomes a new, empty collection of this installation, which links
 * added in the channel then fill; names this installation may not read are refused.
 */
export async function useCollectionsFor(deps: SlackDeps, request: UseRequest): Promise<void> {
  try {
    if (!mayAdd(deps, request.user, request.channel)) {
      await request.refuse(
        request.direct
          ? directRefusal(deps.collections.defaults)
          : "Sorry, only whosaid's admins can choose what a channel reads.",
      );
      return;
    }
    const dir = deps.collections.dir;
    const names = request.names.map(checkCollectionName);
    if (dir) {
      const known = new Set((await readCollections(dir)).map((record) => record.name));
      for (const name of names)
        if (name !== DEFAULT_COLLECTION && !known.has(name))
          await upsertCollection(dir, { name, team: request.team });
    }
    checkBindable(request.team, names, dir ? await readCollections(dir) : []);
    await deps.state.bindChannel({ team: request.team, channel: request.channel, collections: names });
    deps.logger.info({ channel: request.channel, collections: names }, 'channel bound to collections');
    await request.reply(useText(names, deps.collections.defaults, request.direct === true));
  } catch (error) {
    const text = isWhosaidError(error) ? error.message : 'Something went wrong; the error has been logged.';
    if (!isWhosaidError(error)) deps.logger.error({ error: describeError(error) }, 'use failed');
    await request.refuse(text).catch(() => undefined);
  }
}

const list = (items: readonly string[]) => items.map((name) => `*${escapeText(name)}*`).join(', ');

function useText(names: readonly string[], defaults: readonly string[], direct: boolean): string {
  const place = direct ? 'Your direct messages with me' : 'This channel';
  if (names.length === 0)
    return `${place} ${direct ? 'read' : 'reads'} the default collections again: ${list(defaults)}.`;
  const first = `*${escapeText(names[0] ?? '')}*`;
  return direct
    ? `${place} now read only ${list(names)}; links you add here go into ${first}. Asked from the split pane while you view a channel bound to collections, I read that channel's instead.`
    : `${place} now reads only ${list(names)}. Links added here go into ${first}.`;
}

/** Why a DM cannot choose its collections, and what to do instead. */
function directRefusal(defaults: readonly string[]): string {
  return `In direct messages I read this workspace's default collections (${list(defaults)}); only whosaid's admins can choose others here. To ask about another collection, ask in a channel that reads it, or open that channel and ask me from the split pane (my icon in the top bar).`;
}
