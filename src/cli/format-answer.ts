import type { Answer, Citation } from '../answer/types.js';

/** The JSON shape of DESIGN.md's CLI contract, plus what the verifier removed and any notes. */
export function answerToJson(answer: Answer) {
  return {
    answer: answer.answer,
    abstained: answer.abstained,
    citations: answer.citations.map((citation) => ({
      n: citation.n,
      doc: citation.doc,
      title: citation.title,
      paragraph: citation.paragraph,
      // Only for paged documents (PDF), so the contract's keys stay as they are for every other file.
      ...(citation.page ? { page: citation.page } : {}),
      text: citation.text,
      speaker: citation.speaker,
      quote: citation.quote,
      url: citation.url,
    })),
    mode: answer.mode,
    speakers: answer.speakers,
    notes: answer.notes,
    removed: answer.removed,
    closest: answer.closest,
    ...(answer.quoteCheck ? { quote_check: answer.quoteCheck } : {}),
  };
}

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
