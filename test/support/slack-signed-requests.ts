import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';

export interface SendOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replaces the computed signature (to test rejection). */
  signature?: string;
  /** Sets X-Slack-Retry-Num, as Slack does when it redelivers an event. */
  retryNum?: number;
  contentType?: string;
  /** Fails the request (AbortError) when no answer arrived by then: Slack waits 3 s for an ack. */
  deadlineMs?: number;
}

export interface AppResponse {
  status: number;
  body: string;
}

/** `v0=` + HMAC-SHA256(signing secret, `v0:timestamp:body`). https://docs.slack.dev/authentication/verifying-requests-from-slack */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the app the way Slack does, signed with the test signing secret. */
export async function sendToApp(url: string, body: string, options: SendOptions = {}): Promise<AppResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(SIGNING_SECRET, timestamp, body),
      ...(options.retryNum
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    },
    body,
    signal: AbortSignal.timeout(options.deadlineMs ?? 10_000),
  });
  return { status: response.status, body: await response.text() };
}

let eventCounter = 0;

/** An Events API envelope around `event`, from the installation `teamId` (default the test workspace). */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId?: string,
  teamId = 'T0TEST001',
): string {
  eventCounter += 1;
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: teamId,
    api_app_id: 'A0TEST001',
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${eventCounter.toString().padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
  });
}

/** A slash command as Slack posts it (form-encoded). */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'unused',
    team_id: 'T0TEST001',
    team_domain: 'whosaid-test',
    ...fields,
  }).toString();
}

/** An interaction (block action, shortcut) as Slack posts it: form field `payload` holding JSON. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * A `block_actions` interaction (a button or feedback click) in channel C0NEWS001, with the fields
 * every click carries; `fields` adds the user, container, message, response_url and actions.
 */
export function blockActionsBody(
  fields: { user: { id: string; username: string } } & Record<string, unknown>,
): string {
  return interactionBody({
    type: 'block_actions',
    team: { id: 'T0TEST001', domain: 'whosaid-test' },
    api_app_id: 'A0TEST001',
    token: 'unused',
    trigger_id: '1.2.3',
    channel: { id: 'C0NEWS001', name: 'news' },
    ...fields,
    user: { ...fields.user, team_id: 'T0TEST001' },
  });
}

export const FORM = 'application/x-www-form-urlencoded';
