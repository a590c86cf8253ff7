// Reads the noun phrase that names a speaker: a pronoun, a (titled) name, a list of names, or a common
// noun phrase whose head is a known person/group/organisation noun ("the lawmakers", "the city's finance
// office", "a spokesperson for SpaceX", "its statement"). Anything else is not a speaker, which is what
// keeps "the situation has …" or "the report said …" from being attributed.
import { isClauseWord } from '../text/word-lexicon.js';
import { isKinNoun } from './kinship.js';
import { TIME_WORDS } from './lexicon.js';
import { type NameRun, readNameRun } from './name-runs.js';
import {
  GENERIC_PUBLICATION_NOUNS,
  GROUP_NOUNS,
  isRoleNoun,
  MANAGEMENT_HEADS,
  ORG_NOUNS,
  ROLE_NOUNS,
  SPOKES_NOUNS,
  STATEMENT_NOUNS,
} from './noun-lexicon.js';
import { type NounPhrase, type NounPhraseKind, phrase, STOP_WORDS, skipSpaces } from './noun-phrase-shape.js';
import { readWord, type Word } from './read-word.js';
import { readLowercaseLed, readLowercaseTitle } from './role-led-names.js';
import { cachedByPosition } from './text-cache.js';

export type { NounPhrase } from './noun-phrase-shape.js';

const OWNER_PREPOSITIONS = new Set(['for', 'with', 'from', 'at', 'of', 'by']);

/**
 * Groups that publish in their employer's name: "analysts at Barrow & Finch wrote in a note", "economists
 * at the bank said". A research desk's note is the firm's research (as a spokesman's words are the
 * organisation's), so the group at a named organisation speaks for it, like "officials at the agency".
 * Other groups at an organisation ("nurses at the hospital") speak for themselves.
 */
const DESK_GROUPS = new Set(['analysts', 'economists', 'strategists']);

