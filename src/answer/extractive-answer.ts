import { isPlantedInstruction } from '../llm/instruction-like.js';
import type { Quote } from '../quotes/types.js';
import { countWords, sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { capitalize, credit } from './credit.js';
import { leadLine } from './lead-line.js';
import { quoteMatches, type SpeakerFilter } from './speaker-filter.js';
import type { Citation, Passage } from './types.js';

/** Lines of evidence in the answer body; further passages are listed as related sources. */
const MAX_LINES = 3;
/** A passage gets a line of its own when it covers at least this share of what the best one covers. */
const LINE_RELATIVE_COVERAGE = 0.6;
/** Below this coverage a passage after the first three is not worth citing at all. */
const MIN_RELATED_COVERAGE = 0.3;
/** A shorter quote ("regular contact") reads better inside its sentence than on its own. */
const MIN_QUOTE_WORDS = 6;

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
  asked: SpeakerFilter,
): ExtractiveAnswer {
  const questionTerms = new Set(analysis.keyTerms.flatMap((term) => [term.stem, ...term.synonymStems]));
  const best = Math.max(0, ...passages.map((passage) => passage.coverage));
  const kept = passages.filter((passage, i) => i < MAX_LINES || passage.coverage >= MIN_RELATED_COVERAGE);
  const citations: Citation[] = [];
  const lines: string[] = [];
  const related: string[] = [];
  kept.forEach((passage, i) => {
    const n = i + 1;
    const quote = pickQuote(passage.quotes, questionTerms, asked, analysis.asksForWords);
    citations.push(toCitation(n, passage, quote));
    if (i === 0 || (i < MAX_LINES && passage.coverage >= best * LINE_RELATIVE_COVERAGE)) {
      lines.push(`${evidenceLine(passage, quote, questionTerms)} [${n}]`);
    } else {
      related.push(`[${n}]`);
    }
  });
  if (related.length > 0) lines.push(`Related: ${related.join(' ')}`);
  // The answer to the kind of question asked comes first; the evidence lines follow.
  const lead = firstLead(analysis, kept.slice(0, MAX_LINES), citations, (passage) =>
    pickQuote(passage.quotes, questionTerms, asked, analysis.asksForWords),
  );
  if (lead) lines.unshift(lead);
  return { answer: lines.join('\n'), citations };
}

/** Says the passages do not settle a yes/no question: a later passage may settle it. */
const UNSETTLED = "The documents don't say directly";

/**
 * The answer line from the first of the top passages that gives one — a passage ranked second may
 * hold the date or the "yes" the first lacks — cited to that passage.
 */
function firstLead(
  analysis: QuestionAnalysis,
  top: Passage[],
  citations: Citation[],
  quoteOf: (passage: Passage) => Quote | null,
): string | null {
  let fallback: string | null = null;
  // A person named in another passage is no answer to "who": only the first passage says who. A date,
  // a number or a yes may come from a later passage that covers the question about as well.
  const best = top[0]?.coverage ?? 0;
  const candidates = analysis.kind === 'who' || analysis.kind === 'who-said' ? top.slice(0, 1) : top;
  const settled: string[] = [];
  for (const [i, passage] of candidates.entries()) {
    if (i > 0 && passage.coverage < best * LINE_RELATIVE_COVERAGE) continue;
    const quote = citations[i]?.quote ? quoteOf(passage) : null;
    const line = leadLine(analysis, passage, quote);
    if (line === null) continue;
    if (line.startsWith(UNSETTLED)) fallback ??= line;
    else if (analysis.kind !== 'yes-no') return line.replaceAll('[1]', `[${i + 1}]`);
    else settled.push(line.replaceAll('[1]', `[${i + 1}]`));
  }
  // A "yes" from one passage and a "no" from another: the documents do not settle it one way. "Only
  // if …" is a yes under a condition: with plain yeses it is the more exact answer, and comes first.
  const polarities = new Set(settled.map((line) => (line.startsWith('Only ') ? 'Yes' : line.split(',')[0])));
  if (polarities.size > 1) return `${UNSETTLED}; here is what they say:`;
  return settled.find((line) => line.startsWith('Only ')) ?? settled[0] ?? fallback;
}

/** Shown instead of a passage made only of instructions to readers or assistants. */
const PLANTED_ONLY =
  'This passage only gives instructions to its readers; it is shown as a source, not as an answer.';

function evidenceLine(passage: Passage, quote: Quote | null, questionTerms: Set<string>): string {
  // A quote broken by its attribution ("No other company," he told the paper, "been able …") is
  // as long as its parts together.
  const whole = quote?.kind === 'direct' ? splitQuoteText(quote, passage) : (quote?.text ?? '');
  const line =
    quote && countWords(whole) >= MIN_QUOTE_WORDS && !isPlantedInstruction(whole)
      ? describeQuote(quote, passage)
      : bestSentence(passage.text, questionTerms, quote);
  return clipLine(line);
}

