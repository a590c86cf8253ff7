// The directory of everyone quoted in the corpus, with the ways people refer to them: surname,
// "Mr./Ms. Surname", titles with the surname, and role phrases ("the NASA administrator",
// "Musk's biographer"). Used by `/quote Meyer`, the CLI and retrieval to resolve names in questions.

import { runNow, type Steps, stepCounter } from '../run-in-slices.js';
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
  /** The documents this person is quoted in (when the quotes said which). */
  documents?: string[];
  /**
   * Says which one this is when another entry shares the name or surname: the role the documents give
   * ("mayor of Port Avery"), else the document; null when the name alone is clear.
   */
  description?: string | null;
}

/** A quote with the document it came from, so one name in two documents can be told apart. */
export type DirectoryQuote = Quote & { doc?: string };

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

const ROLE_STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'at',
  'in',
  'and',
  'on',
  'to',
  'with',
  'former',
  'new',
]);

function roleWords(roles: readonly string[]): Set<string> {
  return new Set(
    roles.flatMap((role) =>
      role
        .toLowerCase()
        .split(/[^\p{L}\p{N}'’.-]+/u)
        .filter((w) => w && !ROLE_STOP.has(w)),
    ),
  );
}

/**
 * One name in two documents is one person only when nothing contradicts it: their roles share a word
 * ("mayor" and "mayor of Port Avery"), or one document gives no role. A mayor and a chess coach who
 * share a name are two people, and merging them would credit one with the other's words.
 */
function samePerson(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const words = roleWords(a);
  return [...roleWords(b)].some((w) => words.has(w));
}

interface Appearance {
  name: string;
  doc: string | undefined;
  quotes: DirectoryQuote[];
  roles: string[];
}

/** Quotes (or appearances, entries) handled between two yields: a few milliseconds of work. */
const STEP_ITEMS = 500;

/** The quotes grouped by speaker and document, in first-seen order. */
function* appearances(quotes: readonly DirectoryQuote[]): Steps<Appearance[]> {
  const byKey = new Map<string, Appearance>();
  const tick = stepCounter(STEP_ITEMS);
  for (const quote of quotes) {
    if (tick()) yield;
    if (!quote.speaker) continue;
    const key = `${quote.speaker}\u0000${quote.doc ?? ''}`;
    let appearance = byKey.get(key);
    if (!appearance) {
      appearance = { name: quote.speaker, doc: quote.doc, quotes: [], roles: [] };
      byKey.set(key, appearance);
    }
    appearance.quotes.push(quote);
    if (quote.role && !appearance.roles.includes(quote.role)) appearance.roles.push(quote.role);
  }
  return [...byKey.values()];
}

/** People, not strings: each entry gathers the appearances of one name that can be one person. */
function* people(quotes: readonly DirectoryQuote[]): Steps<SpeakerEntry[]> {
  const entries: SpeakerEntry[] = [];
  const byName = new Map<string, SpeakerEntry[]>();
  const tick = stepCounter(STEP_ITEMS);
  for (const appearance of yield* appearances(quotes)) {
    if (tick()) yield;
    const sameName = byName.get(appearance.name) ?? [];
    let entry = sameName.find((e) => samePerson(e.roles, appearance.roles));
    if (!entry) {
      entry = { name: appearance.name, roles: [], members: [], quoteCount: 0, aliases: [], documents: [] };
      entries.push(entry);
      byName.set(appearance.name, [...sameName, entry]);
    }
    entry.quoteCount += appearance.quotes.length;
    for (const role of appearance.roles) if (!entry.roles.includes(role)) entry.roles.push(role);
    if (appearance.doc && !entry.documents?.includes(appearance.doc)) entry.documents?.push(appearance.doc);
    // Members belong to group labels; a list speaker named by its first member keeps them too.
    for (const quote of appearance.quotes)
      for (const member of quote.members) if (!entry.members.includes(member)) entry.members.push(member);
  }
  return entries;
}

/** Entries that share a name or a surname get a description saying which is which. */
function describe(entries: SpeakerEntry[]): void {
  const keyOf = (entry: SpeakerEntry) => (surnameOf(entry.name) ?? entry.name).toLowerCase();
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(keyOf(entry), (counts.get(keyOf(entry)) ?? 0) + 1);
  for (const entry of entries) {
    const shared = (counts.get(keyOf(entry)) ?? 0) > 1;
    const where = entry.documents?.length ? `in ${entry.documents.join(', ')}` : null;
    entry.description = shared ? (entry.roles[0] ?? where) : null;
  }
}

export function buildSpeakerDirectory(quotes: readonly DirectoryQuote[]): SpeakerEntry[] {
  return runNow(speakerDirectorySteps(quotes));
}

/** buildSpeakerDirectory as steps (run-in-slices.ts): the bot builds it for a new generation in slices. */
export function* speakerDirectorySteps(quotes: readonly DirectoryQuote[]): Steps<SpeakerEntry[]> {
  const entries = yield* people(quotes);
  const tick = stepCounter(STEP_ITEMS);
  for (const entry of entries) {
    if (tick()) yield;
    entry.members = entry.members.filter((member) => member !== entry.name || !isPersonLike(entry.name));
    entry.aliases = aliasesOf(entry.name, entry.roles);
  }
  yield;
  describe(entries);
  yield;
  return entries.sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
}

/** "John Smith (mayor of Port Avery)" when the name alone does not say which one. */
export function describedName(entry: Pick<SpeakerEntry, 'name' | 'description'>): string {
  return entry.description ? `${entry.name} (${entry.description})` : entry.name;
}
