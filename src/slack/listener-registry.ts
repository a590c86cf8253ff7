import type {
  App,
  MessageShortcut,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import { perInstallation } from './installation-deps.js';
import { answerFeedbackListener } from './listeners/actions/answer-feedback-listener.js';
import { quoteMoreListener } from './listeners/actions/quote-more-listener.js';
import { quoteShareListener } from './listeners/actions/quote-share-listener.js';
import { quoteCommandListener } from './listeners/commands/quote-command-listener.js';
import { appContextListener } from './listeners/events/app-context-listener.js';
import { appHomeListener } from './listeners/events/app-home-listener.js';
import { appMentionListener } from './listeners/events/app-mention-listener.js';
import { messageListener } from './listeners/events/message-listener.js';
import { appUninstalledListener, tokensRevokedListener } from './listeners/events/uninstall-listeners.js';
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
  /**
   * The bot scopes it needs: to receive its events (each bot event has one, e.g. message.im → im:history)
   * and for the Web API methods it calls. The manifest asks for exactly the union of these.
   */
  scopes: readonly string[];
  attach(app: App, deps: SlackDeps): void;
}

type EventName =
  | 'app_mention'
  | 'message'
  | 'app_home_opened'
  | 'app_context_changed'
  | 'app_uninstalled'
  | 'tokens_revoked';

function event<E extends EventName>(
  id: E,
  manifestEvents: readonly string[],
  scopes: readonly string[],
  listener: (deps: SlackDeps) => Middleware<SlackEventMiddlewareArgs<E>>,
): ListenerEntry {
  return {
    kind: 'event',
    id,
    manifestEvents,
    scopes,
    attach: (app, deps) => app.event(id, perInstallation(deps, listener)),
  };
}

function command(
  id: string,
  scopes: readonly string[],
  listener: (deps: SlackDeps) => Middleware<SlackCommandMiddlewareArgs>,
): ListenerEntry {
  return {
    kind: 'command',
    id,
    manifestEvents: [],
    scopes,
    attach: (app, deps) => app.command(id, perInstallation(deps, listener)),
  };
}

function messageShortcut(
  id: string,
  scopes: readonly string[],
  listener: (deps: SlackDeps) => Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>>,
): ListenerEntry {
  return {
    kind: 'shortcut',
    id,
    manifestEvents: [],
    scopes,
    attach: (app, deps) =>
      app.shortcut<MessageShortcut>(
        { callback_id: id, type: 'message_action' },
        perInstallation(deps, listener),
      ),
  };
}

function action(
  id: string,
  listener: (deps: SlackDeps) => Middleware<SlackActionMiddlewareArgs>,
): ListenerEntry {
  return {
    kind: 'action',
    id,
    manifestEvents: [],
    // Actions come back on the bot's own messages; replying to them is chat:write.
    scopes: ['chat:write'],
    attach: (app, deps) => app.action(id, perInstallation(deps, listener)),
  };
}

/** Reading a thread to summarize it (conversations.replies) in DMs, public and private channels. */
const READ_THREADS = ['im:history', 'channels:history', 'groups:history'];
/**
 * "Summarize this channel": whether the bot and the asker are members (conversations.info and
 * conversations.members need the channel's read scope); its history needs the *:history scopes above.
 */
const READ_MEMBERS = ['channels:read', 'groups:read'];

export const LISTENERS: readonly ListenerEntry[] = [
  // Answers and summaries in threads: chat:write; a summary names people with users.info (users:read).
  event(
    'app_mention',
    ['app_mention'],
    ['app_mentions:read', 'chat:write', 'users:read', ...READ_THREADS, ...READ_MEMBERS],
    appMentionListener,
  ),
  // DMs arrive as message.im; follow-ups in threads and auto-answer channels need the channel histories.
  // A new DM conversation gets a title (assistant.threads.setTitle: assistant:write).
  event(
    'message',
    ['message.im', 'message.channels', 'message.groups'],
    ['chat:write', 'users:read', 'assistant:write', ...READ_THREADS, ...READ_MEMBERS],
    messageListener,
  ),
  // Subscribing is what makes Slack send the viewed channel (app_context) with each message.im; it
  // needs no scope of its own.
  event('app_context_changed', ['app_context_changed'], [], appContextListener),
  // The Home tab (views.publish needs no scope); suggested prompts in the Messages tab need assistant:write.
  event('app_home_opened', ['app_home_opened'], ['assistant:write'], appHomeListener),
  // Forgetting an installation's tokens when it goes (OAuth); these events need no scope.
  event('app_uninstalled', ['app_uninstalled'], [], appUninstalledListener),
  event('tokens_revoked', ['tokens_revoked'], [], tokensRevokedListener),
  command(COMMANDS.quote, ['commands'], quoteCommandListener),
  messageShortcut(
    SHORTCUT_IDS.summarizeThread,
    ['chat:write', 'users:read', ...READ_THREADS],
    summarizeThreadListener,
  ),
  // Private replies go through the shortcut's response_url, or chat.postEphemeral (chat:write) without one.
  messageShortcut(SHORTCUT_IDS.addToWhosaid, ['chat:write'], addToWhosaidListener),
  messageShortcut(SHORTCUT_IDS.checkQuote, ['chat:write'], checkQuoteListener),
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
