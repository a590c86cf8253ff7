import type { Quote } from '../quotes/types.js';
import { contentTerms } from '../text/terms.js';
import type { QuoteSource } from './quote-sources.js';

/**
 * Share of a claim's content words an indirect report must contain for the claim to be that report put
 * in quote marks: rewording changes pronouns, tense and function words, not the content words.
 */
const PARAPHRASE_MIN = 0.6;

/** The indirect report whose content words the claim mostly repeats: the idea, not the words, is there. */
export function closestReport(
  claimText: string,
  sources: readonly QuoteSource[],
): { source: QuoteSource; quote: Quote } | null {
  const wanted = new Set(contentTerms(claimText));
  if (wanted.size < 2) return null;
  let best: { source: QuoteSource; quote: Quote; share: number } | null = null;
  for (const source of sources) {
    for (const quote of source.quotes) {
      if (quote.kind !== 'indirect' || quote.speaker === null) continue;
      const have = new Set(contentTerms(quote.text));
      const share = [...wanted].filter((term) => have.has(term)).length / wanted.size;
      if (share >= PARAPHRASE_MIN && (!best || share > best.share)) best = { source, quote, share };
    }
  }
  return best;
}
