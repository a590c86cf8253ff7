import type { AllMiddlewareArgs, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotServices } from '../../../bot-services.js';
import { channelScope, visibleCollections } from '../../../collections/channel-scope.js';
import { placeOf, tenancyOf } from '../../channel-services.js';
import { feedbackOfWorkspace, summarizeFeedback } from '../../feedback-summary.js';
import { workOf } from '../../payloads/payload-context.js';
import { buildPermalink } from '../../permalinks.js';
import { logFailure } from '../../slack-api-errors.js';
import type { SlackDeps } from '../../slack-deps.js';
import { viewedChannel } from '../../viewed-channel.js';
import { type HomeExtras, homeView } from '../../views/home-view.js';
import { suggestedPromptsOffer } from './suggested-prompts.js';

/**
 * `app_home_opened`: publishes the Home tab, or offers suggested prompts when the Messages tab (an agent
 * app's conversation) was opened. https://docs.slack.dev/reference/events/app_home_opened
 */
export function appHomeListener(deps: SlackDeps) {
  const offerPrompts = suggestedPromptsOffer(deps);
  return async ({
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const event = workOf(context, 'app_home_opened')?.event;
    if (!event) return;
    if (event.tab === 'messages') {
      if (event.channel)
        await offerPrompts(client, {
          user: event.user,
          channel: event.channel,
          team: placeOf(context, undefined).team,
          viewing: viewedChannel(event.app_context, placeOf(context, undefined).team),
        });
      return;
    }
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({
        user_id: event.user,
        view: await workspaceHome(deps, context, event.user),
      });
    } catch (error) {
      logFailure(deps.logger, error, 'could not publish the Home tab', { user: event.user });
    }
  };
}

/**
 * The Home tab of one workspace: the documents and speakers its DMs read (the default collections),
 * and every collection the workspace may read, with its counts and the channels bound to it.
 */
async function workspaceHome(deps: SlackDeps, context: Context, user: string) {
  const place = placeOf(context, undefined);
  const tenancy = await tenancyOf(deps);
  const visible = visibleCollections(place.team, tenancy.records);
  const everything = (await prepared(deps.services.within({ collections: visible }))).knowledge();
  const present = new Map(everything.collections.map((stats) => [stats.name, stats]));
  const collections = visible.map((name) => ({
    name,
    documents: present.get(name)?.documents ?? 0,
    quotes: present.get(name)?.quotes ?? 0,
    isDefault: tenancy.defaults.includes(name),
    channels: tenancy.bindings
      .filter(
        (binding) =>
          (binding.team === place.team || binding.team === null) && binding.collections.includes(name),
      )
      .map((binding) => binding.channel),
  }));
  const shown = await prepared(deps.services.within(channelScope(place, tenancy)));
  return homeView(shown.knowledge(), deps.identity.botUserId, {
    ...(await homeExtras(deps, user, visible, place.team)),
    collections,
  });
}

/**
 * The feeds (for everyone: those bringing articles into a collection this workspace may read) and the
 * last week's feedback (for admins: who asked what is not for every user's Home tab). Either that
 * cannot be read is left out rather than failing the whole tab.
 */
async function homeExtras(
  deps: SlackDeps,
  user: string,
  visible: readonly string[],
  team: string | null,
): Promise<HomeExtras> {
  const feeds = (
    await deps.services.feeds?.().catch((error: unknown) => {
      logFailure(deps.logger, error, 'could not read the feed list for the Home tab', { user });
      return undefined;
    })
  )?.filter((feed) => visible.includes(feed.collection));
  if (!deps.admins.users.has(user)) return { feeds };
  const entries = await deps.state.feedback().catch(() => null);
  if (!entries) return { feeds };
  const own = feedbackOfWorkspace(entries, team, { manyWorkspaces: deps.installations !== undefined });
  const workspaceUrl = deps.identity.url;
  return {
    feeds,
    feedback: {
      summary: summarizeFeedback(own, new Date()),
      link: (answer) =>
        workspaceUrl ? buildPermalink(workspaceUrl, answer.channel, answer.messageTs, answer.threadTs) : null,
    },
  };
}

/**
 * The services with their scope built (scoped-context.ts): over an index read on demand its speaker
 * directory needs the scope's quotes, which only the awaited preparation reads.
 */
async function prepared(services: BotServices): Promise<BotServices> {
  await services.prepare();
  return services;
}
