import { type AnswerFeedback, feedbackReport } from '../store/feedback-report.js';
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

/**
 * The votes of the last `days` days before `now`: counts per verdict (each person's latest click on an
 * answer counts, feedback-report.ts) and the answers with a "not helpful" vote, newest first.
 */
export function summarizeFeedback(entries: readonly FeedbackEntry[], now: Date, days = 7): FeedbackSummary {
  const answers = feedbackReport(entries, new Date(now.getTime() - days * 24 * 60 * 60 * 1000));
  const sum = (count: (answer: AnswerFeedback) => number) => answers.reduce((n, a) => n + count(a), 0);
  return {
    days,
    helpful: sum((answer) => answer.helpful),
    notHelpful: sum((answer) => answer.notHelpful),
    notHelpfulAnswers: answers
      .filter((answer) => answer.notHelpful > 0 && answer.channel && answer.messageTs)
      .slice(0, MAX_LISTED)
      .map((answer) => ({
        channel: answer.channel ?? '',
        messageTs: answer.messageTs ?? '',
        threadTs: answer.threadTs,
        at: answer.lastAt,
      })),
  };
}

/**
 * The clicks that belong on one workspace's Home tab: those from its installation. A click recorded
 * before clicks kept their workspace counts only with one workspace (SLACK_BOT_TOKEN), where it can
 * only be this one's; with many (OAuth installs) it could be any workspace's, so it is left out: one
 * workspace's admins never see what another's members asked or disliked.
 */
export function feedbackOfWorkspace(
  entries: readonly FeedbackEntry[],
  team: string | null,
  { manyWorkspaces }: { manyWorkspaces: boolean },
): FeedbackEntry[] {
  return entries.filter((entry) => (entry.team === undefined ? !manyWorkspaces : entry.team === team));
}
