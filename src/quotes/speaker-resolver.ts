// Turns a speaker mention into a canonical speaker using the entity table and what the document has said
// so far: surnames and title + surname to the full name mentioned earlier, he/she to the most recent
// speaker (or person subject in the same paragraph) of agreeing gender, they/it to groups/organisations,
// "the lawmakers" to the people last named together, "its statement" to the organisation.

import { expandAbbreviation } from '../text/abbreviations.js';
import type { Entity, EntityTable, Gender } from './entity-table.js';
import { inverseKin, isKinNoun, kinGender, kinRelation } from './kinship.js';
import type { NameRun } from './name-runs.js';
import {
  COURT_HEADS,
  GENERIC_ORG_HEADS,
  GENERIC_PUBLIC_HEADS,
  ISSUED_NOUNS,
  LABOUR_BODY,
  LABOUR_HEADS,
  MANAGEMENT_HEADS,
  NOT_A_COMPANY,
  PUBLIC_BODY,
  SPOKES_NOUNS,
  TITLE_ABBREVIATIONS,
} from './noun-lexicon.js';
import type { NounPhrase } from './noun-phrase.js';
import { acronymOwner, orgHead } from './org-names.js';
import { firstNameOwner, initialsOwner, PEOPLE, resolveName } from './resolve-name.js';
import { entitySpeaker, lastMentionBefore, type Speaker } from './speaker.js';

export type { Speaker } from './speaker.js';

/** Documents that report findings for their author (and are referred back to as "the survey"). */
const DOCUMENTS = new Set(['survey', 'poll', 'study', 'report']);
const documentKind = (head: string) => (head === 'poll' ? 'survey' : head);
/** Documents of research, whose writers are "the researchers" or "the authors". */
const RESEARCH_DOCUMENTS = ['study', 'report', 'survey', 'analysis', 'paper'];
/** Plural heads for the people who wrote a study. */
const STUDY_AUTHORS = new Set(['researchers', 'authors', 'scientists']);

/** Characters back to an organisation "just named": about the sentence before. */
const JUST_NAMED = 240;

export interface ResolveContext {
  /** Absolute offset of the mention. */
  pos: number;
  paragraph: number;
  /** The subject of the sentence being read, for "its"/"their". */
  subject?: Speaker | null;
  /** That subject when it opens the sentence (the main clause's, not one after "If …"). */
  opening?: Speaker | null;
  /** The mention is the speaker of an attribution ("Kell said"), not a sentence's subject or an object. */
  speaking?: boolean;
  /**
   * Who the verb's object is ("he told Owen"): a pronoun never means its own clause's object, which
   * English would write as a reflexive ("told himself").
   */
  object?: string | null;
  /** Where the mention's paragraph begins (absolute offset), for who that paragraph brings in. */
  paragraphStart?: number;
}

interface Noted {
  speaker: Speaker;
  pos: number;
  paragraph: number;
  /** The subject of a subordinate clause ("If Musk has become …, …"), less prominent than a main one. */
  subordinate?: boolean;
}

/** Notes arrive in reading order, so keeping them sorted by position is nearly always an append. */
function insertByPosition(notes: Noted[], note: Noted): void {
  let i = notes.length;
  while (i > 0 && (notes[i - 1] as Noted).pos > note.pos) i--;
  notes.splice(i, 0, note);
}

/**
 * How many notes back a pronoun or a common noun may look for its referent. News articles note a few
 * dozen speakers; a referent hundreds of attributions back is no evidence at all, and the bound keeps
 * resolution linear in a very long document.
 */
const LOOKBACK_NOTES = 400;

/** The latest accepted note before `pos` (optionally only in `paragraph`), from notes sorted by position. */
function latestBefore(
  notes: readonly Noted[],
  pos: number,
  accept: (s: Speaker) => boolean,
  paragraph?: number,
): Noted | undefined {
  let i = notes.length - 1;
  while (i >= 0 && (notes[i] as Noted).pos >= pos) i--;
  for (const stop = Math.max(0, i - LOOKBACK_NOTES); i >= stop; i--) {
    const note = notes[i] as Noted;
    if (paragraph !== undefined && note.paragraph !== paragraph) continue;
    if (accept(note.speaker)) return note;
  }
  return undefined;
}

/** "a senior official", "a senior official at the commission": an unnamed source, by the writer's description. */
function unnamedPerson(np: NounPhrase): Speaker {
  // "one council aide" is "a council aide": the number only says the writer heard one of several.
  const text = np.text.replace(/^(?:one|another)\s+(?=(\p{L}))/iu, (_, next: string) =>
    /^[aeiou]/i.test(next) ? 'an ' : 'a ',
  );
  const name = text.charAt(0).toLowerCase() + text.slice(1);
  return { name, role: null, members: [], kind: 'person', unnamed: true };
}

export class SpeakerResolver {
  private readonly speakers: Noted[] = [];
  private readonly subjects: Noted[] = [];
  /** Who reported questions were put to ("asked Whitfield whether …"), with who asked, by position. */
  private readonly addressees: Array<Noted & { asker: Speaker }> = [];

  /** Who wrote the study, survey, poll or report the text last cited, by kind: "the survey" refers back. */
  private readonly documents = new Map<string, Speaker>();

