import type { AppContext } from './payloads/event-payloads.js';

/** A Slack conversation id: public (C) or private (G, or C since 2021) channel, DM (D). */
const CONVERSATION_ID = /^[CGD][A-Z0-9]{2,}$/;

/**
 * The channel the person is viewing, from the agent view's `app_context`: the first channel (or the
 * channel of the first message) among its entities, which Slack orders by relevance. Canvases and
 * lists are not channels; an entity of another workspace (a shared channel seen from another team) is
 * not this installation's to scope by. https://docs.slack.dev/reference/events/app_context_changed
 */
export function viewedChannel(context: AppContext, team: string | null): string | undefined {
  for (const entity of context?.entities ?? []) {
    if (entity.team_id !== undefined && team !== null && entity.team_id !== team) continue;
    const channel =
      entity.type === 'slack#/types/channel_id'
        ? entity.value
        : entity.type === 'slack#/types/message_context' &&
            typeof entity.value === 'object' &&
            entity.value !== null
          ? (entity.value as { channel_id?: unknown }).channel_id
          : undefined;
    if (typeof channel === 'string' && CONVERSATION_ID.test(channel)) return channel;
  }
  return undefined;
}
