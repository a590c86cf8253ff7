// A name as written → the document's canonical speaker: "Meyer" and "Mr. Meyer" → "Dan Meyer" (the full
// name with that surname mentioned most recently, agreeing with Mr./Ms.), "the Journal" → "The Wall
// Street Journal", and an unknown surname stays as written ("Sen. Smith").
import { isCommonWord, isFirstName } from '../text/word-lexicon.js';
import type { Entity, EntityTable } from './entity-table.js';
import { TITLE_WORDS } from './lexicon.js';
import { honorificGender } from './mention-roles.js';
import type { NameRun } from './name-runs.js';
import { acronymOwner } from './org-names.js';
import { entitySpeaker, lastMentionBefore, type Speaker, type SpeakerKind } from './speaker.js';

const HONORIFIC_ONLY = /^(?:mr|mrs|ms|miss|mx|dr|sen|rep|gov)\.?$/i;
export const PEOPLE: ReadonlySet<SpeakerKind> = new Set(['person', 'unknown']);

/**
 * "Walt said" after "Walt Sorensen": a first name alone, once the full name is given, is that person
 * when no one else named so far shares it (no surname matched it first). The name's first word is also
 * the family name where names are written family name first ("Takeda said" after "President Takeda
 * Haruo", as Japanese, Chinese and Korean names often are in translation): of several who share it, the
 * one who has already spoken is the speaker of an attribution, as with a shared surname (firstBearer).
 */
export function firstNameOwner(
  entities: readonly Entity[],
  first: string,
  pos: number,
  speaking = false,
): Entity | null {
  const owners = entities.filter(
    (e) =>
      e.words.length >= 2 && e.words[0] === first && PEOPLE.has(e.kind) && lastMentionBefore(e, pos) >= -1,
  );
  if (owners.length === 1) return owners[0] ?? null;
  const spoke = speaking ? owners.filter((e) => e.firstSpoke !== undefined && e.firstSpoke < pos) : [];
  return spoke.length === 1 ? (spoke[0] ?? null) : null;
}

/**
 * "I.S.:" in an interview with Ingrid Solheim: a label of dotted initials stands for the one person
 * named so far whose names begin with those letters, first to last (every name, or the first and the
 * surname when a middle name is left out).
 */
export function initialsOwner(entities: readonly Entity[], letters: string, pos: number): Entity | null {
  const wanted = letters.toLowerCase();
  const owners = entities.filter((e) => {
    if (e.words.length < 2 || !PEOPLE.has(e.kind) || lastMentionBefore(e, pos) < -1) return false;
    const all = e.words.map((word) => word[0] ?? '').join('');
    const outer = `${e.words[0]?.[0] ?? ''}${e.words.at(-1)?.[0] ?? ''}`;
    return all === wanted || outer === wanted;
  });
  return owners.length === 1 ? (owners[0] ?? null) : null;
}

/**
 * "Castellan" after "Castellan Property Group": an organisation named in full is referred to again by
 * the distinctive word its name opens with, when it is the only organisation named so far that opens
 * with that word (and no person has it as a surname, which was tried first).
 */
function shortNameOwner(entities: readonly Entity[], word: string, pos: number): Entity | null {
  const owners = entities.filter(
    (e) => e.kind === 'org' && e.words.length >= 2 && e.words[0] === word && lastMentionBefore(e, pos) >= -1,
  );
  return owners.length === 1 && !isCommonWord(word) ? (owners[0] ?? null) : null;
}

/**
 * Of several people sharing the surname, the one a bare surname means: the first the text introduced
 * (news style gives the bare surname to the person the story is about and calls relatives named later
 * by their full or first names: "Lucía Ortiz … Her son, Mateo Ortiz … Ortiz taps the loaf"). People
 * are told apart by a given name the text marks as one (a person's, or a known first name), so one
 * person written two ways ("Ms MARGARET LOWE" in a record's header, "Ms LOWE") stays one, and a shop
 * called "Panadería Ortiz" is no bearer. With one such person, the spelling mentioned last is kept.
 */
function firstBearer(candidates: readonly Entity[], pos: number, speaking: boolean): Entity | undefined {
  const latest = (list: readonly Entity[]) =>
    [...list].sort((a, b) => lastMentionBefore(b, pos) - lastMentionBefore(a, pos))[0];
  const named = (e: Entity) => e.words.filter((w) => !TITLE_WORDS.has(w.replace(/\.$/, '')));
  const given = (e: Entity) => {
    const words = named(e);
    const first = words.at(-2);
    return first && (e.kind === 'person' || isFirstName(first)) ? `${first} ${words.at(-1)}` : null;
  };
  const bearers = candidates.filter((e) => lastMentionBefore(e, pos) >= -1 && given(e) !== null);
  // "The founder, Desmond Kell, retired … Adrian Kell, the chief executive, … said. ¶ Kell said …": a
  // bare surname as the speaker of an attribution goes on with the bearers the text has already given
  // words to; someone only mentioned (a founder, a late father) is not who is speaking now. As the
  // subject of what someone does ("Ortiz taps a loaf"), it is still the person the story is about.
  const spoke = speaking ? bearers.filter((e) => e.firstSpoke !== undefined && e.firstSpoke < pos) : [];
  const introduced = spoke.length > 0 && spoke.length < bearers.length ? spoke : bearers;
  const people = [...new Set(introduced.map(given))];
  if (people.length === 0) return latest(candidates);
  // The person introduced first; each spelling of that person ("Ms LOWE" is "Ms MARGARET LOWE") may
  // be the one mentioned last, and the latest is kept. Two words that are not a given name and a
  // surname ("Panadería Ortiz") are someone or something else.
  const first = introduced.sort((a, b) => (a.mentions[0] ?? 0) - (b.mentions[0] ?? 0))[0];
  const key = first ? given(first) : null;
  const spellings = candidates.filter(
    (e) => given(e) === key || (named(e).length === 1 && people.length === 1),
  );
  return latest(spellings);
}

