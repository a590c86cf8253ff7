import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import { runNow, type Steps, stepCounter } from '../run-in-slices.js';
import { expandAbbreviation } from '../text/abbreviations.js';
import { contentTerms, stem, words } from '../text/terms.js';
import { LOWERCASE_STATE_NAME, partyOfTag, stateNames } from '../text/us-states.js';
import type { CorpusView, SearchContext } from './search-context.js';

/**
 * "the Rhode Island senator", "the senator from New Hampshire": people are described by what the
 * documents write around their names — the title before ("U.S. Senator Jack Reed") and the
 * parenthesis after ("(D-RI)"). Each quoted person gets the stems of those words; a description
 * names them when every word of it is among their stems, read through the same means as questions
 * (title abbreviations, WordNet synonyms, WordNet's other names for places and institutions).
 */

/** Words before a name that can be its title: "U.S. Senator", "Chairman of the committee". */
const TITLE_WORDS = 4;

const descriptions = new WeakMap<CorpusView, Map<string, Set<string>>>();

function descriptionsOf(context: CorpusView): Map<string, Set<string>> {
  return descriptions.get(context) ?? runNow(descriptionSteps(context));
}

/**
 * Paragraphs read between two yields: each is matched against every quoted name at once, a regular
 * expression of thousands of alternatives in a large corpus, so a step holds few of them.
 */
const STEP_PARAGRAPHS = 20;

/**
 * The descriptions as steps (run-in-slices.ts); kept for the context once built. The bot builds them
 * with each generation it serves (question-tables.ts), so no asker's first question pays for them.
 */
export function* descriptionSteps(context: CorpusView): Steps<Map<string, Set<string>>> {
  const known = descriptions.get(context);
  if (known) return known;
  const precomputed = context.index.tables?.descriptions;
  if (precomputed) {
    const table = new Map(precomputed.map(([name, stems]) => [name, new Set(stems)]));
    descriptions.set(context, table);
    return table;
  }
  const describer = createDescriber(context.speakers);
  const tick = stepCounter(STEP_PARAGRAPHS);
  for (const chunk of describer ? context.paragraphs.values() : []) {
    if (tick()) yield;
    describer?.add(chunk.text);
  }
  const table = describer?.table ?? new Map<string, Set<string>>();
  descriptions.set(context, table);
  return table;
}

export interface Describer {
  /** Reads one paragraph for what it writes around the quoted names. */
  add(text: string): void;
  /** Each quoted person → the stems of their descriptions so far, first described first. */
  table: Map<string, Set<string>>;
}

/**
 * Reads paragraphs one at a time for the descriptions of the directory's people (null when it has no
 * person to describe): the one rule, whether the paragraphs come from memory or are streamed back
 * from a database by a writer (stream-postgres-ingest.ts).
 */