  /**
   * Whose words are being read (a transcript turn's speaker), while they are: a speaker calls
   * themselves "I", so "he" or "she" in their own words means someone else.
   */
  private voice: string | null = null;

  constructor(private readonly table: EntityTable) {}

  /** Runs `read` over words `speaker` says (their "he"/"she" is not themselves). */
  inVoiceOf<T>(speaker: Speaker, read: () => T): T {
    const before = this.voice;
    this.voice = speaker.name;
    try {
      return read();
    } finally {
      this.voice = before;
    }
  }

  /** `head` is the document's noun; a survey and a poll are the same kind of document. */
  noteDocument(head: string, author: Speaker): void {
    this.documents.set(documentKind(head), author);
  }

  noteSpeaker(speaker: Speaker, pos: number, paragraph: number): void {
    insertByPosition(this.speakers, { speaker, pos, paragraph });
    const entity = this.entityOf(speaker);
    if (entity && (entity.firstSpoke === undefined || pos < entity.firstSpoke)) entity.firstSpoke = pos;
  }

  /** "Amadi asked Whitfield whether …": `addressee` was asked by `asker` at `pos`. */
  noteAddressee(addressee: string, asker: Speaker, pos: number, paragraph: number): void {
    const entity = this.table.byName.get(addressee.toLowerCase());
    if (entity && PEOPLE.has(entity.kind))
      this.addressees.push({ speaker: entitySpeaker(entity, null), asker, pos, paragraph });
  }

  noteSubject(speaker: Speaker, pos: number, paragraph: number, subordinate = false): void {
    insertByPosition(this.subjects, { speaker, pos, paragraph, subordinate });
  }

  private entityOf(speaker: Speaker): Entity | undefined {
    const entity = this.table.byName.get(speaker.name.toLowerCase());
    return entity?.name === speaker.name ? entity : undefined;
  }

  /** Gender evidence from the text ("Reese said she would …"), for later he/she. */
  noteGender(speaker: Speaker, gender: 'm' | 'f'): void {
    const entity = this.entityOf(speaker);
    if (entity && !entity.gender) entity.gender = gender;
  }

  /** Records a role written at a mention, for this speaker and later mentions of the same person. */
  rememberRole(speaker: Speaker, role: string): void {
    speaker.role = role;
    const entity = this.entityOf(speaker);
    if (entity && !entity.roles.includes(role)) entity.roles.unshift(role);
  }

  /**
   * The one person of this gender the document has named before `pos`, other than `except`; null when
   * there is none or more than one (then a pronoun could mean either).
   */
  onlyPerson(gender: 'm' | 'f', pos: number, except: Pick<Speaker, 'name'> | null): Speaker | null {
    const candidates = this.table.entities.filter(
      (e) =>
        PEOPLE.has(e.kind) &&
        e.words.length >= 2 &&
        e.gender === gender &&
        e.name !== except?.name &&
        lastMentionBefore(e, pos) >= 0,
    );
    return candidates.length === 1 && candidates[0] ? entitySpeaker(candidates[0], null) : null;
  }

  /**
   * The one person the document has named before `pos` at all, when nobody's gender is known ("hosted by
   * its general manager, Kiran Solberg. … she wrote"): with no other person in the text, "he" or "she"
   * can mean no one else — a name whose gender the lexicon does not know is still a person's.
   */
  private onlyNamedPerson(pos: number, except: Pick<Speaker, 'name'> | null): Speaker | null {
    // A lone capitalised word of unknown kind ("Threadline") is no rival — it may be no person at all —
    // but a handle is someone's account.
    const couldBe = (e: Entity) =>
      e.kind === 'person' || (e.kind === 'unknown' && (e.words.length >= 2 || e.name.startsWith('@')));
    const named = this.table.entities.filter(
      (e) => couldBe(e) && e.name !== except?.name && lastMentionBefore(e, pos) >= 0,
    );
    const only = named.length === 1 ? named[0] : undefined;
    return only && only.words.length >= 2 && !only.gender ? entitySpeaker(only, null) : null;
  }

  /**
   * The people (full names) the text names between `from` and `to` who can be "he" or "she" of this
   * gender — known to have it, or of unknown gender — other than `except`.
   */
  /** The one person of the gender first named after `found` was heard, and before the pronoun. */
  private newcomer(gender: 'm' | 'f', found: Noted, ctx: ResolveContext): Speaker | null {
    const first = (e: Entity) => Math.min(...e.mentions.filter((m) => m >= 0));
    // A name of unknown kind whose given name has this gender is a person's ("Sato Rina").
    // One named by first name alone with an age ("Hollis, 19, …") is a person newly brought in too, of
    // either gender as far as the text has said.
    const fresh = this.table.entities.filter(
      (e) =>
        PEOPLE.has(e.kind) &&
        (e.words.length >= 2 || e.age !== undefined) &&
        (e.gender === gender || (e.gender === null && e.age !== undefined && e.words.length === 1)) &&
        e.name !== this.voice &&
        e.name !== ctx.object &&
        first(e) > found.pos &&
        first(e) >= (ctx.paragraphStart ?? Number.POSITIVE_INFINITY) &&
        first(e) < ctx.pos,
    );
    return fresh.length === 1 && fresh[0] ? entitySpeaker(fresh[0], null) : null;
  }

