import { contentTerms, isStopword, stem, words } from '../text/terms.js';
import type { Wordnet } from '../text/wordnet.js';
import type { Passage } from './types.js';

/**
 * How much of a sentence is found in the passages it cites: the share of its content words present
 * in their text or attributions (a WordNet synonym counts). A cheap, transparent stand-in for
 * entailment that catches sentences about things the passage never mentions.
 */
export function supportOf(
  sentence: string,
  passages: Passage[],
  wordnet: Wordnet,
  isGeneric: (stem: string) => boolean,
): number {
  const present = new Set(
    contentTerms(
      passages
        .flatMap((passage) => [
          passage.text,
          ...passage.quotes.flatMap((quote) => [quote.speaker ?? '', quote.role ?? '', ...quote.members]),
        ])
        .join(' '),
    ),
  );
  const terms = [...new Set(words(sentence).filter((word) => !isStopword(word)))].filter(
    (word) => !isGeneric(stem(word)),
  );
  if (terms.length === 0) return 1;
  const found = terms.filter(
    (word) => present.has(stem(word)) || wordnet.synonyms(word).some((synonym) => present.has(stem(synonym))),
  );
  return found.length / terms.length;
}