/** A citation of a paragraph (and of the quote in it the answer relies on); shared by answers and quote checks. */
export function toCitation(
  n: number,
  passage: Pick<Passage, 'doc' | 'title' | 'paragraph' | 'page' | 'text' | 'url' | 'publisher' | 'date'>,
  quote: Quote | null,
): Citation {
  return {
    n,
    doc: passage.doc,
    title: passage.title,
    paragraph: passage.paragraph,
    ...(passage.page ? { page: passage.page } : {}),
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
  asked: SpeakerFilter,
  asksForWords: boolean,
): Quote | null {
  const attributed = quotes.filter((quote) => quote.speaker !== null);
  const scored = attributed.map((quote) => {
    const overlap = contentTerms(quote.text).filter((term) => questionTerms.has(term)).length;
    const bySpeaker = quoteMatches(quote, asked) ? 10 : 0;
    return { quote, score: bySpeaker + overlap + quote.text.length / 1000 };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  return asksForWords || best.score >= 1 ? best.quote : null;
}

function describeQuote(quote: Quote, passage: Passage): string {
  if (quote.kind === 'direct') {
    return `${capitalize(credit(quote))} said: “${splitQuoteText(quote, passage)}”`;
  }
  return `${capitalize(credit(quote))} said that ${embedClause(trimEnd(quote.text))}`;
}

/** Sentence-initial words that are lower case inside "said that …"; anything else (names) keeps its capital. */
const FUNCTION_WORDS = new Set(
  'if there the this that these those it its a an in on at for when while after before although because as but and or no not some many few most all any each every we they he she you our their his her'.split(
    ' ',
  ),
);

/** "If his clearance …" → "if his clearance …", but "Musk's conversations …" stays as written. */
function embedClause(text: string): string {
  const first = /^\p{L}+/u.exec(text)?.[0] ?? '';
  return FUNCTION_WORDS.has(first.toLowerCase()) && first !== first.toUpperCase()
    ? first.toLowerCase() + text.slice(first.length)
    : text;
}

/**
 * A quote split by its attribution ("No other company," he told the paper, "been able to …") is shown
 * whole: the speaker's parts joined with an ellipsis where words of the writer stand between them, and
 * with the text's own space where they simply follow each other (sentence by sentence).
 */
function splitQuoteText(quote: Quote, passage: Passage): string {
  const parts = passage.quotes
    .filter((other) => other.kind === 'direct' && other.speaker === quote.speaker)
    .sort((a, b) => a.start - b.start);
  const at = parts.indexOf(quote);
  let first = at;
  let last = at;
  while (first > 0 && (parts[first]?.start ?? 0) - (parts[first - 1]?.end ?? 0) <= SPLIT_GAP) first--;
  while (last < parts.length - 1 && (parts[last + 1]?.start ?? 0) - (parts[last]?.end ?? 0) <= SPLIT_GAP)
    last++;
  const run = parts.slice(first, last + 1);
  return run
    .map((part, i) => {
      const next = run[i + 1];
      if (!next) return trimEnd(part.text);
      const between = passage.text.slice(part.end - passage.start, next.start - passage.start);
      return /^\s*$/.test(between) ? part.text + between : `${trimEnd(part.text)} … `;
    })
    .join('');
}

/** Lines longer than this are cut at a word, with an ellipsis: the passage is in the sources. */
const MAX_LINE_CHARS = 700;

function clipLine(line: string): string {
  if (line.length <= MAX_LINE_CHARS) return line;
  const cut = line.slice(0, MAX_LINE_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …${line.includes('“') && !cut.includes('”') ? '”' : ''}`;
}

/** At most this many characters of attribution between two parts of one split quote. */
const SPLIT_GAP = 40;

function trimEnd(text: string): string {
  return text.replace(/[\s,;:]+$/u, '');
}

/**
 * The sentence of the passage that holds the quote, or else shares most terms with the question,
 * verbatim (a leading list marker dropped).
 */
function bestSentence(text: string, questionTerms: Set<string>, quote: Quote | null): string {
  const sentences = sentencesOf(text).filter((sentence) => !isPlantedInstruction(sentence));
  if (sentences.length === 0) return PLANTED_ONLY;
  const holding = quote ? sentences.find((sentence) => sentence.includes(quote.text)) : undefined;
  let best = holding ?? text;
  let bestScore = holding ? Number.POSITIVE_INFINITY : -1;
  for (const sentence of sentences) {
    const score = contentTerms(sentence).filter((term) => questionTerms.has(term)).length;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best.replace(/^\s*[-*•]\s+/, '').trim();
}