  peopleNamedBetween(gender: 'm' | 'f', from: number, to: number, except: Pick<Speaker, 'name'>): Speaker[] {
    return this.table.entities
      .filter(
        (e) =>
          PEOPLE.has(e.kind) &&
          e.words.length >= 2 &&
          e.name !== except.name &&
          // A run of capitals not known to be a person ("Front Street") is one only by a gender the
          // text or a given name gave it.
          (e.gender === gender || (!e.gender && e.kind === 'person')) &&
          lastMentionBefore(e, to) >= from,
      )
      .map((e) => entitySpeaker(e, null));
  }

  /** The one person named so far whose given name this is ("Irene" → "Irene Castaño"), or null. */
  byGivenName(given: string, pos: number): Speaker | null {
    const owner = firstNameOwner(this.table.entities, given.toLowerCase(), pos);
    return owner ? entitySpeaker(owner, null) : null;
  }

  /** The person an account name ("dana.k", "@VAT_Kiran") belongs to, when the text says whose it is. */
  byAccount(account: string): Speaker | null {
    const owner = this.table.aliases.get(account.toLowerCase());
    return owner ? entitySpeaker(owner, null) : null;
  }

  /** The one person named so far whose names begin with these letters ("is" for Ingrid Solheim). */
  byInitials(letters: string, pos: number): Speaker | null {
    const owner = initialsOwner(this.table.entities, letters, pos);
    return owner ? entitySpeaker(owner, null) : null;
  }

  resolve(np: NounPhrase, ctx: ResolveContext): Speaker | null {
    switch (np.kind) {
      case 'pronoun':
        return this.pronoun(np.text.toLowerCase(), ctx);
      case 'name':
        if (np.seniority) return np.run ? this.bySeniority(np.run, np.seniority, ctx.pos) : null;
        return np.run ? resolveName(this.table, np.run, ctx.pos, np.role ?? null, ctx.speaking) : null;
      case 'list': {
        const members = (np.runs ?? []).map(
          (run) => resolveName(this.table, run, ctx.pos, null)?.name ?? run.name,
        );
        return { name: members[0] ?? np.text, role: null, members, kind: 'group' };
      }
      case 'org':
      case 'publication':
        return np.run ? resolveName(this.table, np.run, ctx.pos, null) : this.commonNoun(np, ctx);
      case 'group':
        return this.group(np, ctx);
      case 'role':
        return this.role(np, ctx);
      case 'owned':
        return this.owner(np, ctx);
    }
  }

  /**
   * "the elder Halloran": of the people with that surname, the oldest (or youngest) by the ages the text
   * gave, among those named so far. Without an age for each of them the adjective cannot be checked, and a wrong speaker is worse
   * than none.
   */
  private bySeniority(run: NameRun, seniority: 'older' | 'younger', pos: number): Speaker | null {
    const surname = run.nameWords.at(-1)?.bare ?? '';
    // The people the reader has met so far: the adjective compares those, not relatives named later.
    const kin = this.table.entities.filter(
      (e) =>
        PEOPLE.has(e.kind) &&
        e.words.length >= 2 &&
        e.words.at(-1) === surname &&
        lastMentionBefore(e, pos) >= -1,
    );
    if (kin.length < 2 || kin.some((e) => e.age === undefined)) return null;
    const ages = kin.map((e) => e.age ?? 0);
    const wanted = seniority === 'older' ? Math.max(...ages) : Math.min(...ages);
    const chosen = kin.filter((e) => e.age === wanted);
    return chosen.length === 1 && chosen[0] ? entitySpeaker(chosen[0], null) : null;
  }

  private genderOf(speaker: Speaker): Gender {
    return this.entityOf(speaker)?.gender ?? null;
  }

  /** The latest speaker before the mention, or a subject of the same paragraph when that is later. */
  private recent(ctx: ResolveContext, accept: (s: Speaker) => boolean): Noted | undefined {
    const speaker = latestBefore(this.speakers, ctx.pos, accept);
    const subject = latestBefore(this.subjects, ctx.pos, accept, ctx.paragraph);
    return subject && (!speaker || subject.pos >= speaker.pos) ? subject : speaker;
  }

  private recentSubject(ctx: ResolveContext, accept: (s: Speaker) => boolean): Noted | undefined {
    return latestBefore(this.subjects, ctx.pos, accept);
  }

