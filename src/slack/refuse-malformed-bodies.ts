import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BufferedIncomingMessage, HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { parsePayload } from './payloads/parse-payload.js';

/** Slack's replay window (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * The HTTP boundary, in front of Bolt's HTTPReceiver: the body is read once (Bolt reuses it), and a
 * signed request whose body is not a valid Slack payload gets 400 with one warning line naming the
 * payload type and the field, before Bolt parses it. Bolt reads `body.ssl_check` of whatever it parsed,
 * so a signed JSON `null` (or a form whose `payload` is `null`) threw inside its request handler, where
 * nothing catches it, and Node exited (@slack/bolt 5.1 dist/receivers/HTTPReceiver.js,
 * handleIncomingEvent: `if (body.ssl_check === '1')` after `parseHTTPRequestBody`).
 * Bolt also rejects only stale timestamps; one more than five minutes ahead is refused here the same way.
 * Unsigned requests are left to Bolt, which answers 401.
 */
export function refuseMalformedBodies(receiver: HTTPReceiver, signingSecret: string, logger: Logger): void {
  const boltListener = receiver.requestListener;
  receiver.requestListener = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return boltListener(request, response);
    HTTPModuleFunctions.bufferIncomingMessage(request, HTTPModuleFunctions.defaultBodyLimit).then(
      async (buffered) => {
        const refusal = await refusalOf(buffered, signingSecret);
        if (!refusal) return boltListener(buffered, response);
        logger.warn({ path: request.url, ...refusal.fields }, refusal.message);
        response.writeHead(refusal.status).end();
      },
      (error: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
        logger.warn({ error: describeError(error) }, 'could not read a Slack request body');
        response.writeHead(tooLarge ? 413 : 400).end();
      },
    );
  };
}

interface Refusal {
  status: number;
  message: string;
  fields: Record<string, string>;
}

async function refusalOf(buffered: BufferedIncomingMessage, signingSecret: string): Promise<Refusal | null> {
  const timestamp = Number(buffered.headers['x-slack-request-timestamp']);
  if (Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS)
    return { status: 401, message: 'refused a Slack request timestamped in the future', fields: {} };
  const signed = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret }, buffered).then(
    () => true,
    () => false,
  );
  if (!signed) return null;
  let body: unknown;
  try {
    // Bolt's own parser, so what is checked is exactly what Bolt will see.
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return malformed('unknown', 'the body (or its form field "payload") is not JSON');
  }
  const fields = body as Record<string, unknown> | null;
  if (fields?.ssl_check === '1') return null;
  if (fields?.type === 'url_verification')
    return typeof fields.challenge === 'string'
      ? null
      : malformed('url_verification', 'challenge: not a string');
  const checked = parsePayload(body);
  return checked.ok ? null : malformed(checked.type, checked.problem);
}

function malformed(payloadType: string, problem: string): Refusal {
  return { status: 400, message: 'refused a malformed Slack payload', fields: { payloadType, problem } };
}
