import { contentTerms, isStopword, stem, words } from './terms.js';
import type { Wordnet } from './wordnet.js';

/**
 * How much of a sentence is found in the text it relies on: the share of its content words present
 * in `source` (a WordNet synonym counts). A cheap, transparent stand-in for entailment that catches
 * sentences about things the source never mentions.
 */
export function supportOf(
  sentence: string,
  source: string,
  wordnet: Wordnet,
  isGeneric: (stem: string) => boolean,
): number {
  const present = new Set(contentTerms(source));
  const terms = [...new Set(words(sentence).filter((word) => !isStopword(word)))].filter(
    (word) => !isGeneric(stem(word)),
  );
  if (terms.length === 0) return 1;
  const found = terms.filter(
    (word) => present.has(stem(word)) || wordnet.synonyms(word).some((synonym) => present.has(stem(synonym))),
  );
  return found.length / terms.length;
}
