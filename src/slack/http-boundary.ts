import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  type HTTPReceiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Logger } from '../logger.js';
import type { DispatchAcknowledged } from './acknowledged-work.js';
import {
  type HandlesRoute,
  logVerdict,
  type PayloadVerdict,
  payloadVerdict,
} from './payloads/payload-verdict.js';
import { checkSlackSignature } from './slack-signature.js';

export interface HttpBoundaryOptions {
  /** The receiver's endpoint (EVENTS_PATH); requests to any other path are left to Bolt (404). */
  path: string;
  signingSecret: string;
  logger: Logger;
  handles: HandlesRoute;
  /** Runs an acknowledged Events API event's listeners (acknowledged-work.ts). */
  dispatch: DispatchAcknowledged;
}

/**
 * The HTTP boundary, in front of Bolt's HTTPReceiver. Each request's body is read once, its signature
 * checked once, its JSON parsed once and its payload checked against its schema once; then:
 *
 * - an Events API event (a body with `event`, which Bolt would acknowledge without content before any
 *   listener anyway) is acknowledged here, at once, and its listeners run later (`dispatch`, deferred
 *   by the caller to after pending I/O). With 400 mentions arriving together, each acknowledgement then
 *   costs one read, one HMAC, one parse and one write, instead of waiting behind Bolt's middleware for
 *   every request before it (measured in docs/benchmarks.md);
 * - a signed body that is not a valid Slack payload gets 400 with one warning line naming the payload
 *   type and the field. Bolt reads `body.ssl_check` of whatever it parsed, so a signed JSON `null` (or
 *   a form whose `payload` is `null`) threw inside its request handler, where nothing catches it, and
 *   Node exited (@slack/bolt 5.1 dist/receivers/HTTPReceiver.js, handleIncomingEvent);
 * - a timestamp more than five minutes ahead is refused (Bolt refuses only stale ones);
 * - everything else (slash commands and interactions, whose listeners ack with content; URL
 *   verification; unsigned or stale requests, which Bolt answers 401) goes to Bolt with the body
 *   already read.
 */
export function guardHttpRequests(receiver: HTTPReceiver, options: HttpBoundaryOptions): void {
  const boltListener = receiver.requestListener;
  receiver.requestListener = (request: IncomingMessage, response: ServerResponse) => {
    if (
      request.method !== 'POST' ||
      new URL(request.url ?? '/', 'http://localhost').pathname !== options.path
    )
      return boltListener(request, response);
    readBody(request, HTTPModuleFunctions.defaultBodyLimit, (problem, rawBody) => {
      if (problem) {
        options.logger.warn({ problem }, 'could not read a Slack request body');
        response.writeHead(problem === 'too large' ? 413 : 400, { connection: 'close' }).end();
        return;
      }
      const buffered = Object.assign(request, { rawBody }) as BufferedIncomingMessage;
      const next = route(buffered, options);
      if (next === 'bolt') return boltListener(buffered, response);
      response.writeHead(next.status).end();
      if (next.log) options.logger.warn({ path: request.url, ...next.log.fields }, next.log.message);
      if (next.verdict) logVerdict(options.logger, next.verdict, 'http');
      if (next.event && next.verdict?.action === 'accept') options.dispatch(next.event, next.verdict.work);
    });
  };
}

interface Handled {
  status: number;
  log?: { message: string; fields: Record<string, unknown> };
  verdict?: PayloadVerdict;
  event?: ReceiverEvent;
}

function route(buffered: BufferedIncomingMessage, options: HttpBoundaryOptions): Handled | 'bolt' {
  const signature = checkSlackSignature(
    options.signingSecret,
    {
      timestamp: header(buffered, 'x-slack-request-timestamp'),
      signature: header(buffered, 'x-slack-signature'),
    },
    buffered.rawBody,
    Date.now() / 1000,
  );
  if (signature === 'future')
    return { status: 401, log: { message: 'refused a Slack request timestamped in the future', fields: {} } };
  if (signature !== 'valid') return 'bolt';
  let body: unknown;
  try {
    // Bolt's own parser (JSON, or a form with a JSON `payload`), so what is checked is what Bolt sees.
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return malformed('unknown', 'the body (or its form field "payload") is not JSON');
  }
  const fields = body as Record<string, unknown> | null;
  if (fields?.ssl_check === '1') return 'bolt';
  if (fields?.type === 'url_verification')
    return typeof fields.challenge === 'string'
      ? 'bolt'
      : malformed('url_verification', 'challenge: not a string');
  const verdict = payloadVerdict(body, options.handles);
  if (verdict.action === 'refuse') return malformed(verdict.type, verdict.problem);
  if (fields?.event === undefined) return 'bolt';
  const event: ReceiverEvent = {
    body: fields,
    // Already acknowledged above; Bolt calls ack() for events before any listener.
    ack: async () => {},
    retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(buffered),
    retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(buffered),
    customProperties: {},
  };
  return { status: 200, verdict, event };
}

function malformed(payloadType: string, problem: string): Handled {
  return {
    status: 400,
    log: { message: 'refused a malformed Slack payload', fields: { payloadType, problem } },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads a request body into one Buffer, refusing it once it passes `limit` bytes (the rest is
 * discarded unread into memory). Calls `done` exactly once, from the stream's own callbacks, so the
 * acknowledgement that follows is written in the same turn of the event loop as the body's last bytes.
 */
function readBody(
  request: IncomingMessage,
  limit: number,
  done: (problem: 'too large' | 'aborted' | null, body: Buffer) => void,
): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    done('too large', Buffer.alloc(0));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (problem: 'too large' | 'aborted' | null) => {
    if (finished) return;
    finished = true;
    done(problem, problem ? Buffer.alloc(0) : Buffer.concat(chunks, size));
  };
  request.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > limit) finish('too large');
    else chunks.push(chunk);
  });
  request.on('end', () => finish(null));
  request.on('error', () => finish('aborted'));
}
