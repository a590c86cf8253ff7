/** The parts of a Slack message (as `conversations.replies` returns it) a summary needs. */
export interface ThreadMessage {
  ts: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
  user_profile?: { real_name?: string; display_name?: string; name?: string };
}

interface ThreadPoint {
  /** Verbatim (markup made readable) text from the message. */
  text: string;
  /** The message's ts: with the channel it makes a permalink. */
  ts: string;
}

export interface ThreadParticipant {
  user: string;
  name: string;
  points: ThreadPoint[];
}

export interface ThreadSummary {
  summary: string;
  participants: ThreadParticipant[];
  /** How the summary was made. */
  mode: 'extractive' | 'generated';
  /** Messages considered (after leaving out bots and joins). */
  messageCount: number;
  notes: string[];
}

export interface SummarizeInput {
  /** Text as people read it: Slack markup is decoded by the adapter first (src/slack/slack-text.ts). */
  messages: ThreadMessage[];
  /** Display names by user id (e.g. from users.info); `user_profile.real_name` is used otherwise. */
  names?: Record<string, string>;
  /** The bot's own user id: its messages are left out. */
  botUserId?: string;
}