  private pronoun(word: string, ctx: ResolveContext): Speaker | null {
    if (word === 'he' || word === 'she') {
      const gender = word === 'he' ? 'm' : 'f';
      // Of unknown gender, only a person-like name ("Dan Meyer", "Sen. Reed") or someone with a role can
      // be "he" or "she": a lone capitalised word of unknown gender ("Passengers vented …") may be no
      // person at all.
      // "Prairie & Western": an ampersand joins the names of a firm, never a person's.
      const personLike = (s: Speaker) =>
        !s.name.includes('&') && (s.name.trim().includes(' ') || s.role !== null || s.unnamed === true);
      const other = (s: Speaker) => s.name !== this.voice && s.name !== ctx.object;
      const agrees = (s: Speaker) => {
        const known = this.genderOf(s);
        return PEOPLE.has(s.kind) && other(s) && (known === gender || (known === null && personLike(s)));
      };
      // No speaker so far agrees: the person the previous sentences were about ("Roe disagreed … ¶ "…,"
      // she said") — only when their gender is known to agree, since a subject is weaker than a speaker.
      const found =
        this.recent(ctx, agrees) ??
        this.recentSubject(ctx, (s) => PEOPLE.has(s.kind) && other(s) && this.genderOf(s) === gender);
      const answering = this.answering(gender, found, ctx);
      if (answering) return answering;
      if (found && this.rivalBetween(found, gender, ctx)) return this.adjacentSubject(found, gender, ctx);
      // "For Owen Kirkby, who runs a grain elevator, … “We’ll pay more,” he said": a person the paragraph
      // introduces, new to the text, before the pronoun is whom it means, over a speaker of an earlier
      // paragraph — news brings a new voice in just before their words.
      const introduced = found && found.paragraph < ctx.paragraph ? this.newcomer(gender, found, ctx) : null;
      if (introduced) return introduced;
      // Nobody heard from or made the subject agrees: when the text so far names exactly one person
      // of that gender, no one else can be meant ("The granddaughter is Sofia Bellini … ¶ "…," she said").
      if (!found) {
        const except = this.voice ? { name: this.voice } : null;
        return this.onlyPerson(gender, ctx.pos, except) ?? this.onlyNamedPerson(ctx.pos, except);
      }
      const entity = this.table.entities.find((e) => e.name === found.speaker.name);
      if (entity && !entity.gender) entity.gender = gender; // a pronoun is evidence for later ones
      return found.speaker;
    }
    if (word === 'they') {
      const found = this.recent(ctx, (s) => s.kind === 'group') ?? this.recent(ctx, (s) => s.kind === 'org');
      if (found) return found.speaker;
      const list = this.latestList(ctx.pos);
      return list ? { name: list[0] ?? '', role: null, members: list, kind: 'group' } : null;
    }
    if (word === 'it')
      return this.recent(ctx, (s) => s.kind === 'org' || s.kind === 'publication')?.speaker ?? null;
    return null;
  }

  /**
   * "Amadi asked Whitfield whether the district could hire drivers. She said it could": a question and
   * its answer are a pair (an adjacency pair, in conversation analysis), so the pronoun of the next
   * speech act means the one asked. Only when nothing else was heard since the question, the one asked
   * is known to have the pronoun's gender and the asker is known not to — otherwise either could answer
   * or ask on, and the usual reading stands.
   */
  private answering(gender: 'm' | 'f', found: Noted | undefined, ctx: ResolveContext): Speaker | null {
    // Questions are noted in reading order: the latest before the pronoun is found from the end.
    let i = this.addressees.length - 1;
    while (i >= 0 && (this.addressees[i] as Noted).pos >= ctx.pos) i--;
    const question = this.addressees[i];
    if (!question || question.paragraph < ctx.paragraph - 1) return null;
    if (found && found.pos > question.pos) return null;
    if (question.speaker.name === ctx.object || question.speaker.name === this.voice) return null;
    const askerGender = this.genderOf(question.asker);
    if (this.genderOf(question.speaker) !== gender || askerGender === null || askerGender === gender)
      return null;
    return question.speaker;
  }

  /**
   * Another person of the pronoun's gender who was the subject of a sentence between the speaker found
   * and the pronoun ("“…,” Haddad said. ¶ Bellini does not think about retiring … ¶ “…,” he said"): a
   * pronoun most often continues the subject of the sentences before it (centering), so it could mean
   * either, and a wrong speaker is worse than none: it is left unresolved. Names in other positions
   * (objects, possessives: "Walter Isaacson, Musk's biographer, …") do not compete.
   */
  private rivalBetween(found: Noted, gender: 'm' | 'f', ctx: ResolveContext): boolean {
    const rival = (speaker: Speaker) =>
      speaker.name !== found.speaker.name &&
      speaker.name !== this.voice &&
      speaker.name !== ctx.object &&
      PEOPLE.has(speaker.kind) &&
      this.genderOf(speaker) === gender;
    // The subject of the pronoun's own sentence competes too ("Bellini does not think about retiring,
    // he said"): "X will lose, he said" can mean X or the last speaker.
    if (ctx.opening && rival(ctx.opening)) return true;
    // A subordinate clause's subject ranks below the main clauses' (centering), so it does not compete.
    // Notes are read back from the pronoun to the speaker found (bounded, as any look-back here).
    const notes = this.subjects;
    let i = notes.length - 1;
    while (i >= 0 && (notes[i] as Noted).pos >= ctx.pos) i--;
    for (const stop = Math.max(0, i - LOOKBACK_NOTES); i >= stop; i--) {
      const note = notes[i] as Noted;
      if (note.pos <= found.pos) return false;
      if (!note.subordinate && rival(note.speaker)) return true;
    }
    return false;
  }

