import { formatDiff } from '../../check/format-check.js';
import type { QuoteCheck } from '../../check/types.js';
import type { SlackMessage } from './block-types.js';
import { sections } from './limits.js';
import { clip, escapeText, link, sourceLine } from './mrkdwn.js';

const VERDICT_LABELS: Record<QuoteCheck['verdict'], string> = {
  verbatim: ':white_check_mark: Verbatim',
  shortened: ':scissors: Shortened, faithful',
  altered: ':warning: Altered',
  spliced: ':warning: Spliced',
  misattributed: ':x: Misattributed',
  paraphrase: ':speech_balloon: Paraphrase only',
  not_found: ':grey_question: Not found',
};
const MAX_QUOTE_CHARS = 1200;

/** A quote check as a Slack message: the verdict, the original verbatim, the word diff, the sources. */
export function quoteCheckMessage(check: QuoteCheck): SlackMessage {
  const lines = [`*${VERDICT_LABELS[check.verdict]}* — ${escapeText(check.summary)}`];
  if (check.original && check.verdict !== 'spliced') {
    const who = check.original.speaker ? escapeText(check.original.speaker) : 'no speaker named';
    lines.push(`>“${escapeText(clip(oneLine(check.original.text), MAX_QUOTE_CHARS))}” — ${who}`);
    if (check.original.copy_line)
      lines.push(`*Copy:* ${escapeText(clip(check.original.copy_line, MAX_QUOTE_CHARS))}`);
    if (check.original.link) lines.push(link(check.original.link, 'Exact passage on the original page'));
  }
  if (check.attribution?.low_confidence) {
    lines.push(`:mag: *How the speaker was found:* ${escapeText(check.attribution.note)}.`);
  }
  if (check.wording === 'altered' || check.wording === 'shortened') {
    lines.push(`*Claim against the original:* ${escapeText(clip(formatDiff(check.diff), MAX_QUOTE_CHARS))}`);
  }
  for (const piece of check.pieces) {
    lines.push(
      `• “${escapeText(clip(oneLine(piece.text), 400))}” — ${escapeText(piece.original.speaker ?? 'the document’s narration')}, ${link(piece.original.url, piece.original.title)}`,
    );
  }
  for (const citation of check.citations) {
    const source = sourceLine(citation.publisher, citation.date);
    lines.push(
      `[${citation.n}] ${link(citation.url, citation.title)}${source ? ` (${source})` : ''}, paragraph ${citation.paragraph}`,
    );
  }
  for (const passage of check.closest) {
    lines.push(`Closest (not a source): ${link(passage.url, passage.title)}, paragraph ${passage.paragraph}`);
  }
  return {
    text: clip(`${check.verdict.replace('_', ' ')}: ${check.summary}`, 2900),
    blocks: sections(lines.join('\n')),
  };
}

/** The reply to a message or command that holds no quotation in quote marks. */
export function noClaimMessage(): SlackMessage {
  const text =
    'I check quotations in quote marks. Try `/quote check "the words" ` or, on a message, the *Check quote* shortcut — e.g. `/quote check Meyer "you could lose control of your company"`.';
  return { text: 'No quotation in quote marks to check.', blocks: sections(text) };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
