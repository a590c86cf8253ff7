import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';

/**
 * What a failed Web API call tells the sender:
 * - `unreachable`: no answer (timeout, network) — Slack may have done it, so a post must be checked
 *   for before it is sent again;
 * - `server-error`: an HTTP 5xx — the same uncertainty, but Slack was reached;
 * - `ratelimited`: Slack did not do it and says when to try again;
 * - `refused`: Slack answered and will not do it (channel_not_found, invalid_blocks…): retrying is useless;
 * - `busy`: Slack answered that it could not do it right now (internal_error, service_unavailable…).
 * https://docs.slack.dev/apis/web-api/#responses
 */
export type FailureKind = 'unreachable' | 'server-error' | 'ratelimited' | 'refused' | 'busy';

/** Platform errors that say "not now" rather than "no". */
const TRANSIENT_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export function failureKind(error: unknown): FailureKind {
  if (error instanceof WebAPIRateLimitedError) return 'ratelimited';
  if (error instanceof WebAPIPlatformError) {
    if (error.data.error === 'ratelimited') return 'ratelimited';
    return TRANSIENT_ERRORS.has(error.data.error) ? 'busy' : 'refused';
  }
  if (error instanceof WebAPIHTTPError) return error.statusCode >= 500 ? 'server-error' : 'refused';
  if (error instanceof WebAPIRequestError) return 'unreachable';
  return 'refused';
}

/** Seconds Slack asked us to wait, when it said. */
export function retryAfterMs(error: unknown): number | undefined {
  return error instanceof WebAPIRateLimitedError ? error.retryAfter * 1000 : undefined;
}

/** Whether Slack may have done the call although it failed. */
export function outcomeUnknown(kind: FailureKind): boolean {
  return kind === 'unreachable' || kind === 'server-error';
}
