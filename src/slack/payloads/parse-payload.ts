import type { z } from 'zod';
import {
  type AppHomeOpenedEvent,
  type AppMentionEvent,
  type AppUninstalledEvent,
  appHomeOpenedEvent,
  appMentionEvent,
  appUninstalledEvent,
  eventCallback,
  type MessageEvent,
  messageEvent,
  type TokensRevokedEvent,
  tokensRevokedEvent,
} from './event-payloads.js';
import {
  type BlockActions,
  blockActions,
  blockSuggestion,
  globalShortcut,
  type MessageAction,
  messageAction,
  type SlashCommand,
  slashCommand,
  viewPayload,
} from './interaction-payloads.js';

/** A checked payload, as the listeners receive it. `other` is valid but read by no listener of ours. */
export type SlackWork =
  | { kind: 'app_mention'; eventId: string | undefined; event: AppMentionEvent }
  | { kind: 'message'; eventId: string | undefined; event: MessageEvent }
  | { kind: 'app_home_opened'; event: AppHomeOpenedEvent }
  | { kind: 'app_uninstalled'; event: AppUninstalledEvent }
  | { kind: 'tokens_revoked'; event: TokensRevokedEvent }
  | { kind: 'command'; command: SlashCommand }
  | { kind: 'block_actions'; body: BlockActions }
  | { kind: 'message_action'; body: MessageAction }
  | { kind: 'other' };

/** Which listener of the registry (listener-registry.ts: kind + id) would handle a payload. */
export interface PayloadRoute {
  kind: 'event' | 'command' | 'shortcut' | 'action';
  id: string;
}

export type PayloadCheck =
  | { ok: true; type: string; work: SlackWork; route: PayloadRoute | undefined }
  | { ok: false; type: string; problem: string };

type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Checks any parsed request body (HTTP or a Socket Mode envelope's payload) against the schema of its
 * payload type. The order of the tests is Bolt's own (helpers.getTypeAndConversation: `event`, then
 * `command`, `name`, `actions`, then `type`), so a payload is checked as the kind Bolt will route it as.
 * Never throws: whatever the input, the answer is a typed payload or the first problem found in it.
 */
export function parsePayload(body: unknown): PayloadCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, type: 'unknown', problem: `the payload is ${describe(body)}, not an object` };
  const fields = body as Record<string, unknown>;
  const type = typeof fields.type === 'string' ? fields.type : undefined;
  if (fields.event !== undefined) return parseEvent(fields);
  if (fields.command !== undefined) {
    const command = check(slashCommand, fields);
    return command.ok
      ? accept('slash_command', { kind: 'command', command: command.value }, 'command', command.value.command)
      : refuse('slash_command', command.problem);
  }
  if (fields.name !== undefined || type === 'block_suggestion')
    return other(type ?? 'options', type === 'block_suggestion' ? check(blockSuggestion, fields) : null);
  if (fields.actions !== undefined || type === 'dialog_submission') {
    if (type !== 'block_actions') return other(type ?? 'actions', null);
    const actions = check(blockActions, fields);
    if (!actions.ok) return refuse(type, actions.problem);
    const actionId = actions.value.actions[0]?.action_id ?? '';
    return accept(type, { kind: 'block_actions', body: actions.value }, 'action', actionId);
  }
  if (type === 'message_action') {
    const shortcut = check(messageAction, fields);
    return shortcut.ok
      ? accept(type, { kind: 'message_action', body: shortcut.value }, 'shortcut', shortcut.value.callback_id)
      : refuse(type, shortcut.problem);
  }
  if (type === 'shortcut') return other(type, check(globalShortcut, fields));
  if (type === 'view_submission' || type === 'view_closed') return other(type, check(viewPayload, fields));
  if (type !== undefined) return other(type, null);
  return refuse('unknown', fields.type === undefined ? 'type: missing' : `type: ${describe(fields.type)}`);
}

function parseEvent(fields: Record<string, unknown>): PayloadCheck {
  const envelope = check(eventCallback, fields);
  if (!envelope.ok) return refuse('event_callback', envelope.problem);
  const { event, event_id: eventId } = envelope.value;
  const route = (work: SlackWork) => accept(event.type, work, 'event', event.type);
  const named = (problem: string) => refuse(event.type, `event.${problem}`);
  switch (event.type) {
    case 'app_mention': {
      const mention = check(appMentionEvent, event);
      return mention.ok
        ? route({ kind: 'app_mention', eventId, event: mention.value })
        : named(mention.problem);
    }
    case 'message': {
      const message = check(messageEvent, event);
      return message.ok ? route({ kind: 'message', eventId, event: message.value }) : named(message.problem);
    }
    case 'app_home_opened': {
      const opened = check(appHomeOpenedEvent, event);
      return opened.ok ? route({ kind: 'app_home_opened', event: opened.value }) : named(opened.problem);
    }
    case 'app_uninstalled': {
      const gone = check(appUninstalledEvent, event);
      return gone.ok ? route({ kind: 'app_uninstalled', event: gone.value }) : named(gone.problem);
    }
    case 'tokens_revoked': {
      const revoked = check(tokensRevokedEvent, event);
      return revoked.ok ? route({ kind: 'tokens_revoked', event: revoked.value }) : named(revoked.problem);
    }
    default:
      return route({ kind: 'other' });
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(payload)';
  return { ok: false, problem: `${path}: ${issue?.message ?? 'invalid'}` };
}

function accept(type: string, work: SlackWork, kind: PayloadRoute['kind'], id: string): PayloadCheck {
  return { ok: true, type, work, route: { kind, id } };
}

/** A payload no listener reads: its type is known, and any schema it has must hold. */
function other(type: string, checked: Checked<unknown> | null): PayloadCheck {
  if (checked && !checked.ok) return refuse(type, checked.problem);
  return { ok: true, type, work: { kind: 'other' }, route: undefined };
}

function refuse(type: string, problem: string): PayloadCheck {
  return { ok: false, type, problem };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
