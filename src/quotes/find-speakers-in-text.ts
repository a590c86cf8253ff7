// Finds the known speakers a question mentions: by full name, surname ("Meyer"), or role ("the NASA
// administrator", "Musk's biographer"). Surnames that are ordinary words ("Reed", "Price") count only when
// capitalised, a bare role noun only after "the", and a name inside a role phrase ("Musk" in "Musk's
// biographer") is not a mention of that person, so common words never fire on their own.
import { TITLE_WORDS } from './lexicon.js';
import { ROLE_NOUNS } from './noun-lexicon.js';
import { roleParts, type SpeakerEntry } from './speaker-directory.js';
import { escapeRegExp, isAmbiguousSurname, isPersonLike, surnameOf } from './speaker-names.js';

interface Hit {
  start: number;
  end: number;
}

const straighten = (text: string) => text.replace(/[‘’]/g, "'");

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

/**
 * The first whole-word occurrence of `phrase`. A question is checked against every name and role the
 * corpus knows, so this is a plain substring search with boundary checks, not a regular expression
 * compiled per phrase (which cost more than the rest of answering on the bundled corpus).
 */
function find(text: string, phrase: string, caseSensitive: boolean): Hit | null {
  const needle = straighten(phrase);
  if (!needle.trim()) return null;
  const haystack = caseSensitive ? text : text.toLowerCase();
  const sought = caseSensitive ? needle : needle.toLowerCase();
  // Lower-casing a few characters changes their length ("İ"): offsets would no longer be the text's.
  if (haystack.length !== text.length) return findByPattern(text, needle, caseSensitive);
  for (let at = haystack.indexOf(sought); at >= 0; at = haystack.indexOf(sought, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + sought.length]))
      return { start: at, end: at + sought.length };
  }
  return null;
}

function findByPattern(text: string, needle: string, caseSensitive: boolean): Hit | null {
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`,
    caseSensitive ? 'u' : 'iu',
  );
  const match = re.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function earliest(hits: Array<Hit | null>): Hit | null {
  return hits.filter((h): h is Hit => h !== null).sort((a, b) => a.start - b.start)[0] ?? null;
}

/** Where a person (or label) is named: full name, surname, or the label without "the". */
function nameHit(text: string, name: string): Hit | null {
  const hits = [find(text, name, false)];
  const surname = surnameOf(name);
  if (surname) hits.push(find(text, surname, isAmbiguousSurname(surname)));
  if (/^the\s/i.test(name)) hits.push(find(text, name.replace(/^the\s+/i, ''), /^The\s/.test(name)));
  if (/^The\s/.test(name)) hits.push(find(text, `the ${name.split(/\s+/).pop()}`, true));
  return earliest(hits);
}

/** Role phrases: the whole role anywhere; a one-word role only as "the attorney". */
function roleHit(text: string, roles: readonly string[]): Hit | null {
  const hits: Array<Hit | null> = [];
  for (const role of roles) {
    hits.push(find(text, role.replace(/^(?:a|an|the)\s+/i, ''), false));
    for (const part of roleParts(role)) {
      const words = part.split(/\s+/);
      const head = words[words.length - 1]?.toLowerCase() ?? '';
      if (!ROLE_NOUNS.has(head) && !TITLE_WORDS.has(head)) continue;
      hits.push(find(text, words.length >= 2 ? part : `the ${part}`, false));
    }
  }
  return earliest(hits);
}

export function findSpeakersInText(question: string, directory: readonly SpeakerEntry[]): string[] {
  const text = straighten(question);
  const roles = directory.map((entry) => ({ entry, hit: roleHit(text, entry.roles) }));
  const inRole = (hit: Hit) => roles.some((r) => r.hit && hit.start >= r.hit.start && hit.end <= r.hit.end);
  const found: Array<{ name: string; at: number }> = [];
  for (const { entry, hit } of roles) {
    const name = nameHit(text, entry.name);
    const at = earliest([hit, name && !inRole(name) ? name : null]);
    if (at) found.push({ name: entry.name, at: at.start });
  }
  // A group speaker is meant when one of its members is named ("What did Shaheen say?").
  for (const entry of directory) {
    if (found.some((f) => f.name === entry.name) || entry.members.length === 0) continue;
    const at = earliest(entry.members.filter(isPersonLike).map((member) => nameHit(text, member)));
    if (at && !inRole(at)) found.push({ name: entry.name, at: at.start + 0.5 });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}
