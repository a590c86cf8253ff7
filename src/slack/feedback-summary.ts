import type { FeedbackEntry } from '../store/state-store.js';

/** What the App Home shows admins of the feedback on answers. */
export interface FeedbackSummary {
  days: number;
  helpful: number;
  notHelpful: number;
  /** The answers marked not helpful, newest first (at most MAX_LISTED), to open and read. */
  notHelpfulAnswers: { channel: string; messageTs: string; threadTs: string | undefined; at: string }[];
}

const MAX_LISTED = 5;

/** The clicks of the last `days` days before `now`: counts per verdict and the answers marked not helpful. */
export function summarizeFeedback(entries: readonly FeedbackEntry[], now: Date, days = 7): FeedbackSummary {
  const since = now.getTime() - days * 24 * 60 * 60 * 1000;
  const recent = entries.filter((entry) => Date.parse(entry.at) >= since);
  const notHelpful = recent.filter((entry) => entry.value === 'not_helpful');
  return {
    days,
    helpful: recent.filter((entry) => entry.value === 'helpful').length,
    notHelpful: notHelpful.length,
    notHelpfulAnswers: notHelpful
      .filter((entry) => entry.channel && entry.messageTs)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, MAX_LISTED)
      .map((entry) => ({
        channel: entry.channel ?? '',
        messageTs: entry.messageTs ?? '',
        threadTs: entry.threadTs,
        at: entry.at,
      })),
  };
}
