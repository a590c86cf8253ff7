// What a mention says about the entity: gender from Mr./Ms., the role written right before a name
// ("national security attorney Dan Meyer", "Council member Marcus Hill"), and a publication's
// conventional name ("the Wall Street Journal" → "The Wall Street Journal").

import { canDescribeRole } from '../text/word-lexicon.js';
import { FEMALE_HONORIFICS, MALE_HONORIFICS, TITLE_WORDS } from './lexicon.js';
import type { NameRun } from './name-runs.js';
import { isRoleNoun, ROLE_NOUNS, THE_PUBLICATION_WORDS } from './noun-lexicon.js';
import { readWords } from './read-word.js';

export type Gender = 'm' | 'f' | null;

/** A role written before a name ("former state senator Maria Lopez") is a few words, never a clause. */
const MAX_ROLE_WORDS = 4;
const ROLE_LOOKBACK_CHARS = 60;

export function honorificGender(title: string | null): Gender {
  const last = title?.split(/\s+/).pop()?.replace(/\.$/, '').toLowerCase() ?? '';
  if (MALE_HONORIFICS.has(last)) return 'm';
  if (FEMALE_HONORIFICS.has(last)) return 'f';
  return null;
}

export function publicationName(run: NameRun, text: string): string {
  const last = run.words[run.words.length - 1]?.bare ?? '';
  const hadThe = /\bthe\s+$/i.test(text.slice(Math.max(0, run.start - 4), run.start));
  const name = run.name.replace(/^The\s+/, '');
  return hadThe || THE_PUBLICATION_WORDS.has(last) || name === 'Associated Press' ? `The ${name}` : name;
}

/** "national security attorney Dan Meyer": a lowercase role right before the name. */
export function roleBefore(text: string, start: number): string | null {
  const words = readWords(text, Math.max(0, start - ROLE_LOOKBACK_CHARS), start);
  const taken = [];
  for (let k = words.length - 1; k >= 0 && taken.length < MAX_ROLE_WORDS; k--) {
    const word = words[k];
    if (!word || word.capital || /[,.;:"“”()]/.test(text.slice(word.end, taken[0]?.start ?? start))) break;
    if (
      ['a', 'an', 'the', 'to', 'with', 'by', 'of', 'and', 'for', 'from', 'said', 'told'].includes(
        word.bare,
      ) ||
      !canDescribeRole(word.bare)
    )
      break;
    taken.unshift(word);
  }
  const last = taken[taken.length - 1];
  if (!last || !ROLE_NOUNS.has(last.bare) || last.end + 1 !== start) return null;
  // "Council member Marcus Hill": capitalised words right before the lowercase role belong to it.
  let from = taken[0]?.start ?? start;
  for (let k = words.length - taken.length - 1; k >= 0; k--) {
    const word = words[k];
    if (!word?.capital || word.end + 1 !== from || TITLE_WORDS.has(word.bare)) break;
    from = word.start;
  }
  return text.slice(from, last.end);
}

const AGENT_BY = /\b(\p{Ll}{3,}ed)\s+by\s+(?:the\s+)?$/u;

/**
 * "The session was moderated by Amy Lindahl", "a panel chaired by Ruth Ames": the agent of a passive
 * holds the role its verb's agent noun names (moderate → moderator, chair → chair, interview →
 * interviewer), as a role written before the name would; English forms agent nouns from the verb with
 * -er/-or or none, and only a noun that names a person counts. `start` is where the name (or the role
 * written before it) begins.
 */
export function agentRoleBefore(text: string, start: number): string | null {
  const participle = AGENT_BY.exec(text.slice(Math.max(0, start - ROLE_LOOKBACK_CHARS), start))?.[1];
  if (!participle) return null;
  const bases = [participle.slice(0, -2), participle.slice(0, -1)];
  const nouns = bases.flatMap((base) => [base, `${base}er`, `${base}r`, `${base.replace(/e$/, '')}or`]);
  return nouns.find((noun) => noun.length > 3 && isRoleNoun(noun)) ?? null;
}
