import type { LastFailure } from './pending-reply.js';

/** The note to the asker says what happened: Slack out of reach is not Slack saying no. */
export function finalNote(failure: LastFailure, giveUpAfterMs: number): string {
  const minutes = Math.round(giveUpAfterMs / 60_000);
  const during = minutes >= 1 ? `for ${minutes} minute${minutes === 1 ? '' : 's'}` : 'for a while';
  switch (failure) {
    case 'unreachable':
      return `I couldn’t reach Slack ${during}, so my reply here was never posted. Please ask again.`;
    case 'ratelimited':
      return `Slack kept limiting how fast I can post ${during}, so my reply here was never posted. Please ask again.`;
    case 'busy':
      return `Slack kept answering that it could not post right now ${during}, so my reply here was never posted. Please ask again.`;
  }
}
