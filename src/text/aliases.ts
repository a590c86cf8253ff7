import { isFirstName, lexiconTags } from './word-lexicon.js';

/**
 * Short forms a reader uses for names the documents write in full, learnt from the documents
 * themselves: "Department of Defense (DoD)" defines DoD; "The Wall Street Journal" is "WSJ" to most
 * readers. Both rules come from how English forms initialisms (the first letters of a name's words),
 * so they hold for any topic; nothing here lists particular names.
 */
export interface Alias {
  /** The short form as written ("DoD", "WSJ"). */
  alias: string;
  /** The name it stands for, as the document writes it. */
  name: string;
  /** `defined`: the document says so, "Name (ALIAS)"; `initials`: formed from the name's initials. */
  source: 'defined' | 'initials';
}

/** A capitalised word, or an all-caps one, possibly with inner periods or apostrophes ("U.S.", "O'Neil"). */
const CAPITALISED = String.raw`\p{Lu}[\p{L}\p{N}'’.-]*`;
/**
 * Words that join the parts of one name and may count in its initials ("Department of Defense" → DoD).
 * Not "and": "Shaheen and Reed" is two names.
 */
const JOINER = '(?:of|the|for|on)';
const NAME = String.raw`${CAPITALISED}(?:\s+(?:${JOINER}\s+)*${CAPITALISED})+`;
const DEFINITION = new RegExp(String.raw`(${NAME})\s*\((\p{Lu}[\p{L}.&-]{1,11})\)`, 'gu');
const NAME_RUN = new RegExp(NAME, 'gu');
const JOINERS = new Set(['of', 'the', 'for', 'on']);
/** Fewer capitals than this make an initialism that is mostly a word or a coincidence ("US" for two words). */
const MIN_INITIALISM = 3;

export function findAliases(paragraphs: readonly string[]): Alias[] {
  const found = new Map<string, Alias>();
  const add = (alias: Alias) => {
    const key = `${alias.alias.toLowerCase()}\u0000${alias.name}`;
    if (!found.has(key) || alias.source === 'defined') found.set(key, alias);
  };
  for (const text of paragraphs) {
    for (const match of text.matchAll(DEFINITION)) {
      const name = trimName(match[1] ?? '');
      const alias = match[2] ?? '';
      // Only a parenthesis whose letters spell the name's initials is a definition: "(D-RI)" is not.
      const words = nameWords(name);
      const start = startOfInitials(words, alias);
      // A leading article is not part of the name ("The Federal Aviation Administration (FAA)").
      let from = start;
      while (from >= 0 && from < words.length - 1 && /^(?:the|a|an)$/i.test(words[from] ?? '')) from++;
      if (start >= 0) add({ alias, name: words.slice(from).join(' '), source: 'defined' });
    }
    for (const match of text.matchAll(NAME_RUN)) {
      for (const title of titlesBeforePerson(nameWords(trimName(match[0])))) add(title);
      const full = organisationWords(nameWords(trimName(match[0])));
      // A leading initialism is often dropped from the short form: "U.S. Department of Defense" is DoD.
      const words = full.length > 2 && (full[0] ?? '').includes('.') ? full.slice(1) : full;
      const name = full.join(' ');
      const capitals = words.filter((word) => !JOINERS.has(word.toLowerCase()));
      if (capitals.length < MIN_INITIALISM - 1) continue;
      const initials = words.map((word) => (JOINERS.has(word.toLowerCase()) ? '' : (word[0] ?? ''))).join('');
      if (initials.length >= MIN_INITIALISM) add({ alias: initials.toUpperCase(), name, source: 'initials' });
      // With the joiners' letters too, as in "DoD", "DoJ".
      const withJoiners = words.map((word) => word[0] ?? '').join('');
      if (withJoiners !== initials && withJoiners.length >= MIN_INITIALISM)
        add({ alias: withJoiners, name, source: 'initials' });
      // Or kept, letter by letter: "U.S. Space Force" is the USSF.
      const dotted = words === full ? '' : (full[0] ?? '').replace(/[^\p{Lu}]/gu, '');
      if (dotted.length >= 2 && initials.length >= 2)
        add({ alias: `${dotted}${initials.toUpperCase()}`, name, source: 'initials' });
    }
  }
  return [...found.values()];
}

