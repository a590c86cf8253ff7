import type { BotServices } from '../bot-services.js';
import { channelScope, type Tenancy } from '../collections/channel-scope.js';
import { readCollections } from '../collections/collection-registry.js';
import type { SlackDeps } from './slack-deps.js';

/** Where a Slack request comes from: its installation and channel (none for the App Home). */
export interface RequestPlace {
  /** The installation: the team id, or the enterprise id of an org-wide install. */
  team: string | null;
  channel: string | undefined;
  /** Read when `channel` is not bound: the DM a question was asked in, when `channel` is the one viewed. */
  fallback?: string;
}

/**
 * The installation of a request, from Bolt's context: the workspace's team id (an org-level request
 * without one falls back to the enterprise id). Until OAuth installs exist (issue 12) one token serves
 * one workspace, so the team id is what tells installations apart.
 */
export function placeOf(
  context: { teamId?: string | undefined; enterpriseId?: string | undefined },
  channel: string | undefined,
): RequestPlace {
  return { team: context.teamId ?? context.enterpriseId ?? null, channel };
}

/** The registry, the bindings and the defaults, read when a request comes (both change while serving). */
export async function tenancyOf(deps: SlackDeps): Promise<Tenancy> {
  const [records, bindings] = await Promise.all([
    deps.collections.dir ? readCollections(deps.collections.dir) : [],
    deps.state.channelBindings(),
  ]);
  return { records, bindings, defaults: deps.collections.defaults };
}

/**
 * The services as a request from `place` may use them: reading only the collections its channel is
 * bound to (or the defaults), among those its installation may read. Every answer, quote, check and
 * list in Slack goes through this; thread summaries read only the thread and need no scope.
 */
export async function servicesIn(deps: SlackDeps, place: RequestPlace): Promise<BotServices> {
  const services = deps.services.within(channelScope(place, await tenancyOf(deps)));
  await services.prepare();
  return services;
}
