import { z } from 'zod';

/**
 * The Events API envelope and the events the bot reads, with only the fields its listeners and Bolt's
 * routing use (everything else Slack sends is left alone). Field names and types follow
 * https://docs.slack.dev/apis/events-api/#callback-field and each event's reference page.
 */
const id = z.string().min(1);

/** `app_mention`: https://docs.slack.dev/reference/events/app_mention */
export const appMentionEvent = z.object({
  type: z.literal('app_mention'),
  channel: id,
  ts: id,
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().default(''),
  thread_ts: z.string().optional(),
});

/**
 * What the person is viewing in Slack, ordered by relevance (agent view): a channel, a message in a
 * channel, a canvas or a list. Sent with `message.im` and `app_home_opened` to an app subscribed to
 * `app_context_changed`. https://docs.slack.dev/reference/events/app_context_changed
 */
const appContext = z
  .looseObject({
    entities: z
      .array(z.looseObject({ type: z.string(), value: z.unknown(), team_id: z.string().optional() }))
      .optional(),
  })
  .optional();

/**
 * `message` and its subtypes: https://docs.slack.dev/reference/events/message — edits and deletions
 * carry no top-level user or text, so those are optional; every message has a channel and a ts.
 */
export const messageEvent = z.object({
  type: z.literal('message'),
  channel: id,
  ts: id,
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  app_context: appContext,
});

/** `app_home_opened`: https://docs.slack.dev/reference/events/app_home_opened */
export const appHomeOpenedEvent = z.object({
  type: z.literal('app_home_opened'),
  user: id,
  // The DM channel with the app: where the Messages tab's suggested prompts are set.
  channel: z.string().optional(),
  tab: z.string().optional(),
  app_context: appContext,
});

/** `app_uninstalled`: https://docs.slack.dev/reference/events/app_uninstalled */
export const appUninstalledEvent = z.object({ type: z.literal('app_uninstalled') });

/**
 * `tokens_revoked`: user ids whose user tokens (`oauth`) and bot user ids whose bot tokens (`bot`) were
 * revoked. https://docs.slack.dev/reference/events/tokens_revoked
 */
export const tokensRevokedEvent = z.object({
  type: z.literal('tokens_revoked'),
  tokens: z.object({ oauth: z.array(id).optional(), bot: z.array(id).optional() }),
});

/** Events with no listener: only what Bolt's routing reads is checked, so they can be acknowledged. */
const otherEvent = z.looseObject({ type: z.string() });

export const eventCallback = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().optional(),
  team_id: z.string().optional(),
  // Bolt reads authorizations[0] to tell an enterprise install (helpers.isBodyWithTypeEnterpriseInstall).
  authorizations: z.array(z.looseObject({ is_enterprise_install: z.boolean().optional() })).optional(),
  event: otherEvent,
});

export type AppMentionEvent = z.infer<typeof appMentionEvent>;
export type MessageEvent = z.infer<typeof messageEvent>;
export type AppHomeOpenedEvent = z.infer<typeof appHomeOpenedEvent>;
export type AppContext = z.infer<typeof appContext>;
export type AppUninstalledEvent = z.infer<typeof appUninstalledEvent>;
export type TokensRevokedEvent = z.infer<typeof tokensRevokedEvent>;