  /**
   * A rival subject (rivalBetween) that outranks the speaker found: when that speaker spoke two or more
   * paragraphs back and one person alone of the pronoun's gender was the subject of main clauses in
   * the paragraph before the pronoun's (or its own, before it), the pronoun continues that subject —
   * centering's "continue" transition, which the intervening paragraphs make far likelier than a
   * return to a speaker left behind. Otherwise null: either could be meant.
   */
  private adjacentSubject(found: Noted, gender: 'm' | 'f', ctx: ResolveContext): Speaker | null {
    if (found.paragraph >= ctx.paragraph - 1) return null;
    if (ctx.opening && ctx.opening.name !== found.speaker.name) return null;
    const rivals = new Map<string, Speaker>();
    for (const note of this.subjects) {
      if (note.pos <= found.pos || note.pos >= ctx.pos || note.subordinate) continue;
      const speaker = note.speaker;
      if (speaker.name === this.voice || speaker.name === ctx.object || !PEOPLE.has(speaker.kind)) continue;
      // A subject of unknown gender could be meant as well: it competes, but is never chosen.
      const known = this.genderOf(speaker);
      if ((known !== null && known !== gender) || speaker.name === found.speaker.name) continue;
      if (note.paragraph < ctx.paragraph - 1) return null;
      rivals.set(speaker.name, speaker);
    }
    const [only] = rivals.values();
    return rivals.size === 1 && only && this.genderOf(only) === gender ? only : null;
  }

  /**
   * "The study found …" after "the Ashford Adolescent Sleep Study": a document the text named, with no
   * author named for it, speaks under its own name (the latest one of that kind).
   */
  private namedDocument(head: string, pos: number): Speaker | null {
    const entity = this.table.entities
      .filter((e) => e.words.length >= 2 && e.words.at(-1) === head && lastMentionBefore(e, pos) >= 0)
      .sort((a, b) => lastMentionBefore(b, pos) - lastMentionBefore(a, pos))[0];
    return entity ? { ...entitySpeaker(entity, null), kind: 'org' } : null;
  }

  /**
   * Who a study the text cited was by ("a study … by the Calder Institute found …"), for "the
   * researchers", "the authors", "the study's authors" and "the team": a study's writers speak for the
   * institution that issued it, as its findings do (the quote-eval gold rules credit the institute).
   */
  private studyAuthor(): Speaker | null {
    for (const kind of RESEARCH_DOCUMENTS) {
      const author = this.documents.get(kind);
      if (author) return author;
    }
    return null;
  }

  private latestList(pos: number): string[] | null {
    return this.table.lists.filter((l) => l.pos < pos).pop()?.names ?? null;
  }

  private recentEntity(
    pos: number,
    kind: 'org' | 'publication',
    accept: (e: Entity) => boolean = () => true,
  ): Speaker | null {
    const entity = this.table.entities
      .filter((e) => e.kind === kind && lastMentionBefore(e, pos) > -2 && accept(e))
      .sort((a, b) => lastMentionBefore(b, pos) - lastMentionBefore(a, pos))[0];
    return entity ? entitySpeaker(entity, null) : null;
  }

  private group(np: NounPhrase, ctx: ResolveContext): Speaker {
    const body = np.text.replace(/^the\s+/i, '');
    if (np.head === 'police' && /^(?:the\s+)?police$/i.test(np.text)) {
      const force = this.onlyPoliceForce();
      if (force) return force;
    }
    if (!np.definite) {
      const name = body.charAt(0).toLowerCase() + body.slice(1);
      return { name, role: null, members: [], kind: 'group', unnamed: true };
    }
    const study = STUDY_AUTHORS.has(np.head ?? '') ? this.studyAuthor() : null;
    if (study) return study;
    const joint = this.jointBodies(np, ctx);
    if (joint) return joint;
    const hinted = this.table.entities
      .filter((e) => e.mentions[0] === -1 && e.kind === 'person')
      .map((e) => e.name);
    const members = this.latestList(ctx.pos) ?? (hinted.length >= 2 ? hinted : []);
    return { name: `the ${body}`, role: null, members, kind: 'group' };
  }

  /**
   * "A has agreed to buy B, the companies said": a definite plural of an organisation's noun speaks for
   * the bodies its own paragraph has named so far — one joint voice, named as the text names them ("A
   * and B"). Only when at least two were named there: otherwise the plural points further back than
   * the text lets us check.
   */
  private jointBodies(np: NounPhrase, ctx: ResolveContext): Speaker | null {
    const singular = (np.head ?? '').replace(/ies$/, 'y').replace(/s$/, '');
    if (singular === np.head || !(GENERIC_ORG_HEADS.has(singular) || LABOUR_HEADS.has(singular))) return null;
    const from = ctx.paragraphStart;
    if (from === undefined) return null;
    const firstIn = (e: Entity) => e.mentions.find((m) => m >= from && m < ctx.pos) ?? -1;
    // "the unions": a workers' body may be named with no word the table reads as an organisation's
    // ("the Brotherhood of Locomotive Crews"); the labour words make it one.
    const isBody = (e: Entity) =>
      e.kind === 'org' || (LABOUR_HEADS.has(singular) && e.words.length >= 2 && LABOUR_BODY.test(e.name));
    const bodies = this.table.entities
      .filter((e) => isBody(e) && firstIn(e) >= 0)
      .sort((a, b) => firstIn(a) - firstIn(b))
      .map((e) => e.name);
    if (bodies.length < 2) return null;
    const name = `${bodies.slice(0, -1).join(', ')} and ${bodies.at(-1)}`;
    return { name, role: null, members: bodies, kind: 'group' };
  }

