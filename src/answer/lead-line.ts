import { isPlantedInstruction } from '../llm/instruction-like.js';
import type { Quote } from '../quotes/types.js';
import { findProperNames } from '../text/proper-names.js';
import { sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { capitalize, credit } from './credit.js';
import { EXPRESSIONS } from './expressions.js';
import { resolveRelativeDate } from './relative-date.js';
import type { Passage } from './types.js';

/**
 * The first line of an extractive answer: the answer to the kind of question asked, taken verbatim
 * from the first cited passage — the person for "who", the speaker for "who said", the amount for "how
 * many", the date for "when", yes or no when the passage settles it — or null when the passage gives no
 * such thing plainly (the evidence lines then speak for themselves). Never invented: every word shown
 * after the label is the document's.
 */
export function leadLine(analysis: QuestionAnalysis, passage: Passage, quote: Quote | null): string | null {
  const sentence = answeringSentence(analysis, passage, quote);
  switch (analysis.kind) {
    case 'who-said':
      return quote?.speaker ? `${capitalize(credit(quote)).replace(/,$/, '')}. [1]` : null;
    case 'who': {
      const names = newNames(analysis, sentence);
      return names.length > 0 ? `${names.join(', ')}. [1]` : null;
    }
    case 'how-many':
      return quantityLine(analysis, sentence);
    case 'when':
      return whenLine(sentence, passage);
    case 'yes-no':
      return yesNoLine(analysis, sentence);
    default:
      return null;
  }
}

/** The passage's sentence that holds the chosen quote, or else shares most of the question's words. */
function answeringSentence(analysis: QuestionAnalysis, passage: Passage, quote: Quote | null): string {
  const sentences = sentencesOf(passage.text).filter((sentence) => !isPlantedInstruction(sentence));
  const terms = new Set(
    analysis.keyTerms.flatMap((term) => [term.stem, ...term.equivalentStems, ...term.synonymStems]),
  );
  const score = (sentence: string) => contentTerms(sentence).filter((term) => terms.has(term)).length;
  const ranked = [...sentences].sort((a, b) => score(b) - score(a));
  const holding =
    quote && analysis.kind === 'who-said' ? sentences.find((s) => s.includes(quote.text)) : undefined;
  return holding ?? ranked[0] ?? '';
}

/** Names in the sentence that the question does not already name: who it asks about. */
function newNames(analysis: QuestionAnalysis, sentence: string): string[] {
  const asked = new Set(contentTerms([analysis.text, analysis.searchText].join(' ')));
  return (
    findProperNames(sentence)
      // People and organisations only: a capitalised headline run is no one's name.
      .filter((name) => name.kind !== 'other')
      .filter((name) => !contentTerms(name.name).every((stem) => asked.has(stem)))
      .map((name) => name.name)
  );
}

/** An amount with what it counts: "$3 billion", "tens of thousands of Ukrainians", "three letters". */
const QUANTITY_PHRASE =
  /(?:\$\s?\d[\d,.]*(?:\s+(?:million|billion|trillion))?|\b\d[\d,.]*\s*(?:%|percent|million|billion|thousand)?(?:\s+\p{L}+){0,2}|\b(?:tens|hundreds|thousands|millions|billions|dozens)\s+of\s+(?:thousands\s+of\s+)?\p{L}+|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+\p{L}+)/iu;

/**
 * "How many senators…": the phrase that counts what is asked for ("five senators"), not the first
 * number in the sentence ("two years"); "how much" and "how long": the first amount or duration, read
 * on to the end of its phrase. Null when the sentence has none: no number beats a wrong one.
 */
function quantityLine(analysis: QuestionAnalysis, sentence: string): string | null {
  const { expects } = analysis;
  if (expects === 'amount' || expects === 'duration') {
    const at = EXPRESSIONS[expects].exec(sentence)?.index;
    if (at === undefined) return null;
    const phrase = /^[^,.;:()\u2013\u2014]+/u.exec(sentence.slice(at))?.[0] ?? '';
    const shown = phrase.split(/\s+/).slice(0, MAX_PHRASE_WORDS).join(' ');
    return shown ? `${capitalize(shown.trim())}. [1]` : null;
  }
  const counted = countedStems(analysis);
  const noun = /^\s*how\s+many\s+(\p{L}+)/iu.exec(analysis.text)?.[1]?.toLowerCase();
  const listed = noun ? enumerationAfter(sentence, noun) : [];
  if (listed.length >= 2) return `${capitalize(numberWord(listed.length))} (${joinAnd(listed)}). [1]`;
  for (const match of sentence.matchAll(new RegExp(QUANTITY_PHRASE.source, 'giu'))) {
    if (!counted || contentTerms(match[0]).some((stem) => counted.has(stem)))
      return `${capitalize(match[0].trim())}. [1]`;
  }
  return null;
}

/**
 * The names a sentence lists right after the counted noun — "U.S. Senators Elizabeth Warren (D-Mass),
 * Jeanne Shaheen (D-N.H.), and Tammy Duckworth" — the way English enumerates the members of a group.
 */
function enumerationAfter(sentence: string, noun: string): string[] {
  // The noun as written, singular or plural: stems join words that differ ("senate", "senator").
  const forms = new Set([noun, noun.replace(/e?s$/, '')]);
  for (const match of sentence.matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    if (!forms.has(word) && !forms.has(word.replace(/e?s$/, ''))) continue;
    const names: string[] = [];
    let rest = sentence.slice((match.index ?? 0) + match[0].length);
    for (;;) {
      const item = ENUMERATED_NAME.exec(rest);
      if (!item?.[1] || (names.length > 0 && !/^\s*(?:,|and\b|,\s*and\b)/u.test(rest))) break;
      names.push(item[1]);
      rest = rest.slice(item[0].length);
    }
    if (names.length >= 2) return names;
  }
  return [];
}

/** One listed name, after its separator, with a parenthesis that follows it ("(D-Mass)"). */
const ENUMERATED_NAME =
  /^\s*(?:,\s*)?(?:and\s+)?((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)(?:\s*\([^)]{0,40}\))?/u;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** An amount's phrase shown as the answer runs to a few words ("billions of dollars in taxpayer funding"). */
const MAX_PHRASE_WORDS = 7;

/** What "how many" counts, with its synonyms: "senators" in "How many senators signed…". */
function countedStems(analysis: QuestionAnalysis): Set<string> | null {
  const word = /^\s*how\s+many\s+(\p{L}+)/iu.exec(analysis.text)?.[1]?.toLowerCase();
  if (!word) return null;
  const term = analysis.keyTerms.find((candidate) => candidate.word === word);
  return new Set(term ? [term.stem, ...term.synonymStems, ...term.equivalentStems] : contentTerms(word));
}

const TIME_PHRASE =
  /\b(?:(?:since|in|on|by|until|from)\s+)?(?:(?:early|mid|late)\s+)?(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:,\s*\d{4})?|\s+\d{4})?\b|\b(?:(?:since|in)\s+)?(?:(?:early|mid|late)\s+)?(?:19|20)\d\d\b|\b(?:today|yesterday|this\s+week|last\s+week|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/iu;

function whenLine(sentence: string, passage: Passage): string | null {
  const phrase = TIME_PHRASE.exec(sentence)?.[0];
  if (!phrase) return null;
  const resolved = resolveRelativeDate(phrase, passage.date);
  return resolved ? `${capitalize(phrase.trim())} — ${resolved}. [1]` : `${capitalize(phrase.trim())}. [1]`;
}

/**
 * Exclusivity, not denial: "no other company has" says the one named is the only one, as "only"
 * does — so both count as the same polarity, neither as a "no".
 */
const EXCLUSIVE = /\b(?:no\s+other|no\s+one\s+else|nobody\s+else|nothing\s+else|none\s+other|only)\b/gi;

function negated(text: string): boolean {
  return NEGATION.test(text.replace(EXCLUSIVE, ' '));
}

/** Negation in English: the particles and the verbs that deny or refuse. */
const NEGATION = /\b(?:not|no|never|neither|nor|none|without|n't|declined|denied|refused|rejected)\b|n't\b/i;

/**
 * Yes or no only when the passage's answering sentence holds every word the question asks about
 * beyond its names; its polarity against the question's gives the answer. Otherwise the documents
 * "don't say directly", and the evidence follows.
 */
function yesNoLine(analysis: QuestionAnalysis, sentence: string): string {
  const present = new Set(contentTerms(sentence));
  const nameStems = new Set(contentTerms(analysis.entities.map((entity) => entity.name).join(' ')));
  const concepts = analysis.keyTerms.filter((term) => !nameStems.has(term.stem) && !term.qualifier);
  // "Did the Pentagon respond?": when the verb is all the question asks beyond its names, the verb
  // itself must be in the sentence (key terms leave such light or speech verbs out).
  const verbs = concepts.length > 0 ? [] : contentTerms(analysis.text).filter((stem) => !nameStems.has(stem));
  const covered =
    concepts.every((term) =>
      [term.stem, ...term.equivalentStems, ...term.synonymStems].some((stem) => present.has(stem)),
    ) && verbs.every((stem) => present.has(stem));
  if (!covered || concepts.length + verbs.length === 0)
    return "The documents don't say directly; here is what they say:";
  const same = negated(sentence) === negated(analysis.text);
  return same ? 'Yes, according to [1]:' : 'No, according to [1]:';
}
