import { contentTerms } from '../text/terms.js';
import type { QuestionAnalysis } from './analyze-question.js';

// "How many senators signed?" is answered by a phrase that counts senators: a number with the noun
// ("five senators") or the names English lists after it ("Senators Warren, Shaheen and Duckworth") —
// never by another number in the sentence ("two years"). Shared by the lead line and the evidence.

/** What "how many" counts: the word after it, and its stems with synonyms. */
export interface Counted {
  noun: string;
  stems: Set<string>;
}

export function countedOf(analysis: QuestionAnalysis): Counted | null {
  const noun = /^\s*how\s+many\s+(\p{L}+)/iu.exec(analysis.text)?.[1]?.toLowerCase();
  if (!noun) return null;
  const term = analysis.keyTerms.find((candidate) => candidate.word === noun);
  return {
    noun,
    stems: new Set(term ? [term.stem, ...term.synonymStems, ...term.equivalentStems] : contentTerms(noun)),
  };
}

/** The phrase of `sentence` that counts what is asked for ("Three (A, B and C)", "five senators"), or null. */
export function countPhrase(sentence: string, counted: Counted | null): string | null {
  const listed = counted ? enumerationAfter(sentence, counted.noun) : [];
  if (listed.length >= 2) return `${numberWord(listed.length)} (${joinAnd(listed)})`;
  for (const match of sentence.matchAll(new RegExp(QUANTITY_PHRASE.source, 'giu'))) {
    if (!counted || contentTerms(match[0]).some((stem) => counted.stems.has(stem))) return match[0].trim();
  }
  return null;
}

/** An amount with what it counts: "$3 billion", "tens of thousands of Ukrainians", "three letters", "few alternatives". */
const QUANTITY_PHRASE =
  /(?:\$\s?\d[\d,.]*(?:\s+(?:million|billion|trillion))?|\b\d[\d,.]*\s*(?:%|percent|million|billion|thousand)?(?:\s+\p{L}+){0,2}|\b(?:tens|hundreds|thousands|millions|billions|dozens)\s+of\s+(?:thousands\s+of\s+)?\p{L}+|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|few|a\s+handful\s+of|a\s+dozen)\s+\p{L}+)/iu;

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
