import type { ThreadSummary } from '../../summarize/types.js';
import type { KnownBlock, SlackMessage } from './block-types.js';
import { sections, toMessages } from './limits.js';
import { clip, escapeText, slackDate } from './mrkdwn.js';

/** Builds a permalink to one message of the thread (see `permalinks.ts`). */
export type PermalinkFor = (ts: string) => string | null;

/**
 * A thread (or channel) summary: a short overview, then who said what — each participant with their key points,
 * each point linked to the message it came from (the link shows the message's time in the reader's zone).
 */
export function summaryMessages(
  summary: ThreadSummary,
  { heading, permalink }: { heading: string; permalink: PermalinkFor },
): SlackMessage[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: heading } },
    ...sections(escapeText(summary.summary)),
  ];
  if (summary.participants.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*Who said what*' } });
    for (const participant of summary.participants) {
      const points = participant.points.map((point) => {
        const when = slackDate(
          Number(point.ts),
          '{date_short} {time}',
          'message',
          permalink(point.ts) ?? undefined,
        );
        return `• ${escapeText(clip(point.text, 600))} (${when})`;
      });
      blocks.push(...sections([`*${escapeText(participant.name)}*`, ...points].join('\n')));
    }
  }
  const note = [
    `${summary.messageCount} ${summary.messageCount === 1 ? 'message' : 'messages'} read; my own messages are left out.`,
    ...summary.notes.map(escapeText),
  ].join(' ');
  const footer: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: clip(note, 2900) }] };
  return toMessages(`${heading}: ${clip(summary.summary, 200)}`, blocks, [footer]);
}
