import type { Answer } from './types.js';

/**
 * The JSON shape of DESIGN.md's CLI contract, plus what the verifier removed and any notes: what `ask --json`
 * prints and the MCP `ask` tool returns, from this one function so the two never drift apart.
 */
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
