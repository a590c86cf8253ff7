import type { Answer, Citation } from '../answer/types.js';

/** Plain-text rendering for a terminal: the answer, then numbered sources with the cited passage. */
export function answerToText(answer: Answer): string {
  const parts = [answer.answer];
  for (const note of answer.notes) parts.push(`Note: ${note}`);
  if (answer.citations.length > 0) {
    parts.push('', 'Sources:');
    for (const citation of answer.citations) parts.push(formatSource(citation));
  }
  if (answer.closest.length > 0) {
    parts.push('', 'Closest passages (they do not answer the question):');
    for (const passage of answer.closest)
      parts.push(`  - ${passage.title} (${passage.doc}, paragraph ${passage.paragraph})`);
  }
  return `${parts.join('\n')}\n`;
}

function formatSource(citation: Citation): string {
  const where = `${citation.doc}, paragraph ${citation.paragraph}${citation.page ? `, p. ${citation.page}` : ''}`;
  const link = citation.url ? `\n      ${citation.url}` : '';
  const passage = citation.text.replace(/\s+/g, ' ');
  const shown = passage.length > 300 ? `${passage.slice(0, 297)}…` : passage;
  return `  [${citation.n}] ${citation.title} (${where})${link}\n      > ${shown}`;
}
