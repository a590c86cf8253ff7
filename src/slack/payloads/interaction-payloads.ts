import { z } from 'zod';

/**
 * Interaction payloads (the form field `payload` over HTTP, `interactive` envelopes in Socket Mode) and
 * slash commands, with the fields the listeners and Bolt's routing read.
 * https://docs.slack.dev/reference/interaction-payloads
 */
const id = z.string().min(1);
const user = z.looseObject({ id });
const channel = z.looseObject({ id });
/** Checked further (Slack's hosts only) by response-url-guard.ts; here only its type. */
const responseUrl = z.string().optional();

/** A slash command, as form fields: https://docs.slack.dev/interactivity/implementing-slash-commands */
export const slashCommand = z.object({
  command: id,
  text: z.string().default(''),
  user_id: id,
  channel_id: id,
  team_id: z.string().optional(),
  response_url: responseUrl,
});

const blockAction = z.looseObject({
  action_id: id,
  block_id: z.string().optional(),
  type: z.string().optional(),
  value: z.string().optional(),
});

/** Button and feedback clicks: https://docs.slack.dev/reference/interaction-payloads/block_actions-payload */
export const blockActions = z.object({
  type: z.literal('block_actions'),
  user,
  actions: z.array(blockAction).min(1),
  channel: channel.optional(),
  container: z
    .looseObject({
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
    })
    .optional(),
  message: z.looseObject({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  response_url: responseUrl,
});

/** A message shortcut: https://docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload */
export const messageAction = z.object({
  type: z.literal('message_action'),
  callback_id: id,
  user,
  channel,
  message: z.looseObject({
    ts: id,
    thread_ts: z.string().optional(),
    reply_count: z.number().optional(),
    // Not every message has text (a file alone, blocks only): optional, but a string when present.
    text: z.string().optional(),
  }),
  response_url: responseUrl,
});

/** Payloads the bot has no listener for: checked only as far as Bolt reads them before acknowledging. */
export const globalShortcut = z.looseObject({ type: z.literal('shortcut'), callback_id: id, user });

/** https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload */
export const viewPayload = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  user,
  view: z.looseObject({ id, callback_id: z.string() }),
  // Bolt replies to response_urls[0] when present (App.processEvent).
  response_urls: z.array(z.looseObject({ response_url: z.string() })).optional(),
});

export const blockSuggestion = z.looseObject({
  type: z.literal('block_suggestion'),
  action_id: id,
  user,
  value: z.string(),
});

export type SlashCommand = z.infer<typeof slashCommand>;
export type BlockActions = z.infer<typeof blockActions>;
export type MessageAction = z.infer<typeof messageAction>;
