// Runs of capitalised words ("NASA Administrator Bill Nelson", "the Wall Street Journal") split into a
// title and a name and classified as person, organisation or publication. Name detection is done with
// these precise rules plus compromise's first-name lexicon, which is far more reliable on news text
// than compromise's own `.people()` (which returns fragments like "- Dan Meyer," and "President").

import { isCommonWord, isFirstName } from '../text/word-lexicon.js';
import { MONTH_WORDS, NAME_PARTICLES, NON_NAME_WORDS, TIME_WORDS, TITLE_WORDS } from './lexicon.js';
import { isRoleNoun, ORG_WORDS, OUTLET_NAMES, PUBLICATION_WORDS, ROLE_NOUNS } from './noun-lexicon.js';
import { readWord, type Word } from './read-word.js';

export type RunKind = 'person' | 'org' | 'publication' | 'unknown';

export interface NameRun {
  start: number;
  end: number;
  words: Word[];
  /** "NASA Administrator", "U.S. Senator", "Sen.", or null. */
  title: string | null;
  /** The name without its title: "Bill Nelson", "Reed", "Wall Street Journal". */
  name: string;
  nameWords: Word[];
  kind: RunKind;
  possessive: boolean;
}

/** Titles and capitalised role nouns before a name: "Sen.", "Commissioner", "Striker", "Chief Executive". */
const isTitle = (w: Word) => TITLE_WORDS.has(w.bare) || (ROLE_NOUNS.has(w.bare) && w.capital);
const isAcronym = (w: Word) => /^\p{Lu}[\p{Lu}&]+$/u.test(w.text.replace(/['’]s$/, '').replace(/\./g, ''));
/** A word that can be part of a personal name: "J." and "Jr." yes, "U.S." and "Sen." no. */
const isNameWord = (w: Word) =>
  w.capital &&
  !isTitle(w) &&
  !ORG_WORDS.has(w.bare) &&
  !isAcronym(w) &&
  (!w.text.includes('.') || /^\p{Lu}\.$|^(?:Jr|Sr)\.$/u.test(w.text));

function classify(words: Word[], title: string | null, nameWords: Word[]): RunKind {
  const last = words[words.length - 1];
  const all = words.map((w) => w.bare).join(' ');
  const first = nameWords[0];
  const personal =
    first !== undefined && isFirstName(first.text) && nameWords.length >= 2 && nameWords.length <= 3;
  // "Marcus Hill" is a person even though "The Hill" is a publication.
  if (
    last &&
    !personal &&
    (PUBLICATION_WORDS.has(last.bare) || OUTLET_NAMES.has(all) || all === 'associated press')
  ) {
    return 'publication';
  }
  if (title !== null) return 'person';
  if (words.some((w) => ORG_WORDS.has(w.bare)) || words.every(isAcronym)) return 'org';
  if (words.length === 1 && last && /\p{Ll}\p{Lu}/u.test(last.text)) return 'org'; // SpaceX, eBay-like
  if (personal) return 'person';
  return 'unknown';
}

/**
 * "Mira Holt of Dunmore Securities": a person's name followed by "of" and an organisation is the person
 * and where they work, not one name ("Secretary of Defense Lloyd Austin" has the person after "of").
 */
function cutAtAffiliation(words: Word[], rolePrefixed: () => boolean): void {
  const of = words.findIndex((w, i) => i > 0 && w.text === 'of');
  if (of < 0) return;
  const before = words.slice(0, of);
  const after = words.slice(of + 1);
  // "coach Ray Villanueva of Selby State", "Sen. Rosa Delgado of Nebraska": after a noun or a title for
  // a person's role, the capitalised words are that person's name, and "of …" where they work or come
  // from — whatever the lexicon knows of the names ("Secretary of Defense Lloyd Austin" has no name
  // before its "of").
  // "County Judge Ray Dunagan of Brady": the title may have its own modifiers before it; the name is
  // what follows the last title word.
  const lastTitle = before.findLastIndex(isTitle);
  const named = lastTitle >= 0 ? before.slice(lastTitle + 1) : rolePrefixed() ? before : [];
  if (named.length >= 2 && named.every(isNameWord) && after.some((w) => w.capital)) {
    words.length = of;
    return;
  }
  const person = before.some((w) => isFirstName(w.text)) && isNameWord(before[before.length - 1] as Word);
  // "Helen Achebe of Northgate Children's Hospital": the run stops at the possessive, so the
  // organisation word is after it; a person's name has no possessive inside.
  // "Tom Reilly of WHVN-TV", "Nina Park of the Herald": an initialism or a newspaper's word is the outlet
  // a reporter works for, as an organisation word is an employer.
  const org =
    after.some((w) => (ORG_WORDS.has(w.bare) || PUBLICATION_WORDS.has(w.bare)) && w.capital) ||
    (after.length > 0 && after.every((w) => /^\p{Lu}[\p{Lu}&-]+$/u.test(w.text) || w.text === 'the')) ||
    after.at(-1)?.possessive === true;
  if (person && org) words.length = of;
}

/** The lowercase word right before `pos` names a person's role ("coach", "senator", "longshoreman"). */
function afterRoleNoun(text: string, pos: number): boolean {
  let end = pos;
  while (end > 0 && text[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && /\p{Ll}/u.test(text[start - 1] ?? '')) start--;
  return start < end && isRoleNoun(text.slice(start, end));
}

/**
 * "Forecaster Renee Oakley", "Defender Lucas Feld", "(Minister of) Transport Elena Vasquez": a
 * capitalised word before a first name and a surname is part of a role the lexicon of titles does not
 * list, since a given name opens a name ("Anne Halloran Pruitt" starts with one, so it stays whole).
 * The given name may be one the lexicon lacks ("Anchor Priya Castellane"): then the word before it
 * must be an ordinary English word and neither word after it one — a name of three words that opens
 * with a dictionary word goes on with dictionary words ("Green Bay Packers", "Long Island Sound").
 */
function roleBeforeName(words: readonly Word[]): boolean {
  const [role, given, surname] = words;
  return (
    words.length === 3 &&
    role !== undefined &&
    given !== undefined &&
    surname !== undefined &&
    !role.possessive &&
    !isFirstName(role.text) &&
    !NAME_PARTICLES.has(role.bare) &&
    !ORG_WORDS.has(role.bare) &&
    // "Co-author Emeka Duru": a hyphenated compound is a role when its head (the last part) is one.
    (isFirstName(given.text) ||
      ((isCommonWord(role.text) || isRoleNoun(role.bare.split('-').at(-1) ?? '')) &&
        !isCommonWord(given.text) &&
        !isCommonWord(surname.text))) &&
    !isFirstName(surname.text) &&
    // "Port Wendell Chamber (of Commerce)" is an organisation whose place name has a given name in it.
    !ORG_WORDS.has(surname.bare) &&
    !ORG_WORDS.has(given.bare)
  );
}

/**
 * "Parents for Healthy Schools", "Physicians for Human Rights", "Citizens for a Safer Ashwick": a
 * capitalised plural common noun, then "for" and a capitalised word, names an association after its
 * members and its cause — as "Friends of the Alcazar" does with "of". A person's name never takes "for".
 */
function advocacyFor(text: string, word: Word, words: readonly Word[]): boolean {
  const noun = words[words.length - 1];
  if (word.text !== 'for' || !noun || !isPluralCommonNoun(noun)) return false;
  let next = readWord(text, word.end + 1);
  if (next && (next.text === 'a' || next.text === 'the')) next = readWord(text, next.end + 1);
  return next?.capital === true && !TIME_WORDS.has(next.bare);
}

function isPluralCommonNoun(noun: Word): boolean {
  return (
    noun.capital &&
    !noun.possessive &&
    /\p{Ll}s$/u.test(noun.text) &&
    isCommonWord(noun.bare) &&
    !isFirstName(noun.text)
  );
}

/**
 * "Friends of the Alcazar", "Sisters of the Holy Cross": a capitalised plural noun, then "of the" and a
 * capitalised word, names a society — English names associations for their members this way.
 */
function pluralTitleNoun(words: readonly Word[]): boolean {
  const [noun, of] = words;
  return words.length === 2 && noun !== undefined && of?.text === 'of' && isPluralCommonNoun(noun);
}

/** How many capitalised words after "and" may finish an organisation's name. */
const MAX_WORDS_AFTER_AND = 5;
/** A remit after "and" is a short noun phrase ("Human Services", "Water Protection"). */
const MAX_REMIT_WORDS = 3;

/**
 * "Food and Drug Administration", "Pipeline and Hazardous Materials Safety Administration": an "and"
 * between capitalised words is inside one organisation's name when the words after it end in an
 * organisation word and nobody's given name stands on either side (then it would join two people:
 * "Ana Ruiz and Tom Hale").
 */
function orgConjunction(text: string, word: Word, before: readonly Word[]): boolean {
  const previous = before.at(-1);
  if (word.text !== 'and' || !previous?.capital || previous.possessive || text[word.end] !== ' ')
    return false;
  if (before.some((w) => isFirstName(w.text))) return false;
  const after: Word[] = [];
  for (let p = word.end + 1; after.length < MAX_WORDS_AFTER_AND; ) {
    const next = readWord(text, p);
    if (!next?.capital || isFirstName(next.text)) break;
    after.push(next);
    if (next.possessive || text[next.end] !== ' ') break;
    p = next.end + 1;
  }
  const last = after.at(-1);
  if (after.length >= 2 && last !== undefined && ORG_WORDS.has(last.bare)) return true;
  // "Department of Air and Water Protection", "Ministry of Agriculture and Forestry": after an
  // organisation word and "of", a government body's name lists its remits — short runs of capitalised
  // nouns; a second body after "and" ends in an organisation word (or is an acronym), and people were
  // excluded above by their given names.
  const of = before.findIndex((w) => w.text === 'of');
  return (
    of > 0 &&
    before.slice(0, of).some((w) => w.capital && ORG_WORDS.has(w.bare)) &&
    after.length >= 1 &&
    after.length <= MAX_REMIT_WORDS &&
    after.every((w) => !w.possessive && !/\p{Lu}{2}/u.test(w.text) && !ORG_WORDS.has(w.bare))
  );
}

/**
 * The run of capitalised words starting at `pos` (with particles such as "of", "van" inside), or null.
 * At a sentence start a capitalised function word ("The", "If", "However") is skipped.
 */
const CONDITIONALS = new Set(['if', 'unless']);

/**
 * A month's name opening a run, written with a capital, no abbreviation's period, and another name word
 * right after it ("Jan Brink", "June Carter"): a given name, since a date puts a number after its month
 * ("June 5") and a time word stands alone ("told Semafor Friday").
 */
function givenNameMonth(text: string, word: Word, before: readonly Word[]): boolean {
  if (before.length > 0 || !MONTH_WORDS.has(word.bare) || word.text.endsWith('.') || text[word.end] !== ' ')
    return false;
  let next = readWord(text, word.end + 1);
  // "Jan de Vries", "Jan van der Berg": the surname's particles come between.
  while (next && NAME_PARTICLES.has(next.text) && text[next.end] === ' ') next = readWord(text, next.end + 1);
  return next?.capital === true && !TIME_WORDS.has(next.bare) && !/^\d/.test(next.text);
}

/**
 * "Ministry of Land, Transport and Regional Affairs", "Department of Health, Education and Welfare": a
 * government body's name may list its remits after "of", with commas and a final "and" — the comma goes
 * on with the name when the words so far are an organisation word and "of", and the list that follows
 * is of capitalised words closed by "and" and a capitalised word (no given name, which would make it a
 * list of people).
 */
const REMIT_LIST =
  /^,\s(?:(?:\p{Lu}[\p{Ll}'’-]+\s){0,2}\p{Lu}[\p{Ll}'’-]+,\s){0,4}(?:\p{Lu}[\p{Ll}'’-]+\s){0,2}\p{Lu}[\p{Ll}'’-]+,?\sand\s\p{Lu}/u;

function remitListFollows(text: string, word: Word, words: readonly Word[]): boolean {
  const of = words.findIndex((w) => w.text === 'of');
  if (of < 1 || !words.slice(0, of).some((w) => w.capital && ORG_WORDS.has(w.bare))) return false;
  const tail = REMIT_LIST.exec(text.slice(word.end));
  return tail !== null && !(tail[0].match(/\p{Lu}[\p{Ll}'’-]+/gu) ?? []).some((w) => isFirstName(w));
}

export function readNameRun(text: string, pos: number, sentenceInitial = false): NameRun | null {
  const words: Word[] = [];
  let p = pos;
  // Inside a remit list the final "and" joins the name's own words.
  let inList = false;
  for (;;) {
    const word = readWord(text, p);
    if (!word) break;
    // "Institute for Public Policy", "Committee on Foreign Relations": an organisation's name goes on
    // through its complement; a person's name never has one.
    const complement =
      ((word.text === 'for' || word.text === 'on') &&
        words.some((w) => ORG_WORDS.has(w.bare) && w.capital)) ||
      advocacyFor(text, word, words);
    // "Court of Appeals for the Fifth District", "Bank of the West": "the" inside a complement, before
    // a capitalised word.
    const previous = words[words.length - 1];
    const article =
      word.text === 'the' &&
      previous !== undefined &&
      ['of', 'for', 'on'].includes(previous.text) &&
      /^\p{Lu}/u.test(readWord(text, word.end + 1)?.text ?? '') &&
      (words.some((w) => ORG_WORDS.has(w.bare) && w.capital) || pluralTitleNoun(words));
    const particle =
      (NAME_PARTICLES.has(word.text) ||
        complement ||
        article ||
        orgConjunction(text, word, words) ||
        (inList && word.text === 'and')) &&
      words.length > 0;
    if (!(word.capital || particle) || (TIME_WORDS.has(word.bare) && !givenNameMonth(text, word, words)))
      break;
    // "Dear Colette:": a salutation opens a letter wherever the text sets it, bold or not.
    if (words.length === 0 && ((sentenceInitial && NON_NAME_WORDS.has(word.bare)) || word.text === 'Dear')) {
      // "If Hartigan said …": a name after a condition is the subject of supposed speech, which the
      // text does not report; the run is read from the name on, not as the sentence's opening.
      if (text[word.end] !== ' ' || CONDITIONALS.has(word.bare)) return null;
      p = word.end + 1;
      pos = p;
      sentenceInitial = false;
      continue;
    }
    words.push(word);
    // "Workers' Union", "Farmers' Alliance": a plural possessive inside an organisation's name.
    const inner = word.possessive && /^['’] /.test(text.slice(word.end, word.end + 2));
    const next = inner ? readWord(text, word.end + 2) : null;
    if (next?.capital && ORG_WORDS.has(next.bare)) {
      words[words.length - 1] = { ...word, possessive: false };
      p = word.end + 2;
      continue;
    }
    // "Carver & Associates", "Baird & Co.", "Barrow & Finch": English prose joins people with "and";
    // an ampersand between capitalised words is the name of a firm or brand.
    const joined = text.startsWith(' & ', word.end) ? readWord(text, word.end + 3) : null;
    if (!word.possessive && joined?.capital) {
      p = word.end + 3;
      continue;
    }
    if (
      !word.possessive &&
      word.capital &&
      text[word.end] === ',' &&
      (inList || remitListFollows(text, word, words))
    ) {
      inList = true;
      p = word.end + 2;
      continue;
    }
    if (word.possessive || text[word.end] !== ' ') break;
    p = word.end + 1;
  }
  while (words.length > 0 && !words[words.length - 1]?.capital) words.pop();
  cutAtAffiliation(words, () => afterRoleNoun(text, pos));
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || (words.length === 1 && first.text === 'I')) return null;
  // The name is the longest tail (≤ 4 words) of plain capitalised words; what comes before it is a title
  // only if it contains a title word ("Air Force Secretary", "Inspector General", "Sen.").
  let k = words.length;
  while (k > 0 && words.length - k < 4 && isNameWord(words[k - 1] as Word)) k--;
  const head = words.slice(0, k);
  let title: string | null = null;
  let nameWords = words;
  if (k > 0 && k < words.length && head.some(isTitle)) {
    title = text.slice(first.start, (head[head.length - 1] as Word).end);
    nameWords = words.slice(k);
  }
  // "Forecaster Renee Oakley", "Minister of Transport Elena Vasquez": the word before the given name
  // still belongs to the role.
  if ((title !== null || k === 0) && roleBeforeName(nameWords)) {
    title = text.slice(first.start, (nameWords[0] as Word).end);
    nameWords = nameWords.slice(1);
  }
  const nameStart = (nameWords[0] as Word).start;
  const name = text.slice(nameStart, last.end).replace(/['’]s?$/, '');
  return {
    start: first.start,
    end: last.end,
    words,
    title,
    name,
    nameWords,
    kind: classify(words, title, nameWords),
    possessive: last.possessive,
  };
}