/**
 * "E. Pryce" after "Edna Pryce": a given name cut to its initial, then the surname, is the one person
 * the document named with that surname and a given name of that initial — when there is exactly one.
 */
function initialOwner(entities: readonly Entity[], run: NameRun): Entity | undefined {
  const [initial, surname] = run.nameWords.map((w) => w.text.toLowerCase());
  if (run.nameWords.length !== 2 || !initial || !surname || !/^\p{L}\.$/u.test(initial)) return undefined;
  const owners = entities.filter(
    (e) =>
      PEOPLE.has(e.kind) &&
      e.words.length === 2 &&
      e.words[1] === surname &&
      e.words[0] !== initial &&
      e.words[0]?.startsWith(initial.charAt(0)),
  );
  return owners.length === 1 ? owners[0] : undefined;
}

export function resolveName(
  table: EntityTable,
  run: NameRun,
  pos: number,
  role: string | null,
  speaking = false,
): Speaker | null {
  const entities = table.entities;
  const last = run.nameWords[run.nameWords.length - 1]?.bare ?? '';
  // A short name the document defined ("Halvorsen") is that organisation, before any surname.
  // "the Company", capitalised as legal drafting writes the common noun it defined.
  const defined =
    table.aliases.get(run.name.toLowerCase()) ?? table.aliases.get(`the ${run.name.toLowerCase()}`);
  if (defined && run.title === null) return entitySpeaker(defined, null);
  // "DeLuca", "McKay" look like a one-word brand ("SpaceX") by their inner capital; when the document
  // has named a person with that surname and no organisation of that name, the word is the surname.
  const surnameOnly =
    run.kind === 'org' &&
    run.words.length === 1 &&
    !table.byName.has(run.name.toLowerCase()) &&
    entities.some((e) => e.words.length >= 2 && e.words.at(-1) === last && e.kind === 'person');
  // "It was for T on the roll … T looked at me": a lone capital letter is a nickname from a given name's
  // initial — the one person named so far whose given name opens with it, or no one (never "T").
  if (/^\p{Lu}$/u.test(run.name) && run.title === null) {
    const letter = run.name.toLowerCase();
    const owners = entities.filter(
      (e) =>
        e.words.length >= 2 &&
        PEOPLE.has(e.kind) &&
        e.words[0]?.[0] === letter &&
        lastMentionBefore(e, pos) >= -1,
    );
    return owners.length === 1 && owners[0] ? entitySpeaker(owners[0], null) : null;
  }
  if ((run.kind === 'publication' || run.kind === 'org') && !surnameOnly) {
    const entity =
      acronymOwner(entities, run.name) ??
      table.byName.get(run.name.toLowerCase()) ??
      entities.find((e) => e.kind === run.kind && e.words.at(-1) === last && run.words.length === 1) ??
      table.byName.get(`the ${run.name.toLowerCase()}`);
    return { name: entity?.name ?? run.name, role: null, members: [], kind: run.kind };
  }
  if (run.nameWords.length >= 2) {
    const entity = table.byName.get(run.name.toLowerCase()) ?? initialOwner(entities, run);
    const titleRole = run.title && !HONORIFIC_ONLY.test(run.title) ? run.title : null;
    return entity
      ? entitySpeaker(entity, role)
      : { name: run.name, role: role ?? titleRole, members: [], kind: 'person' };
  }
  const gender = honorificGender(run.title);
  const candidates = entities.filter(
    (e) =>
      e.words.length >= 2 &&
      e.words.at(-1) === last &&
      PEOPLE.has(e.kind) &&
      (!gender || !e.gender || e.gender === gender),
  );
  const entity =
    firstBearer(candidates, pos, speaking) ??
    entities.find(
      (e) => e.words.length === 1 && e.words[0] === last && (e.kind === 'org' || e.kind === 'publication'),
    ) ??
    entities.find((e) => e.kind === 'publication' && e.words.at(-1) === last);
  if (entity) {
    if (gender && !entity.gender) entity.gender = gender;
    return entitySpeaker(entity, role);
  }
  const shortName = run.title === null ? shortNameOwner(entities, last, pos) : null;
  if (shortName) return entitySpeaker(shortName, null);
  const byFirstName = run.title === null ? firstNameOwner(entities, last, pos, speaking) : null;
  if (byFirstName) return entitySpeaker(byFirstName, role);
  // "Management said …", "Passengers vented …": a capitalised common word that names nobody in the
  // document is a sentence-initial noun, not a surname.
  if (run.nameWords.length === 1 && run.title === null && isCommonWord(run.name)) return null;
  const honorific = run.title !== null && HONORIFIC_ONLY.test(run.title);
  const written = honorific ? `${run.title} ${run.name}` : run.name;
  return { name: written, role: role ?? (honorific ? null : run.title), members: [], kind: 'person' };
}
