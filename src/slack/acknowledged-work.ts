import type { App, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { InFlight } from './in-flight.js';
import { OnePerTurn } from './one-per-turn.js';
import type { SlackWork } from './payloads/parse-payload.js';
import { workProperties } from './payloads/payload-context.js';
import { logFailure } from './slack-api-errors.js';

/** Runs the listeners of a payload a boundary already acknowledged and checked. */
export type DispatchAcknowledged = (event: ReceiverEvent, work: SlackWork) => void;

/**
 * The one path from both boundaries (HTTP: Events API events; Socket Mode: every envelope) to Bolt's
 * listeners, once the payload was acknowledged. After the I/O already waiting, one payload per turn
 * of the event loop (one-per-turn.ts): in a burst every request or frame is read and acknowledged
 * before the listeners of the first one run, and one arriving later waits for the listeners of at most
 * one. The work is tracked, so stop() drains it and tests can wait for it without timers.
 */
export function dispatchAcknowledged(
  processEvent: App['processEvent'],
  inFlight: InFlight,
  logger: Logger,
): DispatchAcknowledged {
  const turns = new OnePerTurn();
  return (event, work) => {
    inFlight.track(
      turns
        .run(() => processEvent({ ...event, customProperties: workProperties(event.customProperties, work) }))
        .catch((error: unknown) => logFailure(logger, error, 'unhandled error in a Slack listener')),
    );
  };
}