/** Lowercase-ish words of a common noun phrase (modifiers + head), stopping at verbs and function words. */
function readCommonWords(text: string, pos: number): Word[] {
  const words: Word[] = [];
  let p = pos;
  while (words.length < 6) {
    const word = readWord(text, p);
    if (!word || STOP_WORDS.has(word.bare) || TIME_WORDS.has(word.bare)) break;
    words.push(word);
    // "a residents’ group": a plural possessive modifier ends in its apostrophe, and the phrase goes on.
    const apostrophe = word.possessive && /['’]/.test(text[word.end] ?? '') ? 1 : 0;
    if (text[word.end + apostrophe] !== ' ') break;
    p = word.end + apostrophe + 1;
  }
  // The head is the last word that is a known noun; modifiers before it ("city's finance office").
  while (words.length > 0 && !isHeadWord(words[words.length - 1])) words.pop();
  return words;
}

/**
 * A person noun known by its form ("longshoreman", "novelist") is a head only in lower case: with a
 * capital it is a surname ("the critic Hal Brennerman"), which the form says nothing about.
 */
function isHeadWord(word: Word | undefined): boolean {
  if (!word) return false;
  const bare = headWord(word.bare);
  return word.capital ? isHead(bare, ROLE_NOUNS.has(bare)) : isHead(bare);
}

function isHead(bare: string, role = isRoleNoun(bare)): boolean {
  return (
    role ||
    isKinNoun(bare) ||
    [GROUP_NOUNS, ORG_NOUNS, STATEMENT_NOUNS, SPOKES_NOUNS, GENERIC_PUBLICATION_NOUNS].some((set) =>
      set.has(bare),
    )
  );
}

/**
 * The noun a hyphenated compound is a kind of: English compounds are right-headed, so a "co-founder"
 * is a founder and a "vice-chairman" a chairman.
 */
function headWord(bare: string): string {
  if (isHead(bare) || !bare.includes('-')) return bare;
  return bare.slice(bare.lastIndexOf('-') + 1);
}

function headKind(head: string): NounPhraseKind {
  // "her husband", "Ortiz’s son": a relative is someone's, resolved through the relations the text stated.
  if (SPOKES_NOUNS.has(head) || STATEMENT_NOUNS.has(head) || isKinNoun(head)) return 'owned';
  if (GROUP_NOUNS.has(head)) return 'group';
  if (GENERIC_PUBLICATION_NOUNS.has(head)) return 'publication';
  if (isRoleNoun(head)) return 'role';
  return 'org';
}

const POSSESSIVE_DETS = new Set(['its', 'their', 'his', 'her']);

/** `<det> <modifiers> <head>` with an optional owner: "for X", "from X", or a possessive modifier. */
function readCommonPhrase(
  text: string,
  start: number,
  bodyStart: number,
  det: string | null,
  modifier?: NounPhrase,
): NounPhrase | null {
  const last = readCommonWords(text, bodyStart).pop();
  if (!last) return null;
  const head = headWord(last.bare);
  const kind = headKind(head);
  const extra: Partial<NounPhrase> = { head, definite: det === 'the' };
  if (kind === 'owned' || head === 'official' || head === 'officials' || DESK_GROUPS.has(head)) {
    const prep = text[last.end] === ' ' ? readWord(text, last.end + 1) : null;
    if (prep && OWNER_PREPOSITIONS.has(prep.bare) && text[prep.end] === ' ') {
      const owner = readNounPhrase(text, prep.end + 1);
      if (owner && owner.kind !== 'pronoun')
        return phrase(text, 'owned', start, owner.end, { ...extra, owner });
      const unnamed = isKinNoun(head) ? unnamedOwnerEnd(text, prep.end + 1) : null;
      if (unnamed !== null) return phrase(text, 'owned', start, unnamed, { ...extra, unnamedOwner: true });
    }
    if (modifier) return phrase(text, 'owned', start, last.end, { ...extra, owner: modifier });
    const possessor = possessiveModifier(text, start, bodyStart, det);
    if (possessor) return phrase(text, 'owned', start, last.end, { ...extra, owner: possessor });
    if (det && POSSESSIVE_DETS.has(det))
      return phrase(text, 'owned', start, last.end, { ...extra, ownerPronoun: det });
    if (SPOKES_NOUNS.has(head)) return spokesOfModifier(text, start, bodyStart, last, extra);
    return phrase(text, kind, start, last.end, extra); // "the statement": its owner is resolved later
  }
  // "people familiar with the matter", "a person briefed on the talks": how news describes an unnamed
  // source. The description is part of who they are, and keeps the verb reachable after it.
  const described =
    kind === 'group' || kind === 'role' ? SOURCE_DESCRIPTION.exec(text.slice(last.end, last.end + 80)) : null;
  return phrase(text, kind, start, last.end + (described?.[0].length ?? 0), extra);
}

/**
 * "A hospital spokesman", "a union representative": the organisation noun before the head says whom
 * the spokesperson speaks for (the hospital the document named). A bare "a spokesperson" speaks for
 * the organisation just named, if any, and "the spokesman" is the person the document gave that role.
 */
/**
 * "the center’s survey", "the agency’s statement": a possessive organisation noun among the modifiers
 * owns the document, and is resolved like "the center" would be.
 */
function possessiveModifier(
  text: string,
  start: number,
  bodyStart: number,
  det: string | null,
): NounPhrase | null {
  const words = readCommonWords(text, bodyStart).slice(0, -1);
  const owner = words.find((w) => /['’]s$/.test(w.text));
  const head = owner?.text.slice(0, -2).toLowerCase() ?? '';
  if (!owner || !ORG_NOUNS.has(head)) return null;
  return phrase(text, 'org', start, owner.end - 2, { head, definite: det === 'the' });
}

function spokesOfModifier(
  text: string,
  start: number,
  bodyStart: number,
  last: Word,
  extra: Partial<NounPhrase>,
): NounPhrase | null {
  const modifiers = readCommonWords(text, bodyStart).slice(0, -1);
  const org = modifiers.at(-1);
  if (org && ORG_NOUNS.has(org.bare)) {
    const owner = phrase(text, 'org', org.start, org.end, { head: org.bare, definite: true });
    return phrase(text, 'owned', start, last.end, { ...extra, owner });
  }
  // Definite or not, the spokesperson is resolved as a role: "the spokesman" the document gave that
  // role, "a spokesman" the organisation just named (speaker-resolver.ts says when there is one).
  return phrase(text, 'role', start, last.end, extra);
}

/** "analysts at Barrow & Finch": a research desk at a named organisation, owned by it (see DESK_GROUPS). */
function deskGroup(text: string, start: number, end: number, head: string): NounPhrase | null {
  if (!DESK_GROUPS.has(head)) return null;
  const prep = /^ (?:at|with|from) /.exec(text.slice(end, end + 6));
  const owner = prep ? readNounPhrase(text, end + prep[0].length) : null;
  // A firm's name need not carry an organisation word ("Barrow & Finch"); a person's name is no employer.
  const named = owner?.kind === 'org' || owner?.kind === 'publication' || owner?.kind === 'name';
  if (!owner?.run || !named || owner.run.kind === 'person') return null;
  // The employer of a desk is an organisation, whatever its name looks like.
  const org = { ...owner, kind: 'org' as const, run: { ...owner.run, kind: 'org' as const } };
  return phrase(text, 'owned', start, owner.end, { head, definite: false, owner: org });
}

const SOURCE_DESCRIPTION =
  /^\s+(?:familiar\s+with|briefed\s+on|close\s+to|with\s+(?:direct\s+)?knowledge\s+of)\s+(?:the|a|an|his|her|their|its)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:matter|matters|plans?|talks|discussions|negotiations|deliberations|investigation|case|decision|situation|process|thinking|deal|review)\b/u;

function readList(text: string, first: NameRun): NameRun[] {
  const runs = [first];
  let p = first.end;
  for (;;) {
    const tag = /^\s*\([^()]{1,40}\)/.exec(text.slice(p));
    if (tag) p += tag[0].length;
    const joint = /^(?:,\s+and\s+|\s+and\s+|,\s+|\s+&\s+)/.exec(text.slice(p));
    if (!joint) break;
    const next = readNameRun(text, p + joint[0].length);
    if (!next || next.possessive || next.kind === 'org' || next.kind === 'publication') break;
    runs.push(next);
    p = next.end;
    if (/\band\b|&/.test(joint[0])) break;
  }
  return runs.length >= 2 && /\band\b|&/.test(text.slice(first.end, runs[runs.length - 1]?.start))
    ? runs
    : [first];
}

/**
 * "the coach, Tom Brady", "the novelist Hal Brennerman": a role followed by the person's name in
 * apposition names that person — set off by a comma, or in close apposition with none (English puts
 * a full name straight after a definite role noun only to say who holds it).
 */
function namedAfterRole(text: string, role: NounPhrase): NounPhrase | null {
  const comma = /^(?:,\s+| (?=\p{Lu}))/u.exec(text.slice(role.end));
  if (!comma) return null;
  const run = readNameRun(text, role.end + comma[0].length);
  if (!run || run.possessive || run.kind === 'org' || run.kind === 'publication' || run.words.length < 2)
    return null;
  return phrase(text, 'name', role.start, run.end, {
    run,
    role: role.text.replace(/^(?:the|a|an|another)\s+/i, ''),
  });
}

/**
 * "One traveler, Kayla Mendes, posted …", "a nurse, Jane Roe, said": a short description set off by
 * commas before a full name is that person, whatever the noun (the closing comma shows the apposition).
 */
function describedName(text: string, start: number, body: number): NounPhrase | null {
  const description = /^((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+),\s+/u.exec(text.slice(body, body + 60));
  if (!description) return null;
  const run = readNameRun(text, body + description[0].length);
  if (!run || run.possessive || run.kind === 'org' || run.kind === 'publication' || run.nameWords.length < 2)
    return null;
  if (text[run.end] !== ',') return null;
  return phrase(text, 'name', start, run.end, { run, role: description[1] });
}

/**
 * The speaker noun phrase starting at `pos` (after spaces), or null when what is there is not a speaker.
 * `sentenceInitial` lets a capitalised function word ("The", "However") be skipped.
 */
/** Each finder reads its subjects again: phrases are kept by position (text-cache.ts); callers get a copy. */
const cachedPhrase = cachedByPosition((text, key) => scanNounPhrase(text, key >> 1, (key & 1) === 1));

export function readNounPhrase(text: string, pos: number, sentenceInitial = false): NounPhrase | null {
  const np = cachedPhrase(text, pos * 2 + (sentenceInitial ? 1 : 0));
  return np ? { ...np } : null;
}

function scanNounPhrase(text: string, pos: number, sentenceInitial: boolean): NounPhrase | null {
  const start = skipSpaces(text, pos);
  const rest = text.slice(start, start + 40);
  const pronoun = /^(he|she|they|it|we)\b(?!['’\u2019-])/i.exec(rest);
  if (pronoun?.[1]) return phrase(text, 'pronoun', start, start + pronoun[1].length);
  // "Some economists warn", "Many residents say": a quantifier before a plural group noun keeps the
  // group unnamed and indefinite, and is part of how the text describes it.
  const quantified = QUANTIFIER.exec(rest);
  if (quantified) {
    const group = scanNounPhrase(text, start + quantified[0].length, true);
    if (group?.kind === 'group' && !group.definite) {
      // "Some officials at City Hall": where they are is part of the description, not a speaker.
      const end = group.end + (GROUP_PLACE.exec(text.slice(group.end, group.end + 60))?.[0].length ?? 0);
      return { ...group, start, end, text: text.slice(start, end) };
    }
  }
  // "Another analyst, Tom Rasmussen, …": "another" is an indefinite article too.
  const det = /^(the|a|an|another|its|their|his|her|our|one)\s+/i.exec(rest);
  if (det?.[1]) {
    const body = start + det[0].length;
    const detWord = det[1].toLowerCase();
    const ranked = detWord === 'the' ? seniorityName(text, start, body) : null;
    if (ranked) return ranked;
    const run = readNameRun(text, body);
    if (run) {
      const runPhrase = phrase(
        text,
        run.kind === 'publication' ? 'publication' : run.kind === 'org' ? 'org' : 'name',
        start,
        run.end,
        { run, definite: detWord === 'the' },
      );
      if (text[run.end] === ' ' || run.possessive) {
        const after = run.possessive
          ? run.end + (text[run.end] === "'" || text[run.end] === '’' ? 1 : 0)
          : run.end;
        const common = readCommonPhrase(text, start, skipSpaces(text, after), detWord, runPhrase);
        if (common) return common;
      }
      if (run.words.length === 1 && GROUP_NOUNS.has(run.words[0]?.bare ?? '')) {
        return phrase(text, 'group', start, run.end, {
          head: run.words[0]?.bare,
          definite: detWord === 'the',
        });
      }
      if (run.possessive) return null;
      return runPhrase;
    }
    const modified = modifiedOrgName(text, start, body, detWord);
    if (modified) return modified;
    const common = readCommonPhrase(text, start, body, detWord);
    if (common?.kind === 'role') return namedAfterRole(text, common) ?? common;
    // "His wife, Grace Mbeki, …": the relative named in apposition speaks under her name.
    if (common?.kind === 'owned' && isKinNoun(common.head ?? '')) {
      const named = namedAfterRole(text, common);
      if (named) {
        const { role: _role, ...unroled } = named;
        return unroled;
      }
    }
    // "the utility Gulf Coast Electric", "the company SpaceX": the name after the common noun is the
    // organisation's own.
    const named =
      common?.kind === 'org' && text[common.end] === ' ' ? readNameRun(text, common.end + 1) : null;
    if (named && !named.possessive && named.kind !== 'person' && named.kind !== 'publication')
      return phrase(text, 'org', named.start, named.end, { run: { ...named, kind: 'org' } });
    return common ?? describedName(text, start, body);
  }
  const run = readNameRun(text, start, sentenceInitial);
  if (run) {
    const single = run.words.length === 1 ? (run.words[0]?.bare ?? '') : '';
    // "Management says …": a bare mass noun for the employer's leadership, capitalised only by the
    // sentence, not a name.
    if (MANAGEMENT_HEADS.has(single))
      return phrase(text, 'org', run.start, run.end, { head: single, definite: true });
    if (GROUP_NOUNS.has(single)) {
      const desk = deskGroup(text, run.start, run.end, single);
      if (desk) return desk;
      const described = SOURCE_DESCRIPTION.exec(text.slice(run.end, run.end + 80))?.[0].length ?? 0;
      return phrase(text, 'group', run.start, run.end + described, { head: single, definite: false });
    }
    const kind = run.kind === 'publication' ? 'publication' : run.kind === 'org' ? 'org' : 'name';
    const runPhrase = phrase(text, kind, run.start, run.end, { run });
    if (run.possessive) {
      const after = skipSpaces(text, run.end + (/['’]/.test(text[run.end] ?? '') ? 1 : 0));
      // "Chile's National Mining Safety Service": a place owning an organisation's proper name only
      // says where it is; the organisation speaks under its own name.
      const owned = readNameRun(text, after);
      if (owned && (owned.kind === 'org' || owned.kind === 'publication') && owned.words.length >= 2)
        return phrase(text, owned.kind, owned.start, owned.end, { run: owned });
      const common = readCommonPhrase(text, run.start, after, null, runPhrase);
      // "Kessington's transit director, Marcus Oyelaran": the person named after the role speaks.
      return common && (common.kind === 'role' || common.kind === 'owned')
        ? (namedAfterRole(text, common) ?? common)
        : common;
    }
    const titled = readLowercaseTitle(text, run);
    if (titled) return titled;
    if (kind === 'name') {
      const runs = readList(text, run);
      if (runs.length >= 2)
        return phrase(text, 'list', run.start, runs[runs.length - 1]?.end ?? run.end, { run, runs });
    }
    return runPhrase;
  }
  const led = readLowercaseLed(text, start);
  if (led?.kind === 'group' && led.head) return deskGroup(text, led.start, led.end, led.head) ?? led;
  return readParticleName(text, start) ?? led;
}

/**
 * "the federal Pipeline and Hazardous Materials Safety Administration", "the nonprofit Tri-County
 * Housing Center": lowercase words between the article and an organisation's proper name describe it
 * (a modifier is no head noun), and the organisation speaks under its name.
 */
function modifiedOrgName(text: string, start: number, body: number, det: string): NounPhrase | null {
  let p = body;
  for (let k = 0; k < 2; k++) {
    const word = readWord(text, p);
    if (!word || word.capital || STOP_WORDS.has(word.bare) || text[word.end] !== ' ') return null;
    p = word.end + 1;
    const run = /\p{Lu}/u.test(text[p] ?? '') ? readNameRun(text, p) : null;
    if (!run && isHead(word.bare)) return null;
    const org = run && run.kind === 'org' && run.words.length >= 2 ? run : null;
    // "the state Office of Early Learning", "the state Supreme Court": a noun that could head a phrase
    // ("the state said") is a modifier when an organisation's proper name follows it at once.
    if (isHead(word.bare) && !org) return null;
    if (org && !org.possessive) return phrase(text, 'org', org.start, org.end, { run: org });
    // "the state Office of Early Learning's annual survey": what the organisation owns, as with no modifier.
    if (org) {
      const owner = phrase(text, 'org', org.start, org.end, { run: org });
      const after = org.end + (text[org.end] === "'" || text[org.end] === '’' ? 1 : 0);
      return readCommonPhrase(text, start, skipSpaces(text, after), det, owner);
    }
  }
  return null;
}

const SENIORITY = /^(?:(elder|older|eldest|oldest)|younger|youngest)\s+/;

/**
 * "the elder Halloran", "the younger Bush": news tells relatives who share a surname apart by age, so
 * the adjective picks one of the people with that surname (resolved against the ages the text gives).
 */
function seniorityName(text: string, start: number, body: number): NounPhrase | null {
  const adjective = SENIORITY.exec(text.slice(body, body + 12));
  if (!adjective) return null;
  const run = readNameRun(text, body + adjective[0].length);
  if (
    !run ||
    run.possessive ||
    run.nameWords.length !== 1 ||
    run.kind === 'org' ||
    run.kind === 'publication'
  )
    return null;
  const seniority = adjective[1] ? 'older' : 'younger';
  return phrase(text, 'name', start, run.end, { run, seniority });
}

/** Lowercase particles that open a surname used alone: "de Ruiter said", "van der Berg told". */
const SURNAME_PARTICLE = /^(?:(?:de|da|van|von|der|den|del|della|di|du|le|la|ter|ten)\s+)+(?=\p{Lu})/u;

/**
 * "de Ruiter" for "Femke de Ruiter": the surname keeps its particle as written, and is resolved by its
 * last word like any surname.
 */
function readParticleName(text: string, start: number): NounPhrase | null {
  const particle = SURNAME_PARTICLE.exec(text.slice(start, start + 24));
  if (!particle) return null;
  const run = readNameRun(text, start + particle[0].length);
  if (run?.kind !== 'unknown' || run.words.length !== 1 || run.possessive) return null;
  const named = { ...run, start, name: text.slice(start, run.end) };
  return phrase(text, 'name', start, run.end, { run: named });
}

/** Quantifiers English puts before a plural noun for an unnamed share of a group. */
const QUANTIFIER = /^(?:some|many|several|most|other|few|a\s+few|numerous)\s+(?=\p{L})/iu;

const GROUP_PLACE = /^\s+(?:at|in|from|of)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}/u;

/** "one of", "two of": a share of a group the text describes. */
const PARTITIVE = /^(?:one|some|two|three|several|each|both|either|neither)\s+of\s+/;
const DETERMINER = /^(?:the|a|an|his|her|their|its)\s+/;
/** The most words a description of an unnamed person runs to after its determiner. */
const MAX_DESCRIPTION_WORDS = 4;

/**
 * "the mother of one of the hospitalized players", "the father of an injured boy": where a kin noun's
 * owner ends when it is a common noun phrase rather than a name — a determiner (after "one of"), then
 * lowercase words up to a comma, a finite verb or the phrase's length. Null when no such phrase starts there.
 */
function unnamedOwnerEnd(text: string, at: number): number | null {
  let p = at + (PARTITIVE.exec(text.slice(at))?.[0].length ?? 0);
  const det = DETERMINER.exec(text.slice(p));
  if (!det) return null;
  p += det[0].length;
  let end: number | null = null;
  for (let words = 0; words < MAX_DESCRIPTION_WORDS; words++) {
    const word = readWord(text, p);
    if (!word || word.capital || STOP_WORDS.has(word.bare) || isClauseWord(word.text)) break;
    end = word.end;
    if (text[word.end] !== ' ') break;
    p = word.end + 1;
  }
  return end;
}
