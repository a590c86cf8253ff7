import type { FeedbackCitation } from '../../store/state-store.js';

/** What an answer's feedback buttons are a vote on: the question and the passages cited. */
export interface FeedbackSubject {
  question: string;
  citations: FeedbackCitation[];
}

/** Slack's limit on a feedback button's value. https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element */
const MAX_VALUE_CHARS = 2000;
/** Of the question, kept in the value: enough to recognise it in a report, leaving room for citations. */
const MAX_QUESTION_CHARS = 500;

/**
 * A button's value: the vote and what it is a vote on, so the click alone tells the report which
 * question and which passages were judged, with nothing to store when the answer is posted (the
 * answer's message is the record). Citations that would not fit in Slack's limit are left out.
 */
export function feedbackValue(vote: 'helpful' | 'not_helpful', subject: FeedbackSubject | undefined): string {
  if (!subject) return vote;
  const question = [...subject.question].slice(0, MAX_QUESTION_CHARS).join('');
  const citations: [string, number][] = [];
  for (const { doc, paragraph } of subject.citations) {
    const value = JSON.stringify({ v: vote, q: question, c: [...citations, [doc, paragraph]] });
    if (value.length > MAX_VALUE_CHARS) break;
    citations.push([doc, paragraph]);
  }
  return JSON.stringify({ v: vote, q: question, c: citations });
}

/** The longest vote name read from a value: ours are `helpful` and `not_helpful`. */
const MAX_VOTE_CHARS = 32;

/**
 * Reads a button's value back: `{v, q, c}` from feedbackValue, or a bare vote (buttons posted before
 * values carried their subject). A value is Slack's copy of what this app posted, but it arrives in a
 * request like any other, so it is checked field by field, never trusted whole.
 */
export function readFeedbackValue(value: string): { vote: string; subject?: FeedbackSubject } {
  if (!value.startsWith('{')) return { vote: value.slice(0, MAX_VOTE_CHARS) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { vote: value.slice(0, MAX_VOTE_CHARS) };
  }
  const { v, q, c } = (parsed ?? {}) as { v?: unknown; q?: unknown; c?: unknown };
  const vote = typeof v === 'string' ? v.slice(0, MAX_VOTE_CHARS) : '';
  if (typeof q !== 'string' || !Array.isArray(c)) return { vote };
  const citations = c
    .filter(
      (entry): entry is [string, number] =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        Number.isInteger(entry[1]) &&
        (entry[1] as number) > 0,
    )
    .map(([doc, paragraph]) => ({ doc, paragraph }));
  return { vote, subject: { question: q.slice(0, MAX_QUESTION_CHARS), citations } };
}
