import type { App, ReceiverEvent } from '@slack/bolt';
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { workProperties } from './payload-context.js';
import { type HandlesRoute, logVerdict, payloadVerdict } from './payload-verdict.js';

type ProcessEvent = App['processEvent'];

/**
 * Wraps Bolt's processEvent, where both receivers hand over every request: only a payload that passed
 * its schema and has a listener reaches Bolt, with its typed form in the context; anything else is
 * acknowledged here at once. Bolt's own routing reads fields of the body unchecked (`'channel' in
 * event`, `body.actions[0]`, `response_urls[0].response_url`), which is why nothing unchecked may reach it.
 */
export function checkProcessedEvents(
  processEvent: ProcessEvent,
  handles: HandlesRoute,
  logger: Logger,
  via: 'http' | 'socket',
): ProcessEvent {
  return async (event: ReceiverEvent) => {
    const verdict = payloadVerdict(event.body, handles);
    if (verdict.action !== 'accept') {
      logVerdict(logger, verdict, via);
      await Promise.resolve(event.ack()).catch((error: unknown) =>
        logger.warn({ error: describeError(error) }, 'could not acknowledge a Slack payload'),
      );
      return;
    }
    await processEvent({ ...event, customProperties: workProperties(event.customProperties, verdict.work) });
  };
}
