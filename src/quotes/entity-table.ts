// The per-document entity table, built before any attribution: full names with their roles and
// gender, organisations, publications ("the Wall Street Journal" → "The Wall Street Journal"), and lists
// of people named together ("Senators Jeanne Shaheen … and Jack Reed") that group speakers refer to.
import type { SpeakerHint } from '../corpus/types.js';
import { splitSentences } from '../text/sentences.js';
import { firstNameGender, isFirstName } from '../text/word-lexicon.js';
import { partyTagRole, readAppositive } from './appositive.js';
import { type KinLink, kinBefore, kinGender } from './kinship.js';
import { TITLE_WORDS } from './lexicon.js';
import type { Gender } from './mention-roles.js';
import { agentRoleBefore, honorificGender, publicationName, roleBefore } from './mention-roles.js';
import { type NameRun, type RunKind, readNameRun } from './name-runs.js';
import { GROUP_NOUNS, ORG_NOUNS, ROLE_NOUNS } from './noun-lexicon.js';
import { contentStart, datelineSkip, isHeadline } from './paragraph-layout.js';
import { paragraphPieces } from './paragraph-pieces.js';
import { recordLabelEnd, USERNAME } from './transcript.js';
import type { ParagraphInput } from './types.js';

export type { Gender } from './mention-roles.js';

export interface Entity {
  name: string;
  kind: RunKind;
  roles: string[];
  gender: Gender;
  /** Lowercase words of the name, for surname look-ups. */
  words: string[];
  /** Absolute offsets of mentions, ascending; -1 for a front-matter hint. */
  mentions: number[];
  /** Age given in apposition ("Thomas Halloran, 58,"), for "the elder Halloran". */
  age?: number;
  /** Where words were first credited to them (absolute offset), once some were: they have spoken. */
  firstSpoke?: number;
  /**
   * Head nouns of the descriptions the text set beside an organisation's name ("a private company,
   * Northstar Rink Services"; "Minera Atacama Sur, the company that operates the mine"): "the company"
   * later refers back to the body described with that very noun.
   */
  describedAs?: string[];
}

/**
 * The head noun of an indefinite or definite description set off right before a name ("a private
 * company, Northstar") or right after it (", the company that operates the mine"), when it names an
 * organisation: the head is the description's last word before a relative clause, a complement or
 * the phrase's end.
 */
const DESCRIPTION_BEFORE = /\b(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}([\p{Ll}-]+),\s+$/u;
const DESCRIPTION_AFTER =
  /^,\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}?([\p{Ll}-]+)(?=\s+(?:that|which|whose|based|with|in|of|for)\b|\s*[,.;)]|$)/u;

function describedHead(text: string, run: NameRun): string | null {
  const before = DESCRIPTION_BEFORE.exec(text.slice(Math.max(0, run.start - 60), run.start))?.[1];
  const head = before ?? DESCRIPTION_AFTER.exec(text.slice(run.end, run.end + 80))?.[1];
  return head !== undefined && ORG_NOUNS.has(head) ? head : null;
}

/**
 * "The Speaker (Mr Alan Treharne) took the chair": official records name the holder of an office in
 * parentheses after the office, so the capitalised words after "the" are that person's role.
 */
