import type { ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SlackWork } from './payloads/parse-payload.js';
import { type HandlesRoute, logVerdict, payloadVerdict } from './payloads/payload-verdict.js';

type FrameListener = (data: unknown, isBinary: boolean) => unknown;

/** Envelope types that carry a payload to acknowledge (https://docs.slack.dev/apis/events-api/using-socket-mode). */
const PAYLOAD_ENVELOPES = new Set(['events_api', 'slash_commands', 'interactive']);
/** Connection control messages the client handles itself. */
const CONTROL_MESSAGES = new Set(['hello', 'disconnect']);

export interface SocketBoundaryOptions {
  logger: Logger;
  handles: HandlesRoute;
  /** Runs an acknowledged payload's listeners (the same dispatcher as the HTTP boundary's). */
  dispatch: (event: ReceiverEvent, work: SlackWork) => void;
}

/**
 * The Socket Mode boundary, in front of @slack/socket-mode's frame handler, and the counterpart of
 * http-boundary.ts: each frame is parsed once and its payload checked once with the verdict the HTTP
 * side uses, and then every envelope with an id is acknowledged at once, before any listener runs:
 *
 * - an accepted payload is acknowledged and handed to `dispatch`, like an Events API request over
 *   HTTP: listeners start one per turn of the event loop and answers wait in the same WorkQueue, so an
 *   acknowledgement never waits for answer work. Bolt's SocketModeReceiver would acknowledge inside
 *   processEvent, after the app's middleware and behind the listeners of every envelope before it, and
 *   only when a listener calls ack() (@slack/bolt 5.1 dist/receivers/SocketModeReceiver.js). Every
 *   listener of ours acknowledges without content (replies go through response_url or the Web API),
 *   so nothing is lost by acknowledging here; the listeners' own ack() does nothing;
 * - a malformed or unhandled payload is acknowledged (Slack would redeliver it otherwise) and dropped
 *   with one log line. The client's own handler reads `event.type` of whatever JSON arrived (a `null`
 *   frame throws) and emits `payload.event.type` as an event name, unchecked;
 * - a frame without an envelope id cannot be acknowledged and is dropped with a warning.
 *
 * An acknowledgement that cannot be sent (the connection just dropped) does not stop the work: Slack
 * delivers an unacknowledged event again on the next connection, and the durable dedupe keys the
 * listeners claim (slack-deps.ts, claimDelivery) answer it once.
 */
export function guardSocketEnvelopes(receiver: SocketModeReceiver, options: SocketBoundaryOptions): void {
  const { client } = receiver;
  const { logger } = options;
  const handlers = client.listeners('ws_message') as FrameListener[];
  client.removeAllListeners('ws_message');
  const pass = (data: unknown, isBinary: boolean) => {
    for (const handler of handlers)
      Promise.resolve(handler(data, isBinary)).catch((error: unknown) =>
        logger.warn({ error: describeError(error) }, 'the Socket Mode client failed on a message'),
      );
  };
  client.on('ws_message', (data: unknown, isBinary: boolean) => {
    if (isBinary) return pass(data, isBinary);
    const envelope = parseFrame(data);
    if (!envelope) {
      logger.warn('dropped a Socket Mode message that is not a JSON object with a type');
      return;
    }
    if (CONTROL_MESSAGES.has(envelope.type)) return pass(data, isBinary);
    if (typeof envelope.envelope_id !== 'string' || !envelope.envelope_id) {
      logger.warn({ envelopeType: envelope.type }, 'dropped a Socket Mode envelope without an envelope_id');
      return;
    }
    const verdict = PAYLOAD_ENVELOPES.has(envelope.type)
      ? payloadVerdict(envelope.payload, options.handles)
      : ({ action: 'ignore', type: `envelope ${envelope.type}` } as const);
    // The acknowledgement is written to the socket before anything else happens for this envelope.
    acknowledge(client, envelope.envelope_id).catch((error: unknown) =>
      logger.warn({ error: describeError(error) }, 'could not acknowledge a Socket Mode envelope'),
    );
    if (verdict.action !== 'accept') {
      logVerdict(logger, verdict, 'socket');
      return;
    }
    options.dispatch(
      {
        body: envelope.payload as Record<string, unknown>,
        ack: async () => {},
        retryNum: typeof envelope.retry_attempt === 'number' ? envelope.retry_attempt : undefined,
        retryReason: typeof envelope.retry_reason === 'string' ? envelope.retry_reason : undefined,
        customProperties: {},
      },
      verdict.work,
    );
  });
}

/**
 * Sends the acknowledgement `{envelope_id}` the way the client's own ack() does (SocketModeClient.send,
 * public in JavaScript and documented as the way to send acknowledgements, but typed private). It
 * writes to the WebSocket synchronously and settles after.
 */
function acknowledge(client: SocketModeReceiver['client'], envelopeId: string): Promise<void> {
  return (client as unknown as { send(id: string): Promise<void> }).send(envelopeId);
}

interface Envelope {
  type: string;
  envelope_id?: unknown;
  payload?: unknown;
  retry_attempt?: unknown;
  retry_reason?: unknown;
}

function parseFrame(data: unknown): Envelope | null {
  try {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data as Uint8Array);
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    return typeof (value as Envelope).type === 'string' ? (value as Envelope) : null;
  } catch {
    return null;
  }
}
