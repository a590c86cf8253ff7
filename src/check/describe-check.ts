import type { DiffPart, QuoteCheck } from './types.js';

/** One plain sentence saying what the check found, for people (the JSON keeps the parts). */
export function summarizeCheck(check: Omit<QuoteCheck, 'summary'>): string {
  return `${verdictSentence(check)}${speakerNote(check)}`;
}

/**
 * How the speaker was found, when that was inferred: a reader must know a speaker is the extractor's
 * guess before repeating it, and a claimed speaker named beside the words is not shown as wrong.
 */
function speakerNote(check: Omit<QuoteCheck, 'summary'>): string {
  const evidence = check.attribution;
  if (!evidence?.low_confidence) return '';
  if (check.speaker_uncertain) {
    return ` This rests on an inference: ${evidence.note}, and the claim's ${check.claimed_speaker} is named beside them — read the passage before crediting either.`;
  }
  return ` Note: ${evidence.note}.`;
}

function verdictSentence(check: Omit<QuoteCheck, 'summary'>): string {
  const where = check.original ? `“${check.original.title}”, paragraph ${check.original.paragraph}` : '';
  const who = check.said_by ?? 'someone the document does not name';
  switch (check.verdict) {
    case 'verbatim':
      return check.said_by
        ? `Verbatim: ${check.said_by} said these words (${where}).`
        : `Verbatim, but the document does not say who said these words (${where}).`;
    case 'shortened':
      return `Shortened but faithful: ${who} said this; the claim leaves out ${describeParts(check.diff, ['cut'])} (${where}).`;
    case 'altered':
      return `Altered: ${who} said something close, but the claim ${describeChanges(check.diff)} (${where}).`;
    case 'misattributed':
      return `Misattributed: the document credits these words to ${check.said_by}, not ${check.claimed_speaker}${wordingNote(check)} (${where}).`;
    case 'paraphrase':
      return check.said_by
        ? `Not these words: the document reports this only as indirect speech by ${check.said_by} (${where}).`
        : `Not a quotation: the document says this in its own words, not as anyone's quote (${where}).`;
    case 'spliced':
      return `Spliced: the claim joins ${check.pieces.length} pieces from different places — ${check.pieces
        .map(
          (piece) =>
            `“${piece.text}” (${piece.original.speaker ?? 'narration'}, “${piece.original.title}”, paragraph ${piece.original.paragraph})`,
        )
        .join('; ')}.`;
    case 'not_found':
      return check.closest.length > 0
        ? 'Not found: no indexed document has these words or a close version of them; the closest passages are shown, not cited.'
        : 'Not found: no indexed document has these words or a close version of them.';
  }
}

function wordingNote(check: Omit<QuoteCheck, 'summary'>): string {
  if (check.wording === 'altered') return `, and the claim ${describeChanges(check.diff)}`;
  if (check.wording === 'paraphrase') return ', who is reported saying it only in indirect speech';
  return '';
}

function describeChanges(diff: readonly DiffPart[]): string {
  const parts: string[] = [];
  for (const part of diff) {
    if (part.op === 'added') parts.push(`adds “${part.text}”`);
    else if (part.op === 'removed') parts.push(`drops “${part.text}”`);
    else if (part.op === 'changed')
      parts.push(`has “${part.text}” for “${part.original}”${part.typo ? ' (a typo?)' : ''}`);
  }
  return parts.length > 0 ? joinAnd(parts) : 'differs in wording';
}

function describeParts(diff: readonly DiffPart[], ops: DiffPart['op'][]): string {
  const texts = diff.filter((part) => ops.includes(part.op)).map((part) => `“${part.text}”`);
  return texts.length > 0 ? joinAnd(texts) : 'nothing';
}

function joinAnd(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
