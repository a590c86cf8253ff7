// Questions asked of compromise's lexicon: is this a first name, and of which gender; is this an
// ordinary English word; is it an infinitive. The lexicon is read from data/lexicon.json, a snapshot
// of compromise's own (scripts/build-lexicon.js), because loading compromise costs ~250 ms per command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

let lexicon: Map<string, string> | undefined;

/** The comma-joined compromise tags of a word ('' when unknown); `word` is matched in lower case. */
export function lexiconTags(word: string): string {
  lexicon ??= readLexicon();
  return lexicon.get(word.toLowerCase()) ?? '';
}

function readLexicon(): Map<string, string> {
  const { byTags } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'lexicon.json'), 'utf8')) as {
    byTags: Record<string, string[]>;
  };
  const map = new Map<string, string>();
  for (const [tags, words] of Object.entries(byTags)) for (const word of words) map.set(word, tags);
  return map;
}

/**
 * A first name's tags, written with or without its accents: the lexicon lists "lucia" and "jose", and
 * "Lucía", "José", "Élodie" are the same names as news in English prints them.
 */
function nameTags(word: string): string {
  const tags = lexiconTags(word);
  if (tags !== '' || /^\p{ASCII}*$/u.test(word)) return tags;
  return lexiconTags(word.normalize('NFD').replace(/\p{M}/gu, ''));
}

/** 'm' or 'f' when the first name is a known male or female name. */
export function firstNameGender(word: string): 'm' | 'f' | null {
  const tags = nameTags(word);
  if (tags.includes('MaleName')) return 'm';
  if (tags.includes('FemaleName')) return 'f';
  return null;
}

export function isFirstName(word: string): boolean {
  return /MaleName|FemaleName|FirstName/.test(nameTags(word));
}

/** A word that the dictionary knows as something other than a name ("reed", "price", "young"). */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  return tags !== '' && !/Name|Person/.test(tags);
}

/** A finite verb or a subject pronoun ("was", "wanted", "would", "he"): a clause has begun. */
export function isClauseWord(word: string): boolean {
  return (
    NEGATED_AUXILIARY.test(word) || /PastTense|PresentTense|Copula|Modal|Pronoun/.test(lexiconTags(word))
  );
}

/**
 * "cannot", "can't", "wasn't", "didn't": English contracts "not" only onto auxiliaries and modals, so
 * a word in -n't is always a finite verb (the lexicon lists none of them, and "cannot" only as a verb).
 */
const NEGATED_AUXILIARY = /^(?:cannot|\p{L}+n['’]t)$/iu;

/** "request", "verify": an infinitive after "to" means a purpose clause, not a reported statement. */
export function isInfinitive(word: string): boolean {
  return /Infinitive/.test(lexiconTags(word));
}

/** Participles that describe a role rather than report an action: "retired general", "elected official". */
const ROLE_PARTICIPLES = new Set([
  'retired',
  'elected',
  'appointed',
  'acting',
  'designated',
  'fired',
  'former',
]);

/**
 * Whether a lowercase word can be part of a role written before a name ("former state senator",
 * "police chief"): not a verb, question word, conjunction, preposition or adverb. "Mayor Jane Roe met
 * council member John Smith" must not give Smith the role "Jane Roe met council member".
 */
export function canDescribeRole(word: string): boolean {
  const bare = word.toLowerCase();
  if (ROLE_PARTICIPLES.has(bare)) return true;
  if (
    /PastTense|Gerund|QuestionWord|Conjunction|Preposition|Adverb|Pronoun|Determiner|Modal|Copula/.test(
      lexiconTags(bare),
    )
  ) {
    return false;
  }
  return !/(?:ed|ly)$/.test(bare);
}
