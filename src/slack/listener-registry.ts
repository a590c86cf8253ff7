import type {
  App,
  MessageShortcut,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import { answerFeedbackListener } from './listeners/actions/answer-feedback-listener.js';
import { quoteMoreListener } from './listeners/actions/quote-more-listener.js';
import { quoteShareListener } from './listeners/actions/quote-share-listener.js';
import { quoteCommandListener } from './listeners/commands/quote-command-listener.js';
import { appHomeListener } from './listeners/events/app-home-listener.js';
import { appMentionListener } from './listeners/events/app-mention-listener.js';
import { messageListener } from './listeners/events/message-listener.js';
import { addToWhosaidListener } from './listeners/shortcuts/add-to-whosaid-listener.js';
import { checkQuoteListener } from './listeners/shortcuts/check-quote-listener.js';
import { summarizeThreadListener } from './listeners/shortcuts/summarize-thread-listener.js';
import type { HandlesRoute } from './payloads/payload-verdict.js';
import type { SlackDeps } from './slack-deps.js';
import { ACTION_IDS, COMMANDS, SHORTCUT_IDS } from './views/action-ids.js';

/**
 * Every listener the app has, declared as data. The app is built from this list, and a test checks it
 * against manifest.json: each manifest event, command and shortcut has a listener and vice versa.
 */
export interface ListenerEntry {
  kind: 'event' | 'command' | 'shortcut' | 'action';
  /** Event type, command, callback_id or action_id. */
  id: string;
  /** For events: the manifest `bot_events` names that deliver it (`message` arrives as message.im, …). */
  manifestEvents: readonly string[];
  attach(app: App, deps: SlackDeps): void;
}

type EventName = 'app_mention' | 'message' | 'app_home_opened';

function event<E extends EventName>(
  id: E,
  manifestEvents: readonly string[],
  listener: (deps: SlackDeps) => Middleware<SlackEventMiddlewareArgs<E>>,
): ListenerEntry {
  return { kind: 'event', id, manifestEvents, attach: (app, deps) => app.event(id, listener(deps)) };
}

function command(
  id: string,
  listener: (deps: SlackDeps) => Middleware<SlackCommandMiddlewareArgs>,
): ListenerEntry {
  return { kind: 'command', id, manifestEvents: [], attach: (app, deps) => app.command(id, listener(deps)) };
}

function messageShortcut(
  id: string,
  listener: (deps: SlackDeps) => Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>>,
): ListenerEntry {
  return {
    kind: 'shortcut',
    id,
    manifestEvents: [],
    attach: (app, deps) =>
      app.shortcut<MessageShortcut>({ callback_id: id, type: 'message_action' }, listener(deps)),
  };
}

function action(
  id: string,
  listener: (deps: SlackDeps) => Middleware<SlackActionMiddlewareArgs>,
): ListenerEntry {
  return { kind: 'action', id, manifestEvents: [], attach: (app, deps) => app.action(id, listener(deps)) };
}

export const LISTENERS: readonly ListenerEntry[] = [
  event('app_mention', ['app_mention'], appMentionListener),
  // DMs arrive as message.im; follow-ups in threads and auto-answer channels need the channel histories.
  event('message', ['message.im', 'message.channels', 'message.groups'], messageListener),
  event('app_home_opened', ['app_home_opened'], appHomeListener),
  command(COMMANDS.quote, quoteCommandListener),
  messageShortcut(SHORTCUT_IDS.summarizeThread, summarizeThreadListener),
  messageShortcut(SHORTCUT_IDS.addToWhosaid, addToWhosaidListener),
  messageShortcut(SHORTCUT_IDS.checkQuote, checkQuoteListener),
  action(ACTION_IDS.quoteMore, quoteMoreListener),
  action(ACTION_IDS.quoteShare, quoteShareListener),
  action(ACTION_IDS.answerFeedback, answerFeedbackListener),
];

/** Whether one of the listeners handles a payload's route; the boundary acknowledges the rest at once. */
export function handlesRoute(listeners: readonly ListenerEntry[]): HandlesRoute {
  return (route) => listeners.some((listener) => listener.kind === route.kind && listener.id === route.id);
}

export function registerListeners(
  app: App,
  deps: SlackDeps,
  listeners: readonly ListenerEntry[] = LISTENERS,
): void {
  for (const listener of listeners) listener.attach(app, deps);
}
