import { WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { describeError, isWhosaidError } from '../errors.js';
import type { Logger } from '../logger.js';
import { BUSY_MESSAGE, BusyError } from './work-queue.js';

/**
 * The Slack error code of a failed Web API call ("ratelimited", "channel_not_found", …), or null for
 * anything that is not a Slack API failure. https://docs.slack.dev/apis/web-api/#responses
 */
export function slackErrorCode(error: unknown): string | null {
  if (error instanceof WebAPIPlatformError) return error.data.error;
  if (error instanceof WebAPIRateLimitedError) return 'ratelimited';
  // With rate-limit retries exhausted the client rethrows its own plain Error.
  if (error instanceof Error && /rate limit was exceeded/i.test(error.message)) return 'ratelimited';
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('slack_webapi_'))
    return String(error.code);
  return null;
}

/** A short sentence for the person who asked: what went wrong and what they can do. */
export function userMessageFor(error: unknown): string {
  // Our own input errors say what to change ("The question is too long…"): shown as they are.
  if (isWhosaidError(error) && error.code === 'INPUT_INVALID') return error.message;
  if (error instanceof BusyError) return BUSY_MESSAGE;
  switch (slackErrorCode(error)) {
    case 'ratelimited':
      return 'Slack is limiting how fast I can post right now. Please try again in a minute.';
    case 'channel_not_found':
    case 'not_in_channel':
      return 'I can’t see that conversation. Invite me with `/invite @whosaid` and try again.';
    case 'thread_not_found':
    case 'message_not_found':
      return 'I couldn’t find that thread any more; it may have been deleted.';
    case 'slack_webapi_request_error':
      // No answer at all (network, timeout): Slack did not refuse anything.
      return 'I couldn’t reach Slack just now, so I couldn’t finish. Please try again in a minute.';
    case 'slack_webapi_http_error':
      return 'Slack had a problem on its side, so I couldn’t finish. Please try again in a minute.';
    case 'missing_scope':
      return 'I’m missing a permission for this; ask an admin to reinstall the app from its manifest.';
    case null:
      return 'Something went wrong on my side while answering. The error has been logged.';
    default:
      return 'Slack refused one of my requests, so I couldn’t finish. The error has been logged.';
  }
}

/** Logs a failure with its Slack error code — message and code only, never request data that carries tokens. */
export function logFailure(
  logger: Logger,
  error: unknown,
  what: string,
  context: Record<string, unknown> = {},
): void {
  logger.error({ ...context, slackError: slackErrorCode(error), error: describeError(error) }, what);
}
