import { BOT_USER_ID } from './slack-api-stand-in.js';

export interface MentionEvent extends Record<string, unknown> {
  type: 'app_mention';
  user: string;
  text: string;
  ts: string;
  channel: string;
  event_ts: string;
}

/** An `app_mention` event in channel C0NEWS001 from UASKER01, as the Events API delivers it. */
export function mentionEvent(ts: string, text: string, extra: Record<string, unknown> = {}): MentionEvent {
  return {
    type: 'app_mention',
    user: 'UASKER01',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    channel: 'C0NEWS001',
    event_ts: ts,
    ...extra,
  };
}
