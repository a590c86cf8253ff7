import type { DiffPart, QuoteCheck } from './types.js';

const LABELS: Record<QuoteCheck['verdict'], string> = {
  verbatim: 'VERBATIM',
  shortened: 'SHORTENED (faithful excerpt)',
  altered: 'ALTERED',
  spliced: 'SPLICED',
  misattributed: 'MISATTRIBUTED',
  paraphrase: 'PARAPHRASE (reported speech only)',
  not_found: 'NOT FOUND',
};

/** The check as a terminal reads it: verdict, the original verbatim, the diff, sources. */
export function formatCheck(check: QuoteCheck): string {
  const lines = [`${LABELS[check.verdict]}: ${check.summary}`];
  if (check.original && check.verdict !== 'spliced') {
    lines.push(
      '',
      `Original (${check.original.speaker ?? 'no speaker named'}):`,
      `  “${oneLine(check.original.text)}”`,
    );
    if (check.original.copy_line) lines.push('', `Copy: ${check.original.copy_line}`);
    if (check.original.link) lines.push(`Exact passage: ${check.original.link}`);
  }
  if (check.attribution) lines.push(`Speaker: ${check.attribution.note}.`);
  const diff = formatDiff(check.diff);
  if (diff && check.wording !== 'verbatim') lines.push('', 'Claim against the original:', `  ${diff}`);
  if (check.pieces.length > 0) {
    lines.push('', 'Pieces:');
    for (const piece of check.pieces) {
      lines.push(
        `  “${oneLine(piece.text)}” — ${piece.original.speaker ?? 'the document’s narration'}, ${piece.original.title} ¶${piece.original.paragraph}`,
      );
    }
  }
  if (check.citations.length > 0) {
    lines.push('', 'Sources:');
    for (const citation of check.citations) {
      lines.push(
        `  [${citation.n}] ${citation.title}, ${citation.doc} ¶${citation.paragraph}${citation.url ? ` — ${citation.url}` : ''}`,
      );
    }
  }
  if (check.closest.length > 0) {
    lines.push('', 'Closest passages (not citations):');
    for (const passage of check.closest)
      lines.push(`  ${passage.title} ¶${passage.paragraph}: ${oneLine(passage.text).slice(0, 200)}`);
  }
  return lines.join('\n');
}

/** Unchanged words as they are, `[-removed-]`, `{+added+}`, `[-old-]{+new+}`, `[…cut…]`: git's word-diff marks. */
export function formatDiff(diff: readonly DiffPart[]): string {
  return diff
    .map((part) => {
      switch (part.op) {
        case 'same':
          return part.text;
        case 'added':
          return `{+${part.text}+}`;
        case 'removed':
          return `[-${part.text}-]`;
        case 'cut':
          return `[…${part.text}…]`;
        default:
          return `[-${part.original ?? ''}-]{+${part.text}+}`;
      }
    })
    .map(oneLine)
    .join(' ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
