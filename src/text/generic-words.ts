import { stem } from './terms.js';

/**
 * Words that carry no topic of their own in a question: speech verbs (the topic is what was said),
 * light verbs, and vague nouns. Leaving them out keeps "coverage" about the subject matter.
 */
const GENERIC = new Set(
  (
    'say said tell told think thought mention talk spoke speak according warn claim argue explain note add ' +
    'state suggest insist describe stress emphasize remark assert respond reply answer ' +
    'take taken took get got make made go went give gave put happen thing anything something someone anyone ' +
    'people person mean meant know knew'
  )
    .split(' ')
    .map(stem),
);
/** True for words that carry no topic of their own (speech and light verbs, vague nouns); takes a stem. */
export function isGenericWord(wordStem: string): boolean {
  return GENERIC.has(wordStem);
}

/**
 * Shell nouns (Schmid 2000): "the Starlink situation", "the clearance issue" name a topic by the words
 * before them; the shell itself is no part of what a document must be about. (Questions keep them as
 * terms: "what was the issue" may ask for the shell's content.)
 */
const SHELL_NOUNS = new Set(
  [
    'situation',
    'matter',
    'issue',
    'affair',
    'stuff',
    'topic',
    'problem',
    'concern',
    'danger',
    'risk',
    'worry',
  ].map(stem),
);

/** True for a shell noun's stem ("situation", "issue"). */
export function isShellNoun(wordStem: string): boolean {
  return SHELL_NOUNS.has(wordStem);
}
