// Small name helpers shared by the speaker directory, matching and question parsing.
import { isCommonWord } from '../text/word-lexicon.js';

const HONORIFICS = /^(?:mr|mrs|ms|miss|mx|dr|sen|senator|rep|gov|governor|prof|rev|the)\.?\s+/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** Lowercase, straight apostrophes, no punctuation at the edges, single spaces. */
function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’`]/g, "'")
    .replace(/[“”"]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.'-]+|[.'-]+$/g, '');
}

/** "Sen. Jack Reed" → "jack reed"; "the Senators" → "senators"; "Musk's" → "musk". */
export function bareName(text: string): string {
  let name = normalizeName(text);
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(HONORIFICS, '');
  }
  return name.replace(/'s$|'$/, '');
}

/** A person-like name: two to five words, each capitalised ("Dan Meyer", "Martin Luther King Jr."). */
export function isPersonLike(name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w)) && !/^The\s/.test(name)
  );
}

/** Last word of a personal name, skipping "Jr." and the like. */
export function surnameOf(name: string): string | null {
  if (!isPersonLike(name)) return null;
  const words = name.split(/\s+/).filter((w) => !SUFFIX.test(w));
  return words.length >= 2 ? (words[words.length - 1] ?? null) : null;
}

/** A surname that is also an ordinary word ("Reed", "Price", "Young") must be capitalised to count. */
export function isAmbiguousSurname(surname: string): boolean {
  return surname.length < 4 || isCommonWord(surname);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