  /** "the company", "the paper", "the office", "the city's finance office". */
  private commonNoun(np: NounPhrase, ctx: ResolveContext): Speaker | null {
    // "the co-op" is the cooperative: a clipped head is read as the word it clips.
    const head = expandAbbreviation(np.head ?? '') ?? np.head ?? '';
    // "the co-op" is "Fallow Street Co-op" as well as "… Cooperative": heads compare clipped or in full.
    const sameHead = (other: string) => other === head || (expandAbbreviation(other) ?? other) === head;
    // "the company" as the document defined it (`Brightwater Home Systems (… “the company”)`).
    const defined = np.definite ? this.table.aliases.get(np.text.toLowerCase()) : undefined;
    if (defined) return entitySpeaker(defined, null);
    if (np.kind === 'publication') return this.recentEntity(ctx.pos, 'publication');
    const headed = (name: string) => sameHead(orgHead(name.toLowerCase().split(/\s+/)));
    const named = this.recent(ctx, (s) => s.kind === 'org' && headed(s.name));
    if (named) return named.speaker;
    const entity = this.table.entities
      .filter((e) => e.kind === 'org' && sameHead(orgHead(e.words)) && lastMentionBefore(e, ctx.pos) > -2)
      .sort((a, b) => lastMentionBefore(b, ctx.pos) - lastMentionBefore(a, ctx.pos))[0];
    if (entity) return entitySpeaker(entity, null);
    // "managed by a private company, Northstar Rink Services. A spokesman for the company said …": a
    // definite noun phrase refers back to the one body the text described with the same noun — when
    // two were, the noun alone cannot choose, and the rules below weigh who spoke last.
    const described = this.table.entities.filter(
      (e) => e.describedAs?.includes(head) && lastMentionBefore(e, ctx.pos) >= 0,
    );
    if (np.definite && described.length === 1 && described[0]) return entitySpeaker(described[0], null);
    const court = head === 'court' ? this.courtOfRank(np) : null;
    if (court) return court;
    // "The team said …" in a report on a study, with no team of its own named: the study's authors.
    const study = np.definite && head === 'team' ? this.studyAuthor() : null;
    if (study) return study;
    if (GENERIC_ORG_HEADS.has(head)) {
      // "the company" is the company the text has been about — the one that spoke or was the subject
      // last — rather than whichever company was named last ("Halvorsen agreed to buy Nordgrid. The
      // company said …" is Halvorsen).
      const company = (s: Speaker) => s.kind === 'org' && !NOT_A_COMPANY.test(s.name);
      return (
        this.recent(ctx, company)?.speaker ??
        this.recentEntity(ctx.pos, 'org', (e) => !NOT_A_COMPANY.test(e.name))
      );
    }
    if (MANAGEMENT_HEADS.has(head)) {
      // The employer the text has been about: the organisation that spoke or was the subject last,
      // else the one named last, leaving out the workers' own bodies.
      const employer = (name: string) => !LABOUR_BODY.test(name);
      const found =
        this.recent(ctx, (s) => s.kind === 'org' && employer(s.name))?.speaker ??
        this.recentEntity(ctx.pos, 'org', (e) => employer(e.name));
      return found ? this.fullName(found) : null;
    }
    if (LABOUR_HEADS.has(head) && np.definite) {
      const labour = (name: string) => LABOUR_BODY.test(name);
      const found =
        this.recent(ctx, (s) => s.kind === 'org' && labour(this.fullName(s).name))?.speaker ??
        this.recentEntity(ctx.pos, 'org', (e) => labour(e.name));
      if (found) return this.fullName(found);
    }
    if (COURT_HEADS.has(head)) {
      // Only a bench of several judges (an appeals or supreme court) has a majority: the one the text
      // named last. With none named, "the majority" is no one's voice (a poll's majority is reported by
      // the poll's author).
      const bench = (e: Entity) =>
        orgHead(e.words) === 'court' && /\b(?:appeals?|appellate|supreme)\b/.test(e.words.join(' '));
      return np.definite ? this.recentEntity(ctx.pos, 'org', bench) : null;
    }
    if (GENERIC_PUBLIC_HEADS.has(head)) {
      // The public body that spoke last is the one meant; failing that, the one named last.
      const isBody = (s: Speaker) => s.kind === 'org' && PUBLIC_BODY.test(this.fullName(s).name);
      const body =
        this.recent(ctx, isBody)?.speaker ??
        this.recentEntity(ctx.pos, 'org', (e) =>
          PUBLIC_BODY.test(this.fullName(entitySpeaker(e, null)).name),
        );
      return body ? this.fullName(body) : null;
    }
    if (!np.definite) return null;
    const body = np.text.replace(/^the\s+/i, '');
    // Written in title case ("the Arden County Sheriff’s Office") it is a proper name, which the article
    // only precedes; a described body ("the city’s finance office") keeps it as part of the description.
    // Led by a proper name ("the Haute-Drance police prefecture") it names one body as a name does,
    // and the article goes as well.
    const proper = isTitleCased(body) || /^\p{Lu}[\p{L}’'-]*\s+\p{Ll}/u.test(body);
    return { name: proper ? body : `the ${body}`, role: null, members: [], kind: 'org' };
  }

  /**
   * "Her husband said" after "His wife, Grace Mbeki": the holder is resolved ("her" → Grace Mbeki), then
   * the relation the text stated, read either way (she is his wife, so he is her husband). A relative
   * the text never named is no one.
   */
  private relative(np: NounPhrase, head: string, ctx: ResolveContext): Speaker | null {
    // "The mother of one of the hospitalized players": the relative of someone unnamed is unnamed too,
    // and goes by the description the text gives (as "a senior official" does).
    if (np.unnamedOwner) {
      const name = np.text.replace(/^(?:the|a|an)\s+/i, '');
      return {
        name: name.charAt(0).toUpperCase() + name.slice(1),
        role: null,
        members: [],
        kind: 'person',
        unnamed: true,
      };
    }
    const pronoun = { his: 'he', her: 'she', their: 'they' }[np.ownerPronoun ?? ''];
    const holder = np.owner ? this.resolve(np.owner, ctx) : pronoun ? this.pronoun(pronoun, ctx) : null;
    return holder?.kind === 'person' ? this.relativeOf(holder, head) : null;
  }

  /** The `noun` ("father") of `holder` by the relations the text stated, or null. */
  relativeOf(holder: Speaker, head: string): Speaker | null {
    const gender = kinGender(head);
    const agrees = (name: string) => {
      const known = this.table.byName.get(name.toLowerCase())?.gender ?? null;
      return known === null || known === gender;
    };
    const relation = kinRelation(head);
    const link =
      this.table.kin.find((k) => k.holder === holder.name && kinRelation(k.noun) === relation) ??
      this.table.kin.find(
        (k) =>
          k.person === holder.name &&
          inverseKin(k.noun).map(kinRelation).includes(relation) &&
          agrees(k.holder),
      );
    const name = link ? (link.holder === holder.name ? link.person : link.holder) : null;
    const entity = name ? this.table.byName.get(name.toLowerCase()) : undefined;
    return entity ? entitySpeaker(entity, null) : null;
  }

  /** An acronym speaker under the full name the document gives it ("FAA" → "Federal Aviation Administration"). */
  private fullName(speaker: Speaker): Speaker {
    const owner = acronymOwner(this.table.entities, speaker.name);
    return owner ? entitySpeaker(owner, null) : speaker;
  }

  /**
   * "police said Friday" in a story that names one police force (the Dunmore Police Department): local
   * news says "police" for the force of the place it reports on, and names it once, often only after
   * the lead. With two forces named, "police" could be either, and stays a description.
   */
  private onlyPoliceForce(): Speaker | null {
    return this.onlyBody(/\bPolice\b/);
  }

  /** The one organisation of the document (named anywhere in it) whose name matches, or null. */
  private onlyBody(pattern: RegExp): Speaker | null {
    const bodies = this.table.entities.filter(
      (e) => e.kind === 'org' && e.words.length >= 2 && pattern.test(e.name),
    );
    return bodies.length === 1 && bodies[0] ? entitySpeaker(bodies[0], null) : null;
  }

  /**
   * "A divided appeals court ruled Thursday that …" in a lead, the court named in the next paragraph
   * ("The Second Appellate District Court of Appeals, in a 2-1 decision, held …"): a story's lead
   * describes the court it then names, so the one court of that rank the document names is meant.
   */
  private courtOfRank(np: NounPhrase): Speaker | null {
    const rank = /\b(appeals|appellate|supreme)\b/i.exec(np.text)?.[1]?.toLowerCase();
    if (!rank) return null;
    return this.onlyBody(
      rank === 'supreme' ? /\bSupreme Court\b/ : /\bCourt of Appeals?\b|\bAppeals Court\b|\bAppellate\b/,
    );
  }

  /** "the NASA administrator", "Musk's biographer": the person the document gave that role. */
  private role(np: NounPhrase, ctx: ResolveContext): Speaker | null {
    // "a senior official said": the writer withholds the name, so it is never filled in from a person
    // the document gave that role (who would be "the official", or named).
    // "one council aide", "another official": indefinite as "a" is.
    const article = /^(?:a|an|one|another)\s/i.exec(np.text);
    // "A spokesman said" is the organisation he speaks for, when the text has one in view; the gold
    // rules and news style credit an unnamed spokesperson's words to the body they speak for.
    const spokesman = article && SPOKES_NOUNS.has(np.head ?? '') ? this.spokesmanOf(ctx) : null;
    if (spokesman) return spokesman;
    if (article) {
      return unnamedPerson(np);
    }
    const wanted = np.text
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, '')
      .split(/\s+/);
    const roleWords = (role: string) =>
      role
        .toLowerCase()
        .split(/[\s,;]+/)
        .map((w) => TITLE_ABBREVIATIONS[w] ?? w);
    // A person's roles together describe them: "the senator from Colby" is "Sen." and "Republican from
    // Colby" at once.
    const byRole = (accept: (words: string[]) => boolean) =>
      this.table.entities
        .filter((e) => e.roles.some((r) => accept(roleWords(r))) || accept(e.roles.flatMap(roleWords)))
        .sort((a, b) => lastMentionBefore(b, ctx.pos) - lastMentionBefore(a, ctx.pos));
    const entity = byRole((words) => wanted.every((w) => words.includes(w)))[0];
    if (entity) return entitySpeaker(entity, null);
    // "the regional governor" for "Governor Carolina Videla": the head noun alone, when only one person
    // of the document holds that role (with two governors the modifier would be needed to choose).
    const head = wanted[wanted.length - 1] ?? '';
    const heads = byRole((words) => words.includes(head));
    if (heads.length === 1 && heads[0]) return entitySpeaker(heads[0], null);
    // "A person familiar with the investigation said … ¶ The person said …": a definite noun phrase
    // refers back to the indefinite one with the same head that introduced an unnamed source.
    if (np.definite) {
      const described = this.recent(ctx, (s) => s.unnamed === true && describedBy(s.name, head));
      if (described) return described.speaker;
    }
    // "the spokesman" whom the document never names is the one already heard from, who spoke for an
    // organisation: the organisation that spoke last — or, when none has yet, the one just named ("The
    // state office was noncommittal. A spokesman said …"): a spokesman speaks for an organisation.
    return SPOKES_NOUNS.has(head) ? this.spokesmanOf(ctx) : null;
  }