const OFFICE_BEFORE = /\b[Tt]he\s+((?:\p{Lu}[\p{Ll}-]+\s+){0,3}\p{Lu}[\p{Ll}-]+)\s+\($/u;

function officeBefore(text: string, run: NameRun): string | null {
  if (text[run.end] !== ')') return null;
  return OFFICE_BEFORE.exec(text.slice(Math.max(0, run.start - 80), run.start))?.[1] ?? null;
}

/**
 * "Fernlo's chief executive", "Brightline's customers": what only an organisation has (an executive
 * officer, a board, customers, shareholders, headquarters) marks its owner as one.
 */
const CORPORATE_POSSESSION =
  /^['’]s?\s+(?:[\p{Ll}-]+\s+){0,2}?(?:chief\s+executive|ceo|cfo|founder|co-founder|board|shareholders|customers|headquarters|employees|stock|shares)\b/u;

/** News style gives a person's age as a bare number in apposition right after the name. */
const AGE_APPOSITIVE = /^,\s+(\d{1,3})(?=[,.;]|\s+(?:of|from)\b)/;

interface NamedList {
  pos: number;
  names: string[];
}

export interface EntityTable {
  entities: Entity[];
  lists: NamedList[];
  /** Family relations the text states in apposition ("His wife, Grace Mbeki"). */
  kin: KinLink[];
  /** Entities by lowercase name, so look-ups cost the same in a long document as in a short one. */
  byName: ReadonlyMap<string, Entity>;
  /** Short names a document defines for an organisation: `Halvorsen Energy ASA ("Halvorsen")`. */
  aliases: ReadonlyMap<string, Entity>;
}

/** `("Halvorsen")`, `(the "Company")`, `(“Nordgrid”)` right after a name: the name it will go by. */
const DEFINED_TERM = /^\s*\((?:the\s+)?["“]([\p{Lu}][\p{L}&.'’ -]{0,40})["”]\)/u;

/**
 * "Chief Financial Officer", "Vice President": a run of capitals that opens with a title word and ends
 * in a role noun is a job title, not an organisation or person, even with an organisation word inside.
 */
function isJobTitle(run: NameRun): boolean {
  const first = run.words[0]?.bare ?? '';
  const last = run.words.at(-1)?.bare ?? '';
  return run.words.length >= 2 && TITLE_WORDS.has(first) && (TITLE_WORDS.has(last) || ROLE_NOUNS.has(last));
}

/**
 * "Kiran Solberg, who posted as @VAT_Kiran", "Dana Ruiz (@danaruiz)": the handle a name is given with is
 * that person's account, so what the account posts is theirs.
 */
const HANDLE_AFTER =
  /^(?:,?\s+who\s+(?:posts|posted|tweets|tweeted|writes|wrote|goes|went)\s+(?:as|by|under)\s+|\s+\()(@[\p{L}\p{N}_]{1,30})/u;
const HONORIFIC_ONLY = /^(?:mr|mrs|ms|miss|mx|dr)\.?$/i;
const LIST_GAP =
  /^\s*(?:\([^()]{1,40}\))?\s*(?:,\s+(?:a|an|the|members?|who)\b[^;:"“”]{0,160}?)?\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)$/;
const LIST_OBJECT =
  /\b(?:to|with|from|for|by|of|between|against|including|like|as|and|than|about|in|at|on|into|across|over|under|near)\s+$/i;

/** Whether only spaces stand between an opening double mark and `pos` (a quote's first word). */
function afterOpeningMark(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === '"' || text[i] === '“';
}

class TableBuilder {
  readonly entities: Entity[] = [];
  readonly lists: NamedList[] = [];
  readonly kin: KinLink[] = [];
  readonly byName = new Map<string, Entity>();
  readonly aliases = new Map<string, Entity>();
  /** Multi-word entities by their last word, in the order they were first met. */
  private readonly byLastWord = new Map<string, Entity[]>();

  find(name: string): Entity | undefined {
    return this.byName.get(name.toLowerCase());
  }

  add(name: string, kind: RunKind, pos: number): Entity {
    let entity = this.find(name);
    if (!entity) {
      const words = name.toLowerCase().split(/\s+/);
      entity = {
        name,
        kind,
        roles: [],
        gender: nameGender(name),
        words,
        mentions: [],
      };
      this.entities.push(entity);
      this.byName.set(name.toLowerCase(), entity);
      const last = words[words.length - 1] ?? '';
      if (words.length >= 2) this.byLastWord.set(last, [...(this.byLastWord.get(last) ?? []), entity]);
    }
    if (entity.kind === 'unknown' && kind !== 'unknown') entity.kind = kind;
    entity.mentions.push(pos);
    return entity;
  }

  /**
   * "Prairie & Western" after "Prairie & Western Railway", "Lakeshore" after "Lakeshore General
   * Hospital": news shortens an organisation's name to its first words once it has been given in full.
   * Only when exactly one organisation named so far begins so, and no person goes by the words.
   */
  orgShortenedTo(name: string): Entity | undefined {
    // Once read as one organisation's short name, it stays that organisation's.
    const known = this.shortNames.get(name.toLowerCase());
    if (known) return known;
    const prefix = `${name.toLowerCase()} `;
    if (this.surnameOwner(name.split(/\s+/).pop() ?? '') && !name.includes(' ')) return undefined;
    // A name the lexicon could not place ("Prairie & Western Railway") counts when the short form keeps
    // two words or more: one word may be a person's given name ("Harlan" of "Harlan Boateng").
    const placeable = (e: Entity) => e.kind === 'org' || (e.kind === 'unknown' && name.includes(' '));
    const found = this.entities.filter((e) => placeable(e) && e.name.toLowerCase().startsWith(prefix));
    const [only] = found;
    if (found.length !== 1 || !only) return undefined;
    this.shortNames.set(name.toLowerCase(), only);
    // The resolver reads the short name as the organisation too, as it reads a defined short form.
    if (!this.aliases.has(name.toLowerCase())) this.aliases.set(name.toLowerCase(), only);
    return only;
  }

  private readonly shortNames = new Map<string, Entity>();

  /** A one-word mention joins the full name that ends with it ("Meyer" → "Dan Meyer"). */
  surnameOwner(word: string): Entity | undefined {
    return this.byLastWord.get(word.toLowerCase())?.find((e) => e.kind !== 'org');
  }

  /**
   * "His wife, Grace Mbeki": the kin noun gives her gender, and the relation is kept with its holder —
   * the person named last of the possessive's gender ("his"), the name just before ("X, whose father,
   * Y"), or the name written ("Ortiz’s father"). A holder that cannot be told is not guessed.
   */
  private noteKin(entity: Entity, text: string, run: NameRun, pos: number): void {
    const kin = kinBefore(text, run.start);
    if (!kin) return;
    entity.kind = 'person';
    entity.gender ??= kinGender(kin.noun);
    const owner = kin.owner.toLowerCase();
    const wanted = owner === 'his' ? 'm' : owner === 'her' ? 'f' : null;
    const people = this.entities
      .filter((e) => e !== entity && e.kind === 'person' && e.words.length >= 2)
      .map((e) => ({ e, last: e.mentions.filter((m) => m < pos).pop() ?? -2 }))
      .filter((c) => c.last > -2)
      .sort((a, b) => b.last - a.last);
    let holder: Entity | undefined;
    if (wanted) holder = people.find((c) => c.e.gender === wanted)?.e;
    else if (owner === 'whose') holder = people[0]?.e;
    // "My uncle, Gerrit Achterberg": the holder is whoever speaks these words, which the quote or turn
    // around them tells (nested-quotes.ts reads "my uncle" against it); the gender holds anyway.
    else if (owner !== 'their' && owner !== 'my' && owner !== 'our') {
      const name = kin.owner.replace(/['’]s?$/, '');
      holder = this.find(name) ?? this.surnameOwner(name.split(/\s+/).pop() ?? '');
    }
    if (holder && holder !== entity)
      this.kin.push({ noun: kin.noun, person: entity.name, holder: holder.name });
  }

  register(run: NameRun, text: string, base: number): Entity {
    const pos = base + run.start;
    // A handle given for someone already named is that person's account, not a new speaker.
    const account = run.name.startsWith('@') ? this.aliases.get(run.name.toLowerCase()) : undefined;
    if (account) {
      account.mentions.push(pos);
      return account;
    }
    if (run.kind === 'publication') {
      const last = run.words[run.words.length - 1]?.bare ?? '';
      const alias =
        run.words.length === 1
          ? this.entities.find((e) => e.kind === 'publication' && e.words.at(-1) === last)
          : undefined;
      return this.add(alias?.name ?? publicationName(run, text), 'publication', pos);
    }
    const owner = run.nameWords.length === 1 ? this.surnameOwner(run.name) : undefined;
    const shortened = owner || run.kind === 'person' ? undefined : this.orgShortenedTo(run.name);
    const entity = this.add(owner?.name ?? shortened?.name ?? run.name, shortened ? 'org' : run.kind, pos);
    const first = run.nameWords[0]?.text ?? '';
    if (
      entity.kind === 'unknown' &&
      run.possessive &&
      !owner &&
      !isFirstName(first) &&
      CORPORATE_POSSESSION.test(text.slice(run.end - 2))
    )
      entity.kind = 'org';
    const described = describedHead(text, run);
    if (described && run.kind !== 'person' && !entity.describedAs?.includes(described))
      entity.describedAs = [...(entity.describedAs ?? []), described];
    // "Mizukami Kotsu, the bus company that …": apposition says what the name is, and an organisation's
    // noun makes it an organisation (never "he" or "she"), unless a given name opens it.
    if (described && entity.kind === 'unknown' && !isFirstName(first)) entity.kind = 'org';
    // A role may close the sentence as well ("Also present: Carl Ruddick, videographer."): a
    // description set after a name is its appositive wherever the sentence ends.
    const after = readAppositive(text, run.end, true);
    const roles = [
      after.role,
      partyTagRole(text, run.end),
      run.title && !HONORIFIC_ONLY.test(run.title) ? run.title : null,
      roleBefore(text, run.start),
      run.kind === 'person'
        ? agentRoleBefore(text, run.start - (roleBefore(text, run.start)?.length ?? -1) - 1)
        : null,
      officeBefore(text, run),
    ];
    if (run.kind !== 'org') {
      for (const role of roles)
        if (role && !entity.roles.includes(role) && !/^members?\b/.test(role)) entity.roles.push(role);
      entity.gender ??= honorificGender(run.title);
      const age = AGE_APPOSITIVE.exec(text.slice(run.end));
      if (age?.[1] && run.nameWords.length >= 2) entity.age ??= Number(age[1]);
      // "Hollis, 19, who left Pine Flat …": features name residents by first name alone, and an age set
      // off after a name says it is a person's.
      if (age?.[1] && run.nameWords.length === 1 && run.title === null && entity.kind === 'unknown') {
        entity.kind = 'person';
        entity.age ??= Number(age[1]);
      }
      if (/^,\s+who\b/.test(text.slice(run.end)) && entity.kind === 'unknown') entity.kind = 'person';
      const handle = HANDLE_AFTER.exec(text.slice(run.end));
      if (handle?.[1] && !run.name.startsWith('@')) this.aliases.set(handle[1].toLowerCase(), entity);
      if (run.title && entity.kind === 'unknown') entity.kind = 'person';
      if (run.nameWords.length >= 2) this.noteKin(entity, text, run, pos);
    }
    return entity;
  }
}

/**
 * "Transports Express Rhône-Alpes (TERA)": capitals in parentheses right after a name of several words
 * define its acronym, as news writes it at first mention; later "TERA" is that organisation, whether or
 * not the letters are its initials (translated and foreign names often keep their own).
 */
/**
 * `(“Brightwater” or “the company”)`: one to four quoted terms in parentheses, joined by "or", "and" or
 * commas — after the name's legal form when it has one ("Halcyon Cold Chain, Inc. (…)"), a closed class.
 */
const LEGAL_FORM = String.raw`(?:Inc|Corp|Co|Ltd|LLC|LLP|LP|plc|PLC|AG|SE|GmbH|S\.A|N\.V|B\.V)\.?`;
/** The legal form right after a company's name: ", Inc.", " GmbH". */
const LEGAL_FORM_AFTER = new RegExp(`^,?\\s+${LEGAL_FORM}(?=[\\s,;:()]|$)`, 'u');
/** A name whose last word is a legal form ("Nordhafen Energie AG"). */
const LEGAL_FORM_LAST = new RegExp(`\\s${LEGAL_FORM}$`, 'u');
/** A company's legal form on its own ("Inc.", "GmbH"): part of the name before it, no name itself. */
const LEGAL_FORM_ONLY = new RegExp(`^${LEGAL_FORM}$`, 'u');
const DEFINED_TERMS = new RegExp(
  String.raw`^(?:,?\s+${LEGAL_FORM})?\s*\(((?:(?:the\s+)?["“][^"“”()]{1,40}["”](?:\s*,\s*|\s+or\s+|\s+and\s+)?){1,4})\)`,
  'u',
);

/**
 * A press release or contract defines the common nouns it will use for a party, as well as short names:
 * `Brightwater Home Systems (“Brightwater” or “the company”)` makes "the company" that organisation for
 * the rest of the text, whatever other organisation is named later. Returns the defined common noun
 * phrases ("the company"), lowercased, and the short names ("Brightwater").
 */
function definedTerms(after: string): { common: string[]; names: string[] } {
  const group = DEFINED_TERMS.exec(after)?.[1];
  if (!group) return { common: [], names: [] };
  const terms = [...group.matchAll(/["“]([^"“”]{1,40})["”]/gu)].map((m) => (m[1] ?? '').trim());
  return {
    // Legal drafting capitalises the defined noun ("the Company"); it is the same common noun.
    common: terms.filter((term) => /^the\s+\p{L}+$/iu.test(term)).map((term) => term.toLowerCase()),
    names: terms.filter((term) => /^\p{Lu}/u.test(term) && !/^the\s/i.test(term)),
  };
}

const ACRONYM_TAG = /^\s*\((\p{Lu}{2,6})\)/u;

function acronymDefined(run: NameRun, after: string): RegExpExecArray | null {
  return run.nameWords.length >= 2 && !run.possessive ? ACRONYM_TAG.exec(after) : null;
}

function scanParagraph(builder: TableBuilder, paragraph: ParagraphInput): void {
  const { text } = paragraph;
  const starts = new Set(splitSentences(text).map((s) => s.start));
  starts.add(contentStart(text));
  const label = recordLabelEnd(text);
  if (label > 0) starts.add(label);
  const dateline = Math.max(datelineSkip(text), label);
  for (const sentence of splitSentences(text)) {
    const people: Array<{ run: NameRun; entity: Entity }> = [];
    let i = Math.max(sentence.start, dateline);
    while (i < sentence.end) {
      const boundary = i === 0 || !/[\p{L}\p{N}'’.-]/u.test(text[i - 1] ?? '');
      // "(D-NH)", "(SASC)": party tags and abbreviations in parentheses are not mentions.
      const tag = text[i] === '(' ? /^\([^()\s]{1,12}\)/.exec(text.slice(i)) : null;
      if (tag) {
        i += tag[0].length;
        continue;
      }
      // "Sen. Carol Ostrander, R-Colby, …": a party tag after a name is her role, not another mention.
      // A tag opens with its party letter and a hyphen (PARTY_TAG): only there is the lead looked at,
      // not at every character.
      const tagStart = (text[i] === 'D' || text[i] === 'R' || text[i] === 'I') && text[i + 1] === '-';
      const lead = tagStart ? /(?:,\s+|\()$/.exec(text.slice(Math.max(0, i - 3), i))?.[0] : undefined;
      if (boundary && lead && partyTagRole(text, i - lead.length)) {
        i = text.slice(i).search(/[,)]|\.?$/) + i + 1;
        continue;
      }
      const run =
        boundary && /[\p{Lu}@]/u.test(text[i] ?? '')
          ? readNameRun(text, i, starts.has(i) || afterOpeningMark(text, i))
          : null;
      if (
        !run ||
        run.words.every((w) => TITLE_WORDS.has(w.bare) || GROUP_NOUNS.has(w.bare)) ||
        isJobTitle(run) ||
        LEGAL_FORM_ONLY.test(run.name)
      ) {
        i = run ? run.end : i + 1;
        continue;
      }
      const entity = builder.register(run, text, paragraph.start);
      const named = run.kind === 'org' || run.kind === 'unknown';
      // "Halcyon Cold Chain, Inc.": the legal form is part of the company's full name, as introduced.
      const legal = named ? LEGAL_FORM_AFTER.exec(text.slice(run.end, run.end + 12)) : null;
      if (legal && entity.name === run.name) {
        entity.name = `${run.name}${legal[0]}`;
        entity.kind = 'org';
        builder.byName.set(entity.name.toLowerCase(), entity);
      }
      // "Nordhafen Energie AG": a name that ends in a legal form is a company's, whatever its words.
      if (entity.kind === 'unknown' && LEGAL_FORM_LAST.test(run.name)) entity.kind = 'org';
      if (named) {
        const defined = definedTerms(text.slice(run.end));
        for (const common of defined.common) builder.aliases.set(common, entity);
        for (const short of defined.names)
          if (short.toLowerCase() !== entity.name.toLowerCase())
            builder.aliases.set(short.toLowerCase(), entity);
      }
      const term = named
        ? (DEFINED_TERM.exec(text.slice(run.end)) ?? acronymDefined(run, text.slice(run.end)))
        : null;
      if (term?.[1] && term[1].toLowerCase() !== entity.name.toLowerCase()) {
        builder.aliases.set(term[1].toLowerCase(), entity);
        if (entity.kind === 'unknown') entity.kind = 'org';
      }
      if ((entity.kind === 'person' || entity.kind === 'unknown') && !run.possessive)
        people.push({ run, entity });
      i = run.end;
    }
    collectLists(builder, text, paragraph.start, people);
  }
  noteUsernames(builder, paragraph);
}

/**
 * "dana.k is Dana Kowalczyk": a story that prints a chat log says who each username is. The username is
 * then that person's account, whatever the messages call themselves.
 */
const USERNAME_IS = new RegExp(
  String.raw`(?<![\p{L}\p{N}._@-])(${USERNAME.source})\s+(?:is|was)\s+(?=\p{Lu})`,
  'gu',
);

function noteUsernames(builder: TableBuilder, paragraph: ParagraphInput): void {
  for (const match of paragraph.text.matchAll(USERNAME_IS)) {
    const run = readNameRun(paragraph.text, (match.index ?? 0) + match[0].length);
    const person = run && run.nameWords.length >= 2 ? builder.byName.get(run.name.toLowerCase()) : undefined;
    if (match[1] && person && (person.kind === 'person' || person.kind === 'unknown'))
      builder.aliases.set(match[1].toLowerCase(), person);
  }
}

function collectLists(
  builder: TableBuilder,
  text: string,
  base: number,
  people: Array<{ run: NameRun; entity: Entity }>,
) {
  for (let k = 0; k < people.length; ) {
    let j = k;
    while (j + 1 < people.length && LIST_GAP.test(text.slice(people[j]?.run.end, people[j + 1]?.run.start)))
      j++;
    const first = people[k];
    if (first && j > k && !LIST_OBJECT.test(text.slice(Math.max(0, first.run.start - 12), first.run.start))) {
      builder.lists.push({
        pos: base + first.run.start,
        names: people.slice(k, j + 1).map((p) => p.entity.name),
      });
    }
    k = j + 1;
  }
}

/**
 * The gender a name's given name says. East Asian and Hungarian names put the family name first
 * ("Sato Rina"): when the first word is no given name the lexicon knows and the last word is one, the
 * last is the given name.
 */
function nameGender(name: string): Gender {
  const words = name.split(/\s+/);
  const first = words[0] ?? '';
  const last = words.length === 2 ? (words[1] ?? '') : '';
  return firstNameGender(first) ?? (!isFirstName(first) && last ? firstNameGender(last) : null);
}

export function buildEntityTable(
  paragraphs: readonly ParagraphInput[],
  hints: readonly SpeakerHint[] = [],
): EntityTable {
  const builder = new TableBuilder();
  const hinted = hints.map((hint) => {
    const run = readNameRun(hint.name, 0);
    return {
      hint,
      entity: builder.add(
        hint.name,
        run?.kind === 'org' || run?.kind === 'publication' ? run.kind : 'person',
        -1,
      ),
    };
  });
  for (const paragraph of paragraphs) {
    if (isHeadline(paragraph.text)) continue;
    for (const piece of paragraphPieces(paragraph)) scanParagraph(builder, piece);
  }
  // Roles written in the text come first; front-matter roles only fill in.
  for (const { hint, entity } of hinted)
    if (hint.role && !entity.roles.includes(hint.role)) entity.roles.push(hint.role);
  // Lists may name people by surname before or after their full name: resolve against the whole table.
  // A one-word member that is nobody's surname ("Ukraine") is not a person.
  for (const list of builder.lists) {
    const names = list.names.map((name) => (name.includes(' ') ? name : builder.surnameOwner(name)?.name));
    list.names = [...new Set(names.filter((name): name is string => name !== undefined))];
  }
  for (const entity of builder.entities) entity.mentions.sort((a, b) => a - b);
  return {
    entities: builder.entities,
    lists: builder.lists.filter((l) => l.names.length >= 2),
    kin: builder.kin,
    byName: builder.byName,
    aliases: builder.aliases,
  };
}
