// Matches what a user typed (`/quote meyer`, `--speaker "Sen. Reed"`, "the NASA administrator") to
// speakers in the directory. Tiers, first non-empty wins: exact name/alias/surname (groups match
// through their members), then role phrases, then small typos. Nothing → the closest names.
import damerauLevenshtein from 'damerau-levenshtein';

/** Edit distance counting a swap of two neighbouring letters ("Meyre" for "Meyer") as one typo. */
function distance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

import type { SpeakerEntry } from './speaker-directory.js';
import { bareName, surnameOf } from './speaker-names.js';

export type { SpeakerEntry } from './speaker-directory.js';

export interface SpeakerMatch {
  matches: SpeakerEntry[];
  /** The closest known names (at most 3, best first) when nothing matched. */
  suggestions: string[];
}

const STOP = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'at', 'in', 'on', 'to', 's']);

function sameName(query: string, name: string): boolean {
  const bare = bareName(name);
  if (bare === query) return true;
  const surname = surnameOf(name);
  if (surname && bareName(surname) === query) return true;
  const words = bare.split(' ');
  return words.length > 2 && `${words[0]} ${words[words.length - 1]}` === query; // "martin king"
}

function exactTier(query: string, entry: SpeakerEntry): boolean {
  if (sameName(query, entry.name) || entry.members.some((member) => sameName(query, member))) return true;
  return entry.aliases.some((alias) => bareName(alias) === query);
}

function contentWords(text: string): string[] {
  return bareName(text)
    .split(/[\s,;]+/)
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w && !STOP.has(w));
}

function roleTier(query: string, entry: SpeakerEntry): boolean {
  const wanted = contentWords(query);
  if (wanted.length === 0) return false;
  return entry.roles.some((role) => {
    const words = contentWords(role);
    return wanted.every((w) => words.includes(w));
  });
}

/** Edit distance allowed for a word of this length: none for short words, 1 from 4, 2 from 8. */
function tolerance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

function nameTokens(entry: SpeakerEntry): string[] {
  const names = [entry.name, ...entry.members];
  return names.flatMap((name) => {
    const bare = bareName(name);
    const surname = surnameOf(name);
    return surname ? [bare, bareName(surname)] : [bare];
  });
}

function typoTier(query: string, entry: SpeakerEntry): boolean {
  return nameTokens(entry).some(
    (token) => distance(query, token) <= tolerance(Math.min(query.length, token.length)),
  );
}

/** Similarity in [0, 1] between the query and the entry's closest name or surname. */
function similarity(query: string, entry: SpeakerEntry): number {
  return Math.max(
    ...nameTokens(entry).map((token) => 1 - distance(query, token) / Math.max(query.length, token.length, 1)),
  );
}

export function matchSpeaker(query: string, directory: readonly SpeakerEntry[]): SpeakerMatch {
  const wanted = bareName(query);
  if (!wanted) return { matches: [], suggestions: [] };
  for (const tier of [exactTier, roleTier, typoTier]) {
    const matches = directory.filter((entry) => tier(wanted, entry));
    if (matches.length > 0) return { matches, suggestions: [] };
  }
  const suggestions = directory
    .map((entry) => ({ name: entry.name, score: similarity(wanted, entry) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((s) => s.name);
  return { matches: [], suggestions };
}
