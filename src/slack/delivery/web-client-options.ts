import type { WebClientOptions } from '@slack/web-api';
import type { SlackSettings } from '../../config.js';
import type { Logger } from '../../logger.js';
import { boltLogger } from '../bolt-logger.js';
import { MethodGate } from './method-gate.js';

/**
 * Every Web API call gets a deadline: without one a call Slack holds open is waited on silently, and
 * shutdown waits with it. Ten seconds is far above Slack's usual answer time (well under a second) and
 * well within the 3 s + retries budget a listener has anyway, since replies are posted after the ack.
 */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Calls made while handling a request (progress, thread reads, names, the Home tab) may wait this long
 * in total on one method's rate limit before failing; replies wait in the outbox instead.
 */
const REQUEST_RATE_LIMIT_BUDGET_MS = 30_000;

/** A few quick retries of failed reads rather than the SDK's 30 minutes; posts are retried by the outbox. */
const REQUEST_RETRY = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000 };

export interface WebClientSetup {
  settings: SlackSettings;
  logger: Logger;
  gate?: MethodGate;
  timeoutMs?: number;
  /** Test and deployment overrides (e.g. `{ retryConfig: { retries: 0 } }`). */
  overrides?: WebClientOptions;
}

/** The client Bolt hands to listeners: timeouts, per-method rate limits, bounded retries. */
export function requestClientOptions(setup: WebClientSetup): WebClientOptions {
  return {
    retryConfig: REQUEST_RETRY,
    ...common(setup),
    ...setup.overrides,
    ...fixed(setup, REQUEST_RATE_LIMIT_BUDGET_MS),
  };
}

/**
 * The outbox's client: it never retries by itself, because a retried post whose first try Slack had
 * stored would be posted twice; the outbox checks the thread first (delivery/outbox.ts).
 */
export function deliveryClientOptions(setup: WebClientSetup): WebClientOptions {
  return { ...common(setup), ...setup.overrides, retryConfig: { retries: 0 }, ...fixed(setup, 0) };
}

function common(setup: WebClientSetup): WebClientOptions {
  return { timeout: setup.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}

/** What overrides may not change: the API URL from settings, our logger, and the rate-limit gate. */
function fixed(setup: WebClientSetup, budgetMs: number): WebClientOptions {
  const gate = setup.gate ?? new MethodGate(setup.logger);
  return {
    ...(setup.settings.apiUrl ? { slackApiUrl: setup.settings.apiUrl } : {}),
    logger: boltLogger(setup.logger),
    // A 429 becomes an error at once instead of pausing every call of the client (the gate waits per method).
    rejectRateLimitedCalls: true,
    fetch: gate.fetchFor(budgetMs),
  };
}
