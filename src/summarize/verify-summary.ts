import { isGenericWord } from '../text/generic-words.js';
import { supportOf } from '../text/support-of.js';
import type { Wordnet } from '../text/wordnet.js';
import type { ThreadParticipant } from './types.js';

/** What the model returned (prompts/summarize-thread.md), already parsed. */
export interface ModelSummary {
  summary: string;
  participants: { user?: string | undefined; points: { text: string; message: string }[] }[];
}

export interface TranscriptMessage {
  user: string;
  ts: string;
  /** The readable text the model saw. */
  text: string;
}

/** A point must be made of words of the message it cites (synonyms count) at least this much. */
const MIN_POINT_SUPPORT = 0.5;

/**
 * Checks a generated summary against the thread: every point must cite a message of the thread (m1…mN),
 * is credited to that message's real author whoever the model named, and must be found in that
 * message; the overview must be found in the thread. What fails is left out, with a note.
 */
export function verifySummary(
  reply: ModelSummary,
  messages: TranscriptMessage[],
  names: Record<string, string>,
  wordnet: Wordnet,
): { summary: string | null; participants: ThreadParticipant[]; notes: string[] } {
  const notes: string[] = [];
  const byUser = new Map<string, ThreadParticipant>();
  for (const participant of reply.participants) {
    for (const point of participant.points) {
      const message = messages[Number(point.message.replace(/^m/, '')) - 1];
      const quoted = `"${point.text.slice(0, 60)}"`;
      if (!message) {
        notes.push(`Left out a point that cited no message of the thread (${quoted}).`);
        continue;
      }
      if (supportOf(point.text, message.text, wordnet, isGenericWord) < MIN_POINT_SUPPORT) {
        notes.push(`Left out a point not found in the message it cites (${quoted}).`);
        continue;
      }
      if (participant.user && participant.user !== message.user) {
        notes.push(
          `A point the model gave to ${participant.user} is credited to ${names[message.user]}, who wrote that message.`,
        );
      }
      const entry = byUser.get(message.user) ?? {
        user: message.user,
        name: names[message.user] ?? message.user,
        points: [],
      };
      entry.points.push({ text: point.text, ts: message.ts });
      byUser.set(message.user, entry);
    }
  }
  const transcript = messages.map((message) => message.text).join(' ');
  const summaryHolds = supportOf(reply.summary, transcript, wordnet, isGenericWord) >= MIN_POINT_SUPPORT;
  if (!summaryHolds)
    notes.push('The generated overview was not found in the thread; the extractive one is shown.');
  return { summary: summaryHolds ? reply.summary : null, participants: [...byUser.values()], notes };
}
