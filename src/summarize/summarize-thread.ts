import { sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import type { SummarizeInput, ThreadMessage, ThreadParticipant, ThreadSummary } from './types.js';

/** Sentences that state an outcome or commitment: what people most want from a thread summary. */
const DECISION =
  /\b(?:decided|decision|agreed|agree|let['’]s|we will|we['’]ll|i['’]ll|going to|plan is|approved|deadline|settled|conclusion|action item|will (?:ship|send|do|take|handle|own|follow))\b/i;
const POINTS_PER_PARTICIPANT = 3;
const MAX_POINT_CHARS = 280;

interface Sentence {
  text: string;
  ts: string;
  user: string;
  score: number;
  decision: boolean;
}

/** The human messages of a thread: bots (including this one), joins and empty messages left out. */
export function humanMessages(input: SummarizeInput): (ThreadMessage & { user: string; text: string })[] {
  return input.messages.filter(
    (message): message is ThreadMessage & { user: string; text: string } =>
      typeof message.user === 'string' &&
      typeof message.text === 'string' &&
      message.text.trim() !== '' &&
      !message.bot_id &&
      message.user !== input.botUserId &&
      (message.subtype === undefined ||
        message.subtype === 'thread_broadcast' ||
        message.subtype === 'file_share'),
  );
}

export function displayName(message: ThreadMessage, names: Record<string, string> = {}): string {
  const profile = message.user_profile;
  return (
    (message.user && names[message.user]) ||
    profile?.real_name ||
    profile?.display_name ||
    profile?.name ||
    message.user ||
    'someone'
  );
}

/**
 * Offline thread summary: who took part, the decisions stated, and each participant's key points —
 * every point a verbatim sentence of one of their own messages, with that message's ts.
 */
export function summarizeThread(input: SummarizeInput): ThreadSummary {
  const messages = humanMessages(input);
  const names: Record<string, string> = { ...input.names };
  for (const message of messages) names[message.user] ??= displayName(message, input.names);
  const sentences = scoreSentences(messages);
  const participants = [...new Set(messages.map((message) => message.user))].map(
    (user): ThreadParticipant => ({
      user,
      name: names[user] ?? user,
      points: sentences
        .filter((sentence) => sentence.user === user)
        .sort((a, b) => b.score - a.score)
        .slice(0, POINTS_PER_PARTICIPANT)
        .sort((a, b) => Number(a.ts) - Number(b.ts))
        .map((sentence) => ({ text: sentence.text, ts: sentence.ts })),
    }),
  );
  return {
    summary: overview(messages, sentences, names),
    participants,
    mode: 'extractive',
    messageCount: messages.length,
    notes: [],
  };
}

function scoreSentences(messages: { user: string; text: string; ts: string }[]): Sentence[] {
  const split = messages.flatMap((message) =>
    sentencesOf(message.text).map((text) => ({
      text: clip(text),
      ts: message.ts,
      user: message.user,
    })),
  );
  // Centrality: a sentence using words that others in the thread also use is about the thread's topic.
  const usersByTerm = new Map<string, Set<string>>();
  for (const sentence of split) {
    for (const term of contentTerms(sentence.text)) {
      if (!usersByTerm.has(term)) usersByTerm.set(term, new Set());
      usersByTerm.get(term)?.add(sentence.user);
    }
  }
  return split.map((sentence) => {
    const terms = [...new Set(contentTerms(sentence.text))];
    const shared = terms.filter((term) => (usersByTerm.get(term)?.size ?? 0) > 1).length;
    const decision = DECISION.test(sentence.text);
    const score =
      shared + Math.min(terms.length, 12) / 4 + (decision ? 4 : 0) - (sentence.text.endsWith('?') ? 1 : 0);
    return { ...sentence, score, decision };
  });
}

function overview(
  messages: { user: string; text: string; ts: string }[],
  sentences: Sentence[],
  names: Record<string, string>,
): string {
  const root = messages[0];
  if (!root) return 'The thread has no messages from people to summarize.';
  const people = new Set(messages.map((message) => message.user)).size;
  const opening = sentences.find((sentence) => sentence.ts === root.ts)?.text ?? '';
  const lines = [
    `${people} ${people === 1 ? 'person' : 'people'}, ${messages.length} ${messages.length === 1 ? 'message' : 'messages'}. ` +
      `${names[root.user] ?? root.user} started with: “${opening}”`,
  ];
  // The three most substantial decision sentences, in the order they were said.
  const decisions = sentences
    .filter((sentence) => sentence.decision)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .sort((a, b) => Number(a.ts) - Number(b.ts));
  if (decisions.length > 0) {
    lines.push(
      `Decisions and commitments: ${decisions.map((d) => `${names[d.user] ?? d.user}: “${d.text}”`).join(' ')}`,
    );
  }
  return lines.join('\n');
}

function clip(text: string): string {
  return text.length <= MAX_POINT_CHARS ? text : `${text.slice(0, MAX_POINT_CHARS - 1).trimEnd()}…`;
}
