import type { Quote } from '../quotes/types.js';
import { sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { capitalize, credit } from './credit.js';
import type { Citation, Passage } from './types.js';

/** Lines of evidence in the answer body; further passages are listed as related sources. */
const MAX_LINES = 3;

export interface ExtractiveAnswer {
  answer: string;
  citations: Citation[];
}

/**
 * The offline answer: the best supporting passages, each as one line that quotes the document
 * verbatim and credits who said it, each cited [n]. Nothing here is paraphrased or generated.
 */
export function composeExtractiveAnswer(
  analysis: QuestionAnalysis,
  passages: Passage[],
  speakers: string[],
): ExtractiveAnswer {
  const questionTerms = new Set(analysis.keyTerms.flatMap((term) => [term.stem, ...term.synonymStems]));
  const citations: Citation[] = [];
  const lines: string[] = [];
  passages.forEach((passage, i) => {
    const n = i + 1;
    const quote = pickQuote(passage.quotes, questionTerms, new Set(speakers), analysis.asksForWords);
    citations.push(toCitation(n, passage, quote));
    if (i < MAX_LINES)
      lines.push(`${quote ? describeQuote(quote) : bestSentence(passage.text, questionTerms)} [${n}]`);
  });
  const related = citations.slice(MAX_LINES).map((citation) => `[${citation.n}]`);
  if (related.length > 0) lines.push(`Related: ${related.join(' ')}`);
  return { answer: lines.join('\n'), citations };
}

export function toCitation(n: number, passage: Passage, quote: Quote | null): Citation {
  return {
    n,
    doc: passage.doc,
    title: passage.title,
    paragraph: passage.paragraph,
    text: passage.text,
    speaker: quote?.speaker ?? null,
    quote: quote?.text ?? null,
    kind: quote?.kind ?? null,
    role: quote?.role ?? null,
    url: passage.url,
    publisher: passage.publisher,
    date: passage.date,
  };
}

/** The passage's quote that best fits the question: by a speaker it names, else by shared words. */
export function pickQuote(
  quotes: Quote[],
  questionTerms: Set<string>,
  speakers: Set<string>,
  asksForWords: boolean,
): Quote | null {
  const attributed = quotes.filter((quote) => quote.speaker !== null);
  const scored = attributed.map((quote) => {
    const overlap = contentTerms(quote.text).filter((term) => questionTerms.has(term)).length;
    const bySpeaker =
      speakers.has(quote.speaker ?? '') || quote.members.some((name) => speakers.has(name)) ? 10 : 0;
    return { quote, score: bySpeaker + overlap + quote.text.length / 1000 };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  return asksForWords || best.score >= 1 ? best.quote : null;
}

function describeQuote(quote: Quote): string {
  const display = quote.text.replace(/[\s,;:]+$/u, '');
  if (quote.kind === 'direct') return `${capitalize(credit(quote))} said: “${display}”`;
  const clause = /^\p{Lu}\p{Ll}/u.test(display)
    ? display.charAt(0).toLowerCase() + display.slice(1)
    : display;
  return `${capitalize(credit(quote))} said that ${clause}`;
}

/** The sentence of the passage that shares most terms with the question, verbatim. */
function bestSentence(text: string, questionTerms: Set<string>): string {
  const sentences = sentencesOf(text);
  let best = text;
  let bestScore = -1;
  for (const sentence of sentences) {
    const score = contentTerms(sentence).filter((term) => questionTerms.has(term)).length;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best.trim();
}
