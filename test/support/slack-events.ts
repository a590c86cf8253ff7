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

/** A direct message (message.im) from UASKER01 in D0ASKER01, the bot's Messages tab. */
export function directMessage(ts: string, text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', channel_type: 'im', channel: 'D0ASKER01', user: 'UASKER01', text, ts, ...extra };
}
