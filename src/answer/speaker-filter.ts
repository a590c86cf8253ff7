import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import type { Quote } from '../quotes/types.js';

/**
 * Whose quotes a query or question means. Group labels are shared across documents ("the Senators"
 * of one letter are not those of another), so a group matched through one of its members stands for
 * that member only — their joint statements — never for every quote under the label.
 */
export interface SpeakerFilter {
  people: Set<string>;
  groups: Set<string>;
}

/** `names(entries)` says which of the given entries the query names: matchSpeaker or findSpeakersInText. */
export function speakerFilter(
  matches: readonly SpeakerEntry[],
  names: (entries: SpeakerEntry[]) => string[],
): SpeakerFilter {
  const filter: SpeakerFilter = { people: new Set(), groups: new Set() };
  for (const entry of matches) {
    if (entry.members.length === 0) {
      filter.people.add(entry.name);
    } else if (names([{ ...entry, members: [] }]).length > 0) {
      filter.groups.add(entry.name);
    } else {
      for (const member of entry.members) {
        if (names([{ name: member, roles: [], members: [], quoteCount: 0, aliases: [] }]).length > 0)
          filter.people.add(member);
      }
    }
  }
  return filter;
}

export function isEmptyFilter(filter: SpeakerFilter): boolean {
  return filter.people.size === 0 && filter.groups.size === 0;
}

/** The quote is by one of the people (alone or jointly), or by one of the groups named as such. */
export function quoteMatches(quote: Pick<Quote, 'speaker' | 'members'>, filter: SpeakerFilter): boolean {
  if (quote.speaker === null) return false;
  return (
    filter.people.has(quote.speaker) ||
    quote.members.some((member) => filter.people.has(member)) ||
    filter.groups.has(quote.speaker)
  );
}

export function filterNames(filter: SpeakerFilter): string[] {
  return [...filter.people, ...filter.groups];
}