  private spokesmanOf(ctx: ResolveContext): Speaker | null {
    return (
      this.recent(ctx, (s) => s.kind === 'org')?.speaker ??
      this.recentEntity(ctx.pos, 'org', (e) => lastMentionBefore(e, ctx.pos) >= ctx.pos - JUST_NAMED)
    );
  }

  private owner(np: NounPhrase, ctx: ResolveContext): Speaker | null {
    const head = np.head ?? '';
    if (isKinNoun(head)) return this.relative(np, head, ctx);
    // "A senior official at the commission said": one unnamed person, whom the writer describes by where
    // they work — not the body's own word (which a spokesman gives, and "officials at" as a body do).
    if (np.owner && head === 'official' && /^(?:a|an)\s/i.test(np.text)) {
      return unnamedPerson(np);
    }
    if (np.owner) {
      const owner = this.resolve(np.owner, ctx);
      if (owner && DOCUMENTS.has(head)) this.noteDocument(head, owner);
      return owner;
    }
    // "The survey found that …" after "a poll released Thursday by the Hollins Institute": the document
    // already cited, by its author. A document nobody has been named for speaks for no one.
    if (!np.ownerPronoun && np.definite && DOCUMENTS.has(head))
      return this.documents.get(documentKind(head)) ?? this.namedDocument(head, ctx.pos);
    // "the letter states" after "In a letter …, the Office … gave": the letter the text brought in, by
    // its author, rather than whoever spoke last.
    const brought = !np.ownerPronoun && np.definite ? this.documents.get(head) : undefined;
    if (brought) return brought;
    const owner = this.pronounOwner(np, ctx);
    // "Her statement was read by …": a statement or letter whose writer the text gives is theirs when
    // "the statement" speaks later, whoever reads it out.
    if (owner && np.ownerPronoun && ISSUED_NOUNS.has(head)) this.noteDocument(head, owner);
    return owner;
  }

