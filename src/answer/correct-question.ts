import { Vocabulary } from '../text/spelling.js';
import { isStopword, words } from '../text/terms.js';
import { lexiconTags } from '../text/word-lexicon.js';
import type { SearchContext } from './search-context.js';

export interface CorrectedQuestion {
  /** The question with its typos replaced by the corpus words they most likely stand for. */
  text: string;
  /** What was read otherwise, for a note to the reader. */
  corrections: { from: string; to: string }[];
}

/** Built once per index: the corpus's words and how often each occurs. */
const vocabularies = new WeakMap<SearchContext, Vocabulary>();

function vocabularyOf(context: SearchContext): Vocabulary {
  let vocabulary = vocabularies.get(context);
  if (!vocabulary) {
    const counts = new Map<string, number>();
    const texts = [
      ...[...context.paragraphs.values()].map((chunk) => chunk.text),
      ...context.index.documents.map((document) => document.meta.title ?? ''),
    ];
    for (const text of texts)
      for (const word of words(text)) if (!isStopword(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    vocabulary = new Vocabulary(counts);
    vocabularies.set(context, vocabulary);
  }
  return vocabulary;
}

const TOKEN = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * "what did meyr say about relience on spacex" → "what did meyer say about reliance on spacex": a
 * word is corrected only when the documents never use it, no dictionary knows it and it is no short
 * form the documents define (src/text/spelling.ts says why that leaves correct words alone).
 */
export function correctQuestion(question: string, context: SearchContext): CorrectedQuestion {
  const corrections: CorrectedQuestion['corrections'] = [];
  const known = (word: string) =>
    isStopword(word) ||
    context.index.lexical.documentFrequency(word) > 0 ||
    context.aliases.has(word) ||
    lexiconTags(word) !== '' ||
    context.wordnet.knows(word);
  const text = question.replace(TOKEN, (token) => {
    const [word = ''] = words(token);
    // A capital inside a word ("SecDef", "SpaceX") or a word in capitals ("SASC") is a coined short
    // form or a name, written that way on purpose: typing slips do not add capitals.
    if (word === '' || /.\p{Lu}/u.test(token) || known(word)) return token;
    const closest = vocabularyOf(context).closest(word);
    if (!closest) return token;
    const replaced = caseLike(token, closest) + token.slice(word.length);
    corrections.push({ from: token, to: replaced });
    return replaced;
  });
  return { text, corrections };
}

/** The correction written in the case the user typed: "Meyr" → "Meyer", "SPACX" → "SPACEX". */
function caseLike(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(typed)) return word[0]?.toUpperCase() + word.slice(1);
  return word;
}
