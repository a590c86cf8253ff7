import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Every Slack payload is a JSON object (an Events API envelope, an interaction `payload`) or a form of
 * fields (a slash command). Bolt's HTTPReceiver reads `body.ssl_check` of whatever it parsed, so a
 * signed body of JSON `null` (or a form whose `payload` is `null`) throws inside its request handler,
 * where nothing catches it, and Node exits (@slack/bolt 5.1 dist/receivers/HTTPReceiver.js,
 * handleIncomingEvent: `if (body.ssl_check === '1')` after `parseHTTPRequestBody`). This wraps the
 * receiver's request listener: the body is read once (Bolt reuses it), and anything but an object is
 * answered 400 with one warning line before Bolt sees it.
 */
export function refuseMalformedBodies(receiver: HTTPReceiver, logger: Logger): void {
  const boltListener = receiver.requestListener;
  receiver.requestListener = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return boltListener(request, response);
    HTTPModuleFunctions.bufferIncomingMessage(request, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => {
        const problem = bodyProblem(buffered.rawBody.toString(), request.headers['content-type']);
        if (!problem) return boltListener(buffered, response);
        logger.warn({ problem, path: request.url }, 'refused a malformed Slack request');
        response.writeHead(400).end();
      },
      (error: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
        logger.warn({ error: describeError(error) }, 'could not read a Slack request body');
        response.writeHead(tooLarge ? 413 : 400).end();
      },
    );
  };
}

/** Why a body cannot be a Slack payload, or null when it can. */
function bodyProblem(text: string, contentType: string | undefined): string | null {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(text).get('payload');
    return payload === null ? null : jsonProblem(payload, 'the form field "payload"');
  }
  return jsonProblem(text, 'the body');
}

function jsonProblem(text: string, what: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `${what} is not JSON`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `${what} is ${Array.isArray(value) ? 'an array' : `JSON ${value === null ? 'null' : typeof value}`}, not an object`;
  return null;
}
