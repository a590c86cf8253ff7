import { WhosaidError } from '../errors.js';
import type { ChannelBinding } from '../store/state-store.js';
import type { CollectionRecord } from './collection-registry.js';
import { DEFAULT_COLLECTION, type Scope } from './scope.js';

/** What decides what a Slack channel reads: the registry, the channel bindings and the defaults. */
export interface Tenancy {
  records: readonly CollectionRecord[];
  bindings: readonly ChannelBinding[];
  /** What unbound channels and DMs read (WHOSAID_DEFAULT_COLLECTIONS). */
  defaults: readonly string[];
}

/**
 * The collections an installation may read: `news`, those made without an owner, and its own.
 * Every scope is cut down to these, whatever a binding or the defaults say, so no configuration
 * mistake lets one installation read another's documents.
 */
export function visibleCollections(team: string | null, records: readonly CollectionRecord[]): string[] {
  return [
    DEFAULT_COLLECTION,
    ...records.filter((record) => record.team === null || record.team === team).map((record) => record.name),
  ];
}

/** The binding of a channel: the installation's own first, else one made for the channel id alone. */
function bindingOf(
  where: { team: string | null; channel: string },
  bindings: readonly ChannelBinding[],
): ChannelBinding | undefined {
  return (
    bindings.find((binding) => binding.team === where.team && binding.channel === where.channel) ??
    bindings.find((binding) => binding.team === null && binding.channel === where.channel)
  );
}

/**
 * What a question from a channel (or DM: `channel` undefined or never bound) of an installation reads:
 * the channel's bound collections, else those of `fallback` (the DM a question viewing an unbound
 * channel was asked in), else the defaults — only those the installation may read. The
 * first collection is also where documents added from that channel go.
 */
export function channelScope(
  where: { team: string | null; channel: string | undefined; fallback?: string | undefined },
  tenancy: Tenancy,
): Scope {
  const bound = [where.channel, where.fallback]
    .filter((channel): channel is string => channel !== undefined)
    .map((channel) => bindingOf({ team: where.team, channel }, tenancy.bindings))
    .find((binding) => binding !== undefined);
  const visible = new Set(visibleCollections(where.team, tenancy.records));
  return { collections: (bound?.collections ?? tenancy.defaults).filter((name) => visible.has(name)) };
}

/**
 * Checks that an installation may bind these collections (each is `news` or a registered collection
 * it may read). The message never says whether a name belongs to someone else.
 */
export function checkBindable(
  team: string | null,
  names: readonly string[],
  records: readonly CollectionRecord[],
): void {
  const visible = new Set(visibleCollections(team, records));
  const unknown = names.filter((name) => !visible.has(name));
  if (unknown.length > 0) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `No collection ${unknown.map((name) => `"${name}"`).join(', ')} here. \`whosaid collections list\` shows the collections.`,
    );
  }
}
