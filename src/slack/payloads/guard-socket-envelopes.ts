import type { SocketModeReceiver } from '@slack/bolt';
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { type HandlesRoute, logVerdict, payloadVerdict } from './payload-verdict.js';

type FrameListener = (data: unknown, isBinary: boolean) => unknown;

/** Envelope types that carry a payload to acknowledge (https://docs.slack.dev/apis/events-api/using-socket-mode). */
const PAYLOAD_ENVELOPES = new Set(['events_api', 'slash_commands', 'interactive']);
/** Connection control messages the client handles itself. */
const CONTROL_MESSAGES = new Set(['hello', 'disconnect']);

/**
 * The Socket Mode boundary, in front of @slack/socket-mode's frame handler: that handler reads
 * `event.type` of whatever JSON arrived (a `null` frame throws), emits `payload.event.type` as an
 * event name, and hands the payload to Bolt unchecked. Here each frame is checked first with the same
 * verdict the HTTP side uses: a malformed or unhandled payload is acknowledged (Slack would redeliver
 * it otherwise) and dropped with one log line; a frame without an envelope id cannot be acknowledged and
 * is dropped with a warning.
 */
export function guardSocketEnvelopes(
  receiver: SocketModeReceiver,
  handles: HandlesRoute,
  logger: Logger,
): void {
  const { client } = receiver;
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
      ? payloadVerdict(envelope.payload, handles)
      : ({ action: 'ignore', type: `envelope ${envelope.type}` } as const);
    if (verdict.action === 'accept') return pass(data, isBinary);
    logVerdict(logger, verdict, 'socket');
    acknowledge(client, envelope.envelope_id).catch((error: unknown) =>
      logger.warn({ error: describeError(error) }, 'could not acknowledge a Socket Mode envelope'),
    );
  });
}

/**
 * Sends the acknowledgement `{envelope_id}` the way the client's own ack() does (SocketModeClient.send,
 * public in JavaScript and documented as the way to send acknowledgements, but typed private).
 */
function acknowledge(client: SocketModeReceiver['client'], envelopeId: string): Promise<void> {
  return (client as unknown as { send(id: string): Promise<void> }).send(envelopeId);
}

interface Envelope {
  type: string;
  envelope_id?: unknown;
  payload?: unknown;
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
