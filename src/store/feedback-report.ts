import type { FeedbackCitation, FeedbackEntry } from './state-store.js';

/** The votes on one answer: the latest click of each person counts, earlier ones are changed minds. */
export interface AnswerFeedback {
  channel: string | undefined;
  /** The answer message; with `channel`, what identifies the answer. */
  messageTs: string | undefined;
  threadTs: string | undefined;
  team: string | undefined;
  /** As the latest click carrying it gives it (clicks from before questions were kept give none). */
  question: string | undefined;
  citations: FeedbackCitation[];
  helpful: number;
  notHelpful: number;
  /** Each person's latest vote, oldest first. */
  votes: { user: string; value: string; at: string }[];
  /** The latest counted click. */
  lastAt: string;
}

/**
 * Clicks grouped per answer, newest answer activity first. A person who clicks again on the same
 * answer changed their mind: only their latest click counts (Slack's feedback buttons let one click
 * either button any number of times). `since` keeps the clicks from that instant on.
 */
export function feedbackReport(entries: readonly FeedbackEntry[], since?: Date): AnswerFeedback[] {
  const from = since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const answers = new Map<string, FeedbackEntry[]>();
  for (const entry of entries) {
    if (!(Date.parse(entry.at) >= from)) continue;
    // A click that names no message (none do today) is an answer of its own rather than merged.
    const key = entry.messageTs
      ? `${entry.team ?? ''}\u0000${entry.channel ?? ''}\u0000${entry.messageTs}`
      : `\u0001${answers.size}`;
    const clicks = answers.get(key) ?? [];
    clicks.push(entry);
    answers.set(key, clicks);
  }
  return [...answers.values()]
    .map(answerOf)
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || (a.messageTs ?? '').localeCompare(b.messageTs ?? ''));
}

function answerOf(clicks: FeedbackEntry[]): AnswerFeedback {
  const ordered = [...clicks].sort((a, b) => a.at.localeCompare(b.at));
  const latest = new Map<string, FeedbackEntry>();
  for (const click of ordered) {
    latest.delete(click.user);
    latest.set(click.user, click);
  }
  const counted = [...latest.values()];
  const described = [...ordered].reverse().find((click) => click.question !== undefined);
  const first = ordered[0] as FeedbackEntry;
  return {
    channel: first.channel,
    messageTs: first.messageTs,
    threadTs: first.threadTs,
    team: first.team,
    question: described?.question,
    citations: described?.citations ?? [],
    helpful: counted.filter((click) => click.value === 'helpful').length,
    notHelpful: counted.filter((click) => click.value === 'not_helpful').length,
    votes: counted.map(({ user, value, at }) => ({ user, value, at })),
    lastAt: (ordered.at(-1) as FeedbackEntry).at,
  };
}
