import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  ErrorCode,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type InstallationQuery,
  type InstallationStore,
  type ReceiverEvent,
  SocketModeReceiver,
} from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { BotServices } from '../bot-services.js';
import { DEFAULT_COLLECTION } from '../collections/scope.js';
import type { SlackSettings } from '../config.js';
import { describeError, WhosaidError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { StateStore } from '../store/state-store.js';
import { type DispatchAcknowledged, dispatchAcknowledged } from './acknowledged-work.js';
import { answerCatalog } from './answer-catalog.js';
import { boltLogger } from './bolt-logger.js';
import { type BotIdentity, fetchBotIdentity } from './bot-identity.js';
import { DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from './delivery/delivery-policy.js';
import { MethodGate } from './delivery/method-gate.js';
import { Outbox } from './delivery/outbox.js';
import { deliveryClientOptions, requestClientOptions } from './delivery/web-client-options.js';
import { EVENTS_PATH } from './events-path.js';
import { guardHttpRequests } from './http-boundary.js';
import { InFlight } from './in-flight.js';
import { handlesRoute, LISTENERS, type ListenerEntry, registerListeners } from './listener-registry.js';
import { installationClients, installerOptions } from './oauth-install.js';
import { checkProcessedEvents } from './payloads/check-processed-events.js';
import type { SlackWork } from './payloads/parse-payload.js';
import { guardResponseUrls } from './response-url-guard.js';
import { logFailure, slackErrorCode } from './slack-api-errors.js';
import type { FeedbackRecorder, SlackDeps } from './slack-deps.js';
import { guardSocketEnvelopes } from './socket-boundary.js';
import { UserNames } from './user-names.js';
import { WorkQueue } from './work-queue.js';

export interface SlackAppOptions {
  settings: SlackSettings;
  services: BotServices;
  logger: Logger;
  autoAnswerChannels?: readonly string[];
  /** Channels where messages and mentions from other bots are answered. */
  botChannels?: readonly string[];
  /** Who may add documents from Slack (WHOSAID_ADMINS, WHOSAID_ADMIN_CHANNEL); nobody by default. */
  admins?: { users?: readonly string[]; channel?: string };
  /** The collections folder and what unbound channels read (default: only `news`). */
  collections?: { dir?: string; defaults?: readonly string[] };
  /** Web API client options (tests: `{ retryConfig: { retries: 0 } }`); the API URL comes from settings. */
  clientOptions?: WebClientOptions;
  /** Dedupe keys, answered threads, the outbox and feedback; the caller opens and closes it. */
  state: StateStore;
  /** Where feedback clicks go; by default into `state`. */
  feedback?: FeedbackRecorder;
  /** Deadline of every Web API call; default 10 s. */
  apiTimeoutMs?: number;
  /** Retry policy of the outbox (tests shorten it); default delivery-policy.ts. */
  deliveryPolicy?: Partial<DeliveryPolicy>;
  /** Answer jobs run at once and jobs that may wait; default 4 and 500 (see work-queue.ts). */
  workQueue?: { concurrency: number; capacity: number };
  /** Show progress when an answer takes longer than this; default 800 ms. */
  progressDelayMs?: number;
  listeners?: readonly ListenerEntry[];
  /** The bot's identity when already checked with `checkBotToken`; otherwise auth.test is called here. */
  identity?: BotIdentity;
  /**
   * Where OAuth installations are kept (open-installation-store.ts): required with `settings.oauth`,
   * whose workspaces each bring their own token; the caller opens and closes it.
   */
  installations?: InstallationStore & {
    deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  };
}

export interface SlackBot {
  app: App;
  identity: BotIdentity;
  /** Starts receiving: HTTP on `settings.port` (0 picks a free port) or a Socket Mode connection. */
  start(): Promise<{ mode: SlackSettings['mode']; port: number | undefined }>;
  /** Stops receiving, then waits for answers already under way. */
  stop(): Promise<void>;
  /**
   * Resolves when no listener work is running (each request's work runs after its ack) and no reply is
   * being posted or due now; replies waiting for a retry may remain (see `delivered`).
   */
  idle(): Promise<void>;
  /** Resolves when the outbox is empty: every reply posted or given up on. */
  delivered(): Promise<void>;
}

/**
 * Builds the Slack app `whosaid serve` runs (and the tests drive): checks the bot token with auth.test,
 * picks the receiver (Socket Mode with an app token, otherwise HTTP with signature verification at
 * /slack/events), and registers every listener from the registry.
 */
export async function createSlackApp(options: SlackAppOptions): Promise<SlackBot> {
  const { settings, logger } = options;
  const gate = new MethodGate(logger);
  const setup = { settings, logger, gate, timeoutMs: options.apiTimeoutMs, overrides: options.clientOptions };
  const clientOptions = requestClientOptions(setup);
  const { oauth } = settings;
  if (oauth && !options.installations)
    throw new Error('createSlackApp: OAuth settings need an installation store');
  // With OAuth each workspace's bot has its own ids, which Bolt's authorize puts in every request's
  // context (installation-deps.ts); only the one workspace of SLACK_BOT_TOKEN is known at start.
  const identity =
    options.identity ??
    (oauth
      ? { botUserId: '', botId: '', teamId: undefined, url: undefined }
      : await fetchBotIdentity(new WebClient(settings.botToken, clientOptions)));
  const listeners = options.listeners ?? LISTENERS;
  const handles = handlesRoute(listeners);
  // Payloads a boundary already acknowledged; set once the app exists (below).
  let dispatch: DispatchAcknowledged = () => {};
  const receiver = createReceiver(
    settings,
    logger,
    clientOptions,
    oauth && options.installations
      ? installerOptions(oauth, options.installations, listeners, clientOptions)
      : {},
  );
  const boundary = {
    logger,
    handles,
    dispatch: (event: ReceiverEvent, work: SlackWork) => dispatch(event, work),
  };
  if (receiver instanceof SocketModeReceiver) guardSocketEnvelopes(receiver, boundary);
  else
    guardHttpRequests(receiver, {
      ...boundary,
      path: EVENTS_PATH,
      signingSecret: settings.signingSecret ?? '',
    });
  const app = new App({
    // With OAuth, Bolt authorizes each request with its installation's token (the receiver's installer).
    ...(oauth ? {} : { token: settings.botToken, botId: identity.botId, botUserId: identity.botUserId }),
    receiver,
    logger: boltLogger(logger),
    clientOptions,
    // No listener reads context.conversation; Bolt's store would cost a lookup per request.
    convoStore: false,
  });
  // What the boundaries leave to Bolt (HTTP slash commands, interactions, URL verification) reaches
  // processEvent, which acks and then runs the listeners: tracking it lets stop() drain answers under
  // way, and lets tests wait for a request's work without timers.
  const inFlight = new InFlight();
  const boltProcessEvent = app.processEvent.bind(app);
  const processEvent = checkProcessedEvents(boltProcessEvent, handles, logger, settings.mode);
  app.processEvent = (event) => inFlight.track(processEvent(event));
  dispatch = dispatchAcknowledged(boltProcessEvent, inFlight, logger);
  app.error(async (error) => {
    // Bolt found no installation for the request's workspace (never installed, or uninstalled): no
    // listener runs, and that is the intended outcome, not a bug.
    if (error.code === ErrorCode.AuthorizationError)
      logger.warn({ error: describeError(error) }, 'ignored a request from a workspace with no installation');
    else logFailure(logger, error, 'unhandled error in a Slack listener');
  });
  const outbox = new Outbox({
    state: options.state,
    clientFor:
      oauth && options.installations
        ? installationClients(options.installations, deliveryClientOptions(setup))
        : oneClient(new WebClient(settings.botToken, deliveryClientOptions(setup))),
    gate,
    logger,
    policy: { ...DEFAULT_DELIVERY_POLICY, ...options.deliveryPolicy },
  });
  const work = new WorkQueue(options.workQueue?.concurrency ?? 4, options.workQueue?.capacity ?? 500);
  const deps: SlackDeps = {
    services: options.services,
    logger,
    identity,
    autoAnswerChannels: new Set(options.autoAnswerChannels ?? []),
    botChannels: new Set(options.botChannels ?? []),
    admins: { users: new Set(options.admins?.users ?? []), channel: options.admins?.channel },
    state: options.state,
    outbox,
    work,
    names: new UserNames(logger),
    feedback: options.feedback ?? { record: (entry) => options.state.recordFeedback(entry) },
    ...(options.installations ? { installations: options.installations } : {}),
    progressDelayMs: options.progressDelayMs ?? 800,
    catalog: answerCatalog(),
    collections: {
      dir: options.collections?.dir,
      defaults: options.collections?.defaults ?? [DEFAULT_COLLECTION],
    },
  };
  guardResponseUrls(app, settings.apiUrl, logger);
  registerListeners(app, deps, listeners);
  return {
    app,
    identity,
    start: async () => {
      await outbox.start();
      const started: unknown = await app.start(settings.port).catch((error: unknown) => {
        throw startError(settings, error);
      });
      const address = settings.mode === 'http' ? (started as Server).address() : null;
      return {
        mode: settings.mode,
        port: address && typeof address === 'object' ? (address as AddressInfo).port : undefined,
      };
    },
    stop: async () => {
      await app.stop();
      await inFlight.idle();
      await work.idle();
      // Replies not yet posted stay in the outbox, for the next start.
      await outbox.stop();
    },
    idle: async () => {
      do {
        await inFlight.idle();
        await work.idle();
        await outbox.until(() => outbox.settled);
      } while (inFlight.size > 0 || !work.settled || !outbox.settled);
    },
    delivered: () => outbox.until(() => outbox.pending === 0),
  };
}

/**
 * Checks SLACK_BOT_TOKEN against Slack (auth.test) before anything slow starts, so a wrong or revoked
 * token stops `whosaid serve` at once with a message saying where to find the right one.
 */
export function checkBotToken(
  settings: SlackSettings,
  logger: Logger,
  options?: WebClientOptions,
): Promise<BotIdentity> {
  return fetchBotIdentity(
    new WebClient(settings.botToken, requestClientOptions({ settings, logger, overrides: options })),
  );
}

/** One workspace: every reply is posted with SLACK_BOT_TOKEN's client. */
function oneClient(client: WebClient): () => Promise<WebClient> {
  return async () => client;
}

/** Start-up failures people can fix, said in their terms; anything else is passed on. */
function startError(settings: SlackSettings, error: unknown): unknown {
  const code = slackErrorCode(error);
  if (
    settings.mode === 'socket' &&
    code &&
    ['invalid_auth', 'not_authed', 'account_inactive', 'team_disabled'].includes(code)
  ) {
    return new WhosaidError(
      'CONFIG_INVALID',
      `Slack rejected SLACK_APP_TOKEN (${code}). Generate an app-level token with the connections:write scope at ` +
        'https://api.slack.com/apps → your app → Basic Information → App-Level Tokens (xapp-…), and check Socket Mode is on.',
      { cause: error },
    );
  }
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    return new WhosaidError(
      'CONFIG_INVALID',
      `Port ${settings.port} is already in use. Set PORT to a free port.`,
      { cause: error },
    );
  }
  return error;
}

function createReceiver(
  settings: SlackSettings,
  logger: Logger,
  clientOptions: WebClientOptions,
  installer: Partial<HTTPReceiverOptions>,
): HTTPReceiver | SocketModeReceiver {
  if (settings.mode === 'socket' && settings.appToken) {
    // The Socket Mode client opens its connection with its own Web API client: give it the same API URL.
    return new SocketModeReceiver({
      appToken: settings.appToken,
      logger: boltLogger(logger),
      installerOptions: { clientOptions },
    });
  }
  return new HTTPReceiver({
    signingSecret: settings.signingSecret ?? '',
    endpoints: EVENTS_PATH,
    port: settings.port,
    logger: boltLogger(logger),
    // Acknowledge first, work after: Slack needs an answer within 3 seconds.
    processBeforeResponse: false,
    // OAuth: /slack/install and /slack/oauth_redirect (oauth-install.ts); none with one workspace.
    ...installer,
  });
}
