// The directory of everyone quoted in the corpus, with the ways people refer to them: surname,
// "Mr./Ms. Surname", titles with the surname, and role phrases ("the NASA administrator",
// "Musk's biographer"). Used by `/quote Meyer`, the CLI and retrieval to resolve names in questions.

import { firstNameGender } from '../text/word-lexicon.js';
import { isPersonLike, surnameOf } from './speaker-names.js';
import type { Quote } from './types.js';

export interface SpeakerEntry {
  name: string;
  roles: string[];
  /** For a group speaker ("the Senators"): the people the documents name as its members. */
  members: string[];
  quoteCount: number;
  aliases: string[];
}

const TITLE_ALIASES: Record<string, string> = {
  senator: 'Sen.',
  representative: 'Rep.',
  governor: 'Gov.',
  mayor: 'Mayor',
  commissioner: 'Commissioner',
  judge: 'Judge',
  administrator: 'Administrator',
  secretary: 'Secretary',
  president: 'President',
  coach: 'Coach',
  professor: 'Prof.',
  doctor: 'Dr.',
};

/** "NASA Administrator" → "the NASA administrator": acronyms keep their capitals. */
function rolePhrase(role: string): string {
  const lowered = role
    .split(/\s+/)
    .map((w) => (/^\p{Lu}[\p{Lu}.&-]+$/u.test(w) || /['’]s$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
  return /^(?:the|a|an)\s/i.test(lowered) ? lowered : `the ${lowered}`;
}

/** Role parts worth matching: "U.S. Senator, D-RI; Chairman, …" → ["U.S. Senator", "Chairman", …]. */
export function roleParts(role: string): string[] {
  return role
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 2 && !/^[A-Z]-[A-Z.]+$/.test(part));
}

function aliasesOf(name: string, roles: readonly string[]): string[] {
  const aliases = new Set<string>();
  const surname = surnameOf(name);
  if (surname) {
    aliases.add(surname);
    const gender = firstNameGender(name.split(/\s+/)[0] ?? '');
    if (gender) aliases.add(`${gender === 'm' ? 'Mr.' : 'Ms.'} ${surname}`);
    for (const role of roles) {
      for (const part of roleParts(role)) {
        const title = TITLE_ALIASES[part.split(/\s+/).pop()?.toLowerCase() ?? ''];
        if (title) aliases.add(`${title} ${surname}`);
      }
    }
  } else if (/^The\s/.test(name)) {
    const bare = name.slice(4);
    aliases.add(bare);
    aliases.add(`the ${bare.split(/\s+/).pop()}`);
  } else if (/^the\s/.test(name)) {
    aliases.add(name.slice(4));
  }
  for (const role of roles) {
    aliases.add(role);
    aliases.add(rolePhrase(role));
  }
  aliases.delete(name);
  return [...aliases];
}

export function buildSpeakerDirectory(quotes: readonly Quote[]): SpeakerEntry[] {
  const entries = new Map<string, SpeakerEntry>();
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    let entry = entries.get(quote.speaker);
    if (!entry) {
      entry = { name: quote.speaker, roles: [], members: [], quoteCount: 0, aliases: [] };
      entries.set(quote.speaker, entry);
    }
    entry.quoteCount++;
    if (quote.role && !entry.roles.includes(quote.role)) entry.roles.push(quote.role);
    // Members belong to group labels; a list speaker named by its first member keeps them too.
    for (const member of quote.members) if (!entry.members.includes(member)) entry.members.push(member);
  }
  for (const entry of entries.values()) {
    entry.members = entry.members.filter((member) => member !== entry.name || !isPersonLike(entry.name));
    entry.aliases = aliasesOf(entry.name, entry.roles);
  }
  return [...entries.values()].sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
}
