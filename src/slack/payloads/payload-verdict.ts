import type { Logger } from '../../logger.js';
import { type PayloadRoute, parsePayload, type SlackWork } from './parse-payload.js';

/** What the boundary does with one payload: hand it on, acknowledge and drop it, or refuse it. */
export type PayloadVerdict =
  | { action: 'accept'; type: string; work: SlackWork }
  | { action: 'ignore'; type: string }
  | { action: 'refuse'; type: string; problem: string };

/** Whether a listener of the app handles a route (the registry's kind and id). */
export type HandlesRoute = (route: PayloadRoute) => boolean;

/**
 * The one decision both receivers share (HTTP and Socket Mode): a payload that breaks its schema is
 * refused, one that no listener reads is acknowledged at once (Slack needs an answer within 3 s, and
 * Bolt would otherwise hold it that long and then answer 404), and the rest go on as typed work.
 */
export function payloadVerdict(body: unknown, handles: HandlesRoute): PayloadVerdict {
  const checked = parsePayload(body);
  if (!checked.ok) return { action: 'refuse', type: checked.type, problem: checked.problem };
  if (!checked.route || !handles(checked.route)) return { action: 'ignore', type: checked.type };
  return { action: 'accept', type: checked.type, work: checked.work };
}

/** One line per payload that does not go on: a warning for a malformed one, debug for an unhandled one. */
export function logVerdict(logger: Logger, verdict: PayloadVerdict, via: 'http' | 'socket'): void {
  if (verdict.action === 'refuse')
    logger.warn(
      { via, payloadType: verdict.type, problem: verdict.problem },
      'refused a malformed Slack payload',
    );
  else if (verdict.action === 'ignore')
    logger.debug({ via, payloadType: verdict.type }, 'acknowledged a Slack payload no listener handles');
}