/**
 * The title before a person's name and its short forms: "U.S. Attorney General Merrick Garland" gives
 * "AG" for "Attorney General", "Department of Defense Inspector General Robert Storch" gives "IG" for
 * "Inspector General" (and the longer ones). Readers call office-holders by their titles' initials, two
 * letters being usual for them. A title is built round a role noun ("Attorney", "Inspector",
 * "Secretary"), with a postpositive adjective ("General") or an "of" complement ("of Defense") after
 * it; the person's name follows.
 */
function titlesBeforePerson(words: string[]): Alias[] {
  const role = words.findLastIndex((word, i) => i < words.length - 1 && /Actor/.test(lexiconTags(word)));
  if (role < 0) return [];
  let end = role + 1;
  if (/Adjective/.test(lexiconTags(words[end] ?? '')) && !isFirstName(words[end] ?? '')) end++;
  while (JOINERS.has((words[end] ?? '').toLowerCase()) && !isFirstName(words[end + 1] ?? '')) end += 2;
  if (end >= words.length) return [];
  const dropped = (words[0] ?? '').includes('.') ? 1 : 0;
  const found: Alias[] = [];
  for (let start = role; start >= dropped; start--) {
    const part = words.slice(start, end);
    if (part.length < 2 || JOINERS.has((part[0] ?? '').toLowerCase())) continue;
    const initials = part.map((word) => (JOINERS.has(word.toLowerCase()) ? '' : (word[0] ?? ''))).join('');
    found.push({ alias: initials.toUpperCase(), name: part.join(' '), source: 'initials' });
  }
  return found;
}

function trimName(name: string): string {
  return name.replace(/['’]s$/u, '').replace(/[.,'’]+$/u, '');
}

/**
 * The part of a capitalised run that can be an organisation's name, whose initials readers use:
 * ordinary words that are capitalised only because they open a sentence or a headline ("Neither",
 * "Send", "Urge") end or start it, per the lexicon; a run naming a person (a first name in it) is
 * not one — people are called by their names, not their initials.
 */
function organisationWords(words: string[]): string[] {
  if (words.some((word) => isFirstName(word))) return [];
  let start = 0;
  while (start < words.length && isHeadlineWord(words[start] ?? '')) start++;
  const kept: string[] = [];
  for (const word of words.slice(start)) {
    if (isHeadlineWord(word)) break;
    kept.push(word);
  }
  while (kept.length > 0 && JOINERS.has((kept.at(-1) ?? '').toLowerCase())) kept.pop();
  return kept.filter((word, i) => i > 0 || !/^the$/i.test(word));
}

/** A capitalised verb or function word: title case, not a name ("Send", "Following", "Neither"). */
export function isHeadlineWord(word: string): boolean {
  if (JOINERS.has(word.toLowerCase())) return false;
  return /Verb|Infinitive|PastTense|PresentTense|Gerund|Conjunction|Adverb|Determiner|Preposition|QuestionWord|Pronoun/.test(
    lexiconTags(word),
  );
}

function nameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/**
 * Where in `words` the initials of `alias` begin (the name may carry leading words the short form
 * leaves out: "U.S. Department of Defense (DoD)"), or -1 when its letters are not the words' initials.
 * Joiners may or may not give a letter ("DoD" and "DD" both spell Department of Defense).
 */
function startOfInitials(words: string[], alias: string): number {
  const letters = alias.replace(/[^\p{L}]/gu, '').toLowerCase();
  for (let start = 0; start < words.length; start++) {
    if (spells(words.slice(start), letters)) return start;
  }
  return -1;
}

function spells(words: string[], letters: string): boolean {
  if (letters === '') return words.every((word) => JOINERS.has(word.toLowerCase()));
  const [word, ...rest] = words;
  if (!word) return false;
  const joiner = JOINERS.has(word.toLowerCase());
  const first = word[0]?.toLowerCase();
  if (first === letters[0] && spells(rest, letters.slice(1))) return true;
  return joiner && spells(rest, letters);
}
