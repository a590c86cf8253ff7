import type { Citation } from '../answer/citation.js';
import type { Quote } from '../quotes/types.js';
import { citationOf } from './check-parts.js';
import type { QuoteSource } from './quote-sources.js';
import type { SplicePiece, Verdict } from './types.js';

/** A word-for-word piece of a claim, the paragraph it comes from and the quote it lies in. */
export interface Piece {
  piece: SplicePiece;
  source: QuoteSource;
  quote: Quote | null;
  /** Source word indices of the piece (inclusive). */
  first: number;
  last: number;
}

export interface ContinuedQuote {
  verdict: Extract<Verdict, 'verbatim' | 'shortened'>;
  speaker: string;
  citations: Citation[];
}

/**
 * A quotation that runs on into the next paragraph is one quotation, not a splice: by the convention of
 * English-language news, a speaker's quote continued over paragraphs opens each paragraph with a quote
 * mark. The claim's pieces make one when every word of the claim is in them, all are one named speaker's
 * direct words in one document, they run through consecutive paragraphs in order, and nothing quoted is
 * skipped between them (only narration: "she said"). Whole quotes at both ends: verbatim; else shortened.
 */
export function continuedQuote(pieces: readonly Piece[], cover: number): ContinuedQuote | null {
  const first = pieces[0];
  const speaker = first?.quote?.speaker;
  if (!first || !speaker || cover < 1 || pieces.length < 2) return null;
  let crossed = false;
  for (const [i, piece] of pieces.entries()) {
    const { quote, source } = piece;
    if (quote?.kind !== 'direct' || quote.speaker !== speaker) return null;
    if (source.document.id !== first.source.document.id) return null;
    const previous = pieces[i - 1];
    if (!previous) continue;
    const step = source.chunk.paragraph - previous.source.chunk.paragraph;
    if (step === 0) {
      if (source !== previous.source || quotedBetween(source, previous.last + 1, piece.first)) return null;
    } else if (step === 1) {
      crossed = true;
      const before = previous.source;
      if (quotedBetween(before, previous.last + 1, before.words.length)) return null;
      if (quotedBetween(source, 0, piece.first)) return null;
    } else return null;
  }
  if (!crossed) return null;
  const last = pieces.at(-1) as Piece;
  const whole =
    startsQuote(first.source, first.first, first.quote as Quote) &&
    endsQuote(last.source, last.last, last.quote as Quote);
  const citations: Citation[] = [];
  for (const { source, quote } of pieces) {
    if (citations.some((citation) => citation.paragraph === source.chunk.paragraph)) continue;
    citations.push(citationOf(citations.length + 1, source, quote));
  }
  return { verdict: whole ? 'verbatim' : 'shortened', speaker, citations };
}

/** Whether any word in [from, to) of the paragraph is inside a quote (and not narration breaking it). */
function quotedBetween(source: QuoteSource, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    if ((source.owner[i] ?? -1) !== -1 && !source.words[i]?.bridge) return true;
  }
  return false;
}

function startsQuote(source: QuoteSource, first: number, quote: Quote): boolean {
  const index = source.quotes.indexOf(quote);
  return source.owner.findIndex((owner) => owner === index) === first;
}

function endsQuote(source: QuoteSource, last: number, quote: Quote): boolean {
  const index = source.quotes.indexOf(quote);
  return source.owner.findLastIndex((owner) => owner === index) === last;
}