  private pronounOwner(np: NounPhrase, ctx: ResolveContext): Speaker | null {
    const subject = ctx.subject;
    switch (np.ownerPronoun) {
      case 'its':
        return subject && (subject.kind === 'org' || subject.kind === 'publication')
          ? subject
          : this.pronoun('it', ctx);
      case 'their':
        return subject && (subject.kind === 'group' || subject.kind === 'org')
          ? subject
          : this.pronoun('they', ctx);
      case 'his':
        return this.pronoun('he', ctx);
      case 'her':
        return this.pronoun('she', ctx);
      default:
        // "A spokesman said …" with no "for …": the organisation he speaks for, as above.
        if (SPOKES_NOUNS.has(np.head ?? '')) return this.spokesmanOf(ctx);
        // "The statement said …": the statement of whoever last spoke. A bare "the report" or "the
        // lawsuit" is a document of unknown origin, and speaks for nobody.
        if (!ISSUED_NOUNS.has(np.head ?? '')) return null;
        // With no one heard from yet, an issued statement is the organisation the text is about.
        return (
          (subject && subject.kind !== 'person' ? subject : null) ??
          this.recent(ctx, () => true)?.speaker ??
          this.recentSubject(ctx, (s) => s.kind === 'org')?.speaker ??
          null
        );
    }
  }
}

/** "a person familiar with the talks" has the head "person": an article, at most two modifiers, the head. */
function describedBy(description: string, head: string): boolean {
  const words = description.toLowerCase().split(/\s+/);
  const body = /^(?:a|an|one|another)$/.test(words[0] ?? '') ? words.slice(1) : words;
  return body.slice(0, 3).includes(head);
}

/** Function words English title case leaves in lower case ("Department of Health and Human Services"). */
const TITLE_CASE_SMALL = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'at', 'to', '&']);

/** Every word capitalised but the small function words, the first and last capitalised: a proper name. */
function isTitleCased(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2) return false;
  const capital = (word: string) => /^\p{Lu}/u.test(word);
  return (
    capital(words[0] ?? '') &&
    capital(words.at(-1) ?? '') &&
    words.every((word) => capital(word) || TITLE_CASE_SMALL.has(word))
  );
}
