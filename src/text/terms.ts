import { stemmer } from 'stemmer';
import { ENGLISH_STOPWORDS } from './english-stopwords.js';

/**
 * Word-level text analysis shared by BM25, the local embedder and answer coverage, so that all
 * three agree on what a "term" is. Lower-cased, curly apostrophes folded, possessives dropped.
 */
const QUESTION_WORDS = [
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'why',
  'how',
  'which',
  'did',
  'does',
  'do',
  // Contracted with "did" or "would": "what'd he say", "how'd it happen".
  "what'd",
  "who'd",
  "how'd",
  "where'd",
  "when'd",
  "why'd",
];
const STOPWORDS = new Set([
  ...ENGLISH_STOPWORDS,
  ...QUESTION_WORDS,
  'can',
  'could',
  'would',
  'should',
  'will',
  'may',
  'might',
  // Reflexive pronouns: the package's list has "himself" only; all of them are function words.
  'myself',
  'yourself',
  'herself',
  'itself',
  'oneself',
  'ourselves',
  'yourselves',
  'themselves',
  // Prepositions the package's list lacks ("per the WSJ", "via email"): function words too.
  'per',
  'via',
]);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased words with possessive "'s" removed ("Musk's" → "musk"); keeps stopwords. */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push(match[0].toLowerCase().replace(/’/g, "'").replace(/'s$/, ''));
  }
  return found;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || isContractedStopword(word);
}

/** The auxiliary verbs English negates with "n't". */
const AUXILIARIES = new Set(
  'do does did is are was were have has had can could will would shall should must need'.split(' '),
);

/** The stems English contracts irregularly before "n't": "can't", "won't", "shan't". */
const NEGATED_STEMS: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' };

/**
 * A stop word with a clitic — "shouldn't", "doesn't", "you're", "they've", "we'll" — is as empty of
 * topic as the stop word itself: the clitic adds a negation or an auxiliary, never a subject.
 */
function isContractedStopword(word: string): boolean {
  // Most words are neither: a cheap test first, since every word of every paragraph is asked.
  if (!word.includes("'") && !word.endsWith('nt')) return false;
  const negated = /^(\p{L}+)n't$/u.exec(word)?.[1];
  if (negated) return STOPWORDS.has(NEGATED_STEMS[negated] ?? negated);
  // Typed without the apostrophe, as chat often is ("cant", "didnt"): English's auxiliaries are a
  // closed class, so only they are read so ("went" is not "we" + n't).
  const unmarked = /^(\p{L}+)nt$/u.exec(word)?.[1];
  if (unmarked && AUXILIARIES.has(NEGATED_STEMS[unmarked] ?? unmarked)) return true;
  const base = /^(\p{L}+)'(?:re|ve|ll|d|m)$/u.exec(word)?.[1];
  return base !== undefined && STOPWORDS.has(base);
}

/** Porter stem of a lower-case word: "violated" and "violation" both give "violat". */
export function stem(word: string): string {
  return stemmer(word);
}

/** Content terms: words minus stopwords, stemmed. What BM25 indexes and what coverage counts. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((word) => !isStopword(word))
    .map(stem);
}