export function createDescriber(speakers: readonly SpeakerEntry[]): Describer | null {
  const table = new Map<string, Set<string>>();
  const people = new Map<string, { name: string; roles: string[] }>(
    speakers
      .filter((entry) => entry.members.length === 0 && entry.name.includes(' '))
      .map((entry) => [entry.name, entry]),
  );
  // The members of a group that speaks ("the Senators": Shaheen, Reed, Warren …) are described too:
  // people sign joint statements more often than they speak alone, and each member is one of the
  // group ("the Senators" → a senator), besides what the text writes around their names.
  for (const group of speakers.filter((entry) => entry.members.length > 0)) {
    const groupWords = [group.name.replace(/\(.*$/, ''), ...group.roles];
    for (const member of group.members.filter((name) => name.includes(' '))) {
      const known = people.get(member);
      people.set(member, { name: member, roles: [...(known?.roles ?? []), ...groupWords] });
    }
  }
  if (people.size === 0) return null;
  // One pass over the paragraphs, all names at once (longest first): built once per index.
  const names = [...people.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const add = (text: string) => {
    for (const match of text.matchAll(pattern)) {
      const person = people.get(match[0]);
      if (!person) continue;
      const at = match.index ?? 0;
      const before =
        text
          .slice(Math.max(0, at - 60), at)
          .split(/[,;:–—()"“”]/)
          .at(-1) ?? '';
      const after = /^\s*\(([^)]{1,40})\)/.exec(text.slice(at + person.name.length))?.[1] ?? '';
      const stems = table.get(person.name) ?? new Set<string>(person.roles.flatMap(contentTerms));
      for (const word of [...words(before).slice(-TITLE_WORDS), ...words(after)]) {
        stems.add(stem(expandAbbreviation(word) ?? word));
        for (const part of word.split('-')) if (part) stems.add(stem(part));
      }
      // "(D-MA)": the tag's letter is the member's party — "the massachusetts democrat".
      for (const party of partyOfTag(after)) stems.add(stem(party));
      table.set(person.name, stems);
    }
  };
  return { add, table };
}

/** Words of a description that say nothing about who is meant. */
const EMPTY = new Set(['the', 'a', 'an', 'from', 'of', 'for', 'who', 'u.s', 'us']);

/**
 * The one quoted person `description` names — a speaker of their own, or a member of a group that
 * speaks — or null (none, or more than one: a guess is no answer).
 */
export function speakerByDescription(description: string, context: SearchContext): { name: string } | null {
  // "the massachusetts senator": people type places in lower case; a state's name stands for its codes
  // as the capitalised one does below.
  let text = description.replace(LOWERCASE_STATE_NAME, (name) => {
    const codes = stateNames(name).map((code) => code.replace(/\.$/, ''));
    return `(${[...(name.includes(' ') ? [] : [name]), ...codes].join('|')})`;
  });
  // A place or institution stands for its other names ("Rhode Island" → "RI", "Massachusetts" → "MA").
  for (const match of description.matchAll(/\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*/gu)) {
    // "the Rhode Island Democrat": a headline capitalises the noun after the place too.
    const whole = otherNamesOf(match[0], context);
    const name = whole.length > 0 ? match[0] : match[0].replace(/\s+\S+$/, '');
    const others = whole.length > 0 ? whole : otherNamesOf(name, context);
    if (others.length > (name.includes(' ') ? 0 : 1)) text = text.replace(name, `(${others.join('|')})`);
  }
  const groups = text
    .split(/\s+/)
    .map((token) =>
      token
        .replace(/^\(|\)$/g, '')
        .split('|')
        .map((word) => word.toLowerCase().replace(/[^\p{L}.-]/gu, ''))
        .filter((word) => word && !EMPTY.has(word)),
    )
    .filter((group) => group.length > 0);
  if (groups.length < 2) return null;
  const matches: string[] = [];
  for (const [name, stems] of descriptionsOf(context)) {
    const fits = groups.every((group) =>
      group.some((word) => {
        const own = stem(expandAbbreviation(word) ?? word);
        if (stems.has(own) || context.wordnet.synonyms(word).some((synonym) => stems.has(stem(synonym))))
          return true;
        // "D-NH", "R-Texas": a hyphenated tag fits where each of its parts does, as the documents' own
        // tag is read word by word.
        const parts = word.split('-');
        if (parts.length > 1 && parts.every((part) => part !== '' && stems.has(stem(part)))) return true;
        // A short form the documents define ("SASC") stands for its name: every word of it must fit.
        return (context.aliases.get(word) ?? []).some((name) =>
          contentTerms(name).every((part) => stems.has(part)),
        );
      }),
    );
    if (fits) matches.push(name);
  }
  if (matches.length !== 1) return null;
  return context.speakers.find((entry) => entry.name === matches[0]) ?? { name: matches[0] as string };
}

/** A place's or institution's other names: WordNet's, and a state's codes ("Rhode Island" → "RI"). */
function otherNamesOf(name: string, context: SearchContext): string[] {
  return [
    ...(name.includes(' ')
      ? context.wordnet.phraseSynonyms(name)
      : [name, ...context.wordnet.synonyms(name, 1)]),
    ...stateNames(name).map((other) => other.replace(/\.$/, '')),
  ].filter((other) => !other.includes(' '));
}
