import type { KnownBlock, SectionBlock, SlackMessage } from './block-types.js';
import { escapeText } from './mrkdwn.js';

/**
 * Slack's message limits: 50 blocks per message and 3,000 characters per section text; messages much
 * over ~12k characters in total are refused in practice. https://docs.slack.dev/reference/block-kit/blocks/section-block
 */
export const MAX_BLOCKS = 50;
export const MAX_SECTION_CHARS = 3000;
const MAX_MESSAGE_CHARS = 12_000;
/** The notification/fallback `text` is shown in notifications; keep it short. */
const MAX_FALLBACK_CHARS = 2900;

/** Splits text into pieces of at most `max` characters, preferring paragraph, line, sentence, then word breaks. */
export function splitText(text: string, max = MAX_SECTION_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = breakPoint(rest.slice(0, max), max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The last paragraph, line, sentence or word break in the window's second half (else a hard cut). */
function breakPoint(window: string, max: number): number {
  for (const separators of [['\n\n'], ['\n'], ['. ', '? ', '! ', '.” ', '." '], [' ']]) {
    const index = Math.max(
      ...separators.map((separator) => window.lastIndexOf(separator) + separator.length),
    );
    if (index > max / 2) return index;
  }
  return max;
}

/** Section blocks for any length of mrkdwn text, each within the per-section limit. */
export function sections(text: string): SectionBlock[] {
  return splitText(text).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

function blockChars(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/**
 * Spreads blocks over as many messages as the limits require (50 blocks, ~12k characters each).
 * `trailing` blocks (feedback buttons, context note) go with the last message only.
 */
export function toMessages(text: string, blocks: KnownBlock[], trailing: KnownBlock[] = []): SlackMessage[] {
  const messages: KnownBlock[][] = [[]];
  let size = 0;
  for (const block of blocks) {
    const current = messages.at(-1) as KnownBlock[];
    const chars = blockChars(block);
    if (current.length > 0 && (current.length >= MAX_BLOCKS || size + chars > MAX_MESSAGE_CHARS)) {
      messages.push([block]);
      size = chars;
    } else {
      current.push(block);
      size += chars;
    }
  }
  const trailingChars = trailing.reduce((sum, block) => sum + blockChars(block), 0);
  const last = messages.at(-1) as KnownBlock[];
  if (last.length + trailing.length > MAX_BLOCKS || size + trailingChars > MAX_MESSAGE_CHARS)
    messages.push([...trailing]);
  else last.push(...trailing);
  // The notification/fallback text is rendered by Slack too: escape it like the blocks, so that text
  // from documents or messages can never become a live <!channel> or a disguised link.
  const plain = text.length > MAX_FALLBACK_CHARS ? `${text.slice(0, MAX_FALLBACK_CHARS - 1)}…` : text;
  const fallback = escapeText(plain);
  return messages
    .filter((group) => group.length > 0)
    .map((group, i) => ({
      text: i === 0 ? fallback : `${fallback.slice(0, 80)} (continued)`,
      blocks: group,
    }));
}
