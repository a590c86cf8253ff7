// Reads the speaker that ends right before a reporting verb ("In their letter, the Senators | wrote",
// "U.S. Senator Jack Reed (D-RI), the Chairman of …, today | issued"). The subject must be a whole noun
// phrase bounded by punctuation or the sentence start, which rules out objects and subordinate clauses.

import { ADDRESS, appositiveKind, PARTY_TAG, roleText } from './appositive.js';
import { isKinNoun } from './kinship.js';
import { NON_NAME_WORDS, SPEECH_VERBS, TIME_WORDS, TITLE_WORDS, VERB_ADVERBS } from './lexicon.js';
import { type NameRun, readNameRun } from './name-runs.js';
import { isRoleNoun, ROLE_NOUNS, SPOKES_NOUNS, STATEMENT_NOUNS } from './noun-lexicon.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import { readWords, type Word } from './read-word.js';

export interface Subject {
  np: NounPhrase;
  /** Appositive role written between the subject and the verb. */
  role: string | null;
}

export interface RelativeSubject {
  /** "which"/"that"/"who" opening a relative clause: the speaker is what comes before `comma`. */
  relative: string;
  comma: number;
}

const BOUNDARY = /[,;:()"“”\u2014\u2013\u2591]/;
// Conjunctions, adverbs and time words before the subject; subordinators too ("…, when Hartigan said …"),
// but not "if"/"unless": speech a condition supposes was not said. Manner adverbs in -ly ("and
// privately the mayor said") are an open class English forms by that suffix (lowercase: "Kelly" is a name).
const ADVERBIAL_PREFIX =
  /^(?:(?:but|and|so|yet|however|meanwhile|then|now|also|still|later|earlier|afterwards?|finally|eventually|again|soon|instead|today|yesterday|(?:on|last|this|next)\s+\w+|in\s+\d{4}|when|after|before|as|while|because|since|although|though|once|until)\s+)+$/i;
const MANNER_ADVERB = /^[a-z]{3,}ly$/;

function adverbialPrefix(prefix: string): boolean {
  if (ADVERBIAL_PREFIX.test(prefix)) return true;
  return prefix
    .trim()
    .split(/\s+/)
    .every((word) => MANNER_ADVERB.test(word) || ADVERBIAL_PREFIX.test(`${word} `));
}

/**
 * The words before end in a verb of speech, maybe with "that" ("Okoye said", "she testified that"): what
 * follows opens a reported clause.
 */
export function reportingPrefix(prefix: string): boolean {
  const words = prefix.trim().split(/\s+/);
  const last = words.at(-1)?.toLowerCase() === 'that' ? words.at(-2) : words.at(-1);
  return words.length >= 2 && SPEECH_VERBS.has((last ?? '').toLowerCase());
}

const RELATIVES = new Set(['which', 'that', 'who']);
/** ", 27", ", D-Ohio" or ", Sycamore Lane" ending a subject: an age, party tag or address set off like an appositive. */
// A legislator's tag names a party and a home town, of up to three words ("R-Olathe", "D-Kansas City").
const SKIPPED_BEFORE = new RegExp(String.raw`,\s+(?:\d{1,3}|${PARTY_TAG}|${ADDRESS})$`, 'u');

function trimEnd(text: string, end: number, floor: number): number {
  while (end > floor && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/** Drops adverbs and time words between subject and verb: "Jack Reed … today | issued". */
/**
 * "Hallworth herself told reporters …": an intensive reflexive right after the subject stresses it and
 * is never the subject itself (English's closed set of them).
 */
const INTENSIVES = new Set(['himself', 'herself', 'themselves', 'itself', 'myself', 'ourselves']);

function stripTrailingAdverbs(text: string, end: number, floor: number): number {
  for (;;) {
    end = trimEnd(text, end, floor);
    const last = readWords(text, Math.max(floor, end - 30), end).pop();
    if (!last || last.end !== end) return end;
    // "Her husband used to say …": "used to" before a verb's base form is the habitual past, an
    // auxiliary as "would" is.
    if (last.bare === 'to' && /\bused\s+$/.test(text.slice(Math.max(floor, last.start - 6), last.start))) {
      end = text.lastIndexOf('used', last.start);
      continue;
    }
    if (!VERB_ADVERBS.has(last.bare) && !TIME_WORDS.has(last.bare) && !INTENSIVES.has(last.bare)) return end;
    end = last.start;
    const before = readWords(text, Math.max(floor, end - 10), end).pop();
    if (before && TIME_WORDS.has(last.bare) && ['on', 'last', 'this'].includes(before.bare))
      end = before.start;
  }
}

/**
 * "Ellen Castellane, whose father, Vincent Castellane, opened the store in 1972, said": a relative clause
 * may hold commas of its own (an appositive inside it), so the clause is found from its pronoun, not
 * from the comma nearest the verb; everything from ", who/which/whose" to the verb describes the subject
 * before it. Bounded by the length a relative clause between subject and verb has in news prose.
 */
function relativeClauseStart(masked: string, end: number, floor: number): number | null {
  for (let c = end - 2; c > floor; c--) {
    if (masked[c] !== ',' || masked[c + 1] !== ' ') continue;
    const body = masked.slice(c + 2, end - 1).trim();
    if (/[\u2591"“”]/.test(body) || body.split(/\s+/).length > 16) return null;
    if (/^(?:who|which|whose)\b/i.test(body)) return c;
  }
  return null;
}

/** ", a national security attorney," before the verb: returns where the subject ends and the role. */
function stripAppositive(
  masked: string,
  end: number,
  floor: number,
): { end: number; role: string | null } | null {
  if (masked[end - 1] !== ',') return { end, role: null };
  const relative = relativeClauseStart(masked, end, floor);
  if (relative !== null) return { end: relative, role: null };
  for (let c = end - 2; c > floor; c--) {
    if (masked[c] !== ',' || masked[c + 1] !== ' ') continue;
    const body = masked.slice(c + 2, end - 1).trim();
    if (/[\u2591"“”]/.test(body)) continue;
    // "Musk, who has endorsed Trump, said" / "Ruiz, whose son, Tomás, is missing, said": a relative
    // clause between subject and verb is skipped.
    if (/^(?:who|which|whose)\b/i.test(body) && body.split(/\s+/).length <= 16) return { end: c, role: null };
    const kind = appositiveKind(body);
    if (kind === 'skip') return { end: c, role: null };
    if (kind === 'role') return { end: c, role: roleText(body) };
  }
  return null;
}

/** "A White House spokesman, Kush Desai, said": the name in the appositive speaks, with that role. */
/**
 * "The owner of the hardware store on the corner": a role noun with its own prepositional complements,
 * which describe the role and never name the speaker.
 */
function roleWithComplement(text: string, start: number, end: number): NounPhrase | null {
  const np = readNounPhrase(text, start, true);
  if (np?.kind !== 'role' || np.end >= end) return null;
  return ROLE_COMPLEMENT.test(text.slice(np.end, end)) ? np : null;
}

/** What may describe an organisation named after it: "her landlord", "its parent company", "the utility". */
const DESCRIBING_KINDS = new Set(['role', 'owned', 'org']);
/**
 * A determiner and a few lowercase words ("Her landlord", "The developer", "the company he founded"):
 * a common-noun description, whatever its noun; a name would bring a capital. Before a comma and an
 * organisation's name closed by another comma, it is the name's apposition.
 */
// A possessive may stand before the head: "The college's provost", "the workers' lawyer".
const LOWERCASE_DESCRIPTION =
  /^(?:[Tt]he|[Ii]ts|[Hh]er|[Hh]is|[Tt]heir|[Aa]n?)\s+(?:[\p{Ll}-]+(?:['’]s|s['’])?\s+){0,2}[\p{Ll}-]+$/u;

/**
 * "The House speaker", "The Senate majority leader": a name may modify a description's lowercase head;
 * before a person's full name set off by commas the head still describes that person.
 */
const NAME_MODIFIED_DESCRIPTION =
  /^(?:[Tt]he|[Ii]ts|[Hh]er|[Hh]is|[Tt]heir|[Aa]n?)\s+(?:\p{Lu}[\p{L}’'-]*\s+){1,2}(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+$/u;

const AFFILIATION_TAIL = /^\s+(?:of|at|from|with)\s+(?:the\s+)?\p{Lu}[^,;:"“”\u2591]{1,60}$/u;
const PARENTHESIS_TAIL = /^\s*\([^()]{1,40}\)$/;
const NAME_AFFILIATION = /^\s+(?:of|at|from|with)\s+\p{Lu}[^,;:"“”\u2591]{1,60}?,/u;

/** " who has worked on the case": a relative clause without commas, of a few words and no quote. */
const RESTRICTIVE_RELATIVE = /^\s+who\s+(?:[^\s,;:"“”\u2591]+\s+){0,8}[^\s,;:"“”\u2591]+$/u;

/**
 * "An officer who has worked on the case said": a restrictive relative clause on an indefinite role is
 * all the text says of who spoke, so the subject is the whole description.
 */
function describedByClause(text: string, start: number, end: number): NounPhrase | null {
  const np = readNounPhrase(text, start, true);
  if (np?.kind !== 'role' || np.definite || !RESTRICTIVE_RELATIVE.test(text.slice(np.end, end))) return null;
  return { ...np, end, text: text.slice(np.start, end) };
}
const ROLE_COMPLEMENT = /^(?:\s+(?:of|at|for|on|in|from|with)\s+[^,;:"“”\u2591]{1,60}?)+$/;

function nameAppositive(text: string, masked: string, end: number, floor: number): Subject | null {
  if (masked[end - 1] !== ',') return null;
  const comma = masked.lastIndexOf(', ', end - 2);
  if (comma <= floor) return null;
  const run = readNameRun(text, comma + 2);
  // "A researcher, Dr. Helen Achebe of the Northgate Institute, said": where she works may close the
  // apposition.
  // "Its sponsor, Rep. Karl Halvorsen (D-Minn.), said": so may a parenthesis (a party tag, an age),
  // which English sets off inside the apposition it belongs to.
  const placed = (r: NameRun) =>
    r.end < end - 1 &&
    (AFFILIATION_TAIL.test(text.slice(r.end, end - 1)) || PARENTHESIS_TAIL.test(text.slice(r.end, end - 1)));
  if (!run || (run.end !== end - 1 && !placed(run)) || run.kind === 'publication') return null;
  const before = chunkStart(masked, comma, floor);
  // The role is read on the text cut at the comma, so "The board chair" is not read on into the name;
  // "But its chairman, …" may open with a conjunction or adverb.
  const role =
    parseChunk(text.slice(0, comma), before, comma, floor) ?? roleWithComplement(text, before, comma);
  // "Her landlord, Crestmoor Property Partners, had argued": a description set off before an
  // organisation's name describes the organisation, which is the subject (as a person's name is
  // after "A White House spokesman,").
  if (run.kind === 'org') {
    const describes =
      (role !== null && DESCRIBING_KINDS.has(role.kind) && role.end === comma) ||
      LOWERCASE_DESCRIPTION.test(text.slice(before, comma));
    return describes && run.end === end - 1
      ? { np: { kind: 'org', start: run.start, end: run.end, text: run.name, run }, role: null }
      : null;
  }
  // "A White House spokesman", "Smith's lawyer", or titles alone: "The Prime Minister".
  const titles = role?.run?.words.every((w) => TITLE_WORDS.has(w.bare) || ROLE_NOUNS.has(w.bare)) ?? false;
  // "A residents' group, Friends of the Pell River, said": an organisation named after its description.
  const described = role?.kind === 'org' && !role.run && run.kind === 'unknown';
  // A one-word run is a name only as an organisation's, with its "of the …" ("Friends of the Pell River").
  if (run.nameWords.length < 2 && !described) return null;
  if (!role || (role.kind !== 'role' && role.kind !== 'owned' && !titles && !described)) {
    const description =
      describedRole(text.slice(before, comma)) ?? lowercaseDescription(text.slice(before, comma));
    if (!description) return null;
    const np: NounPhrase = { kind: 'name', start: run.start, end: run.end, text: run.name, run };
    return { np, role: description };
  }
  // The organisation's name runs to the closing comma, "of the Pell River" included.
  const nameEnd = described ? end - 1 : run.end;
  const name = text.slice(run.start, nameEnd);
  const np: NounPhrase = {
    kind: described ? 'org' : 'name',
    start: run.start,
    end: nameEnd,
    text: name,
    run: described ? { ...run, kind: 'org', name, end: nameEnd } : run,
  };
  return { np, role: described ? null : role.text.replace(/^(?:a|an|the)\s+/i, '') };
}

/**
 * "An authority spokesman", "A longshoreman who has worked the night shift for 22 years": a short
 * description whose head noun names a person, optionally with a relative clause, set off before a full
 * name. The closing comma after the name shows the apposition, so the name is the subject.
 */
const DESCRIPTION =
  /^(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+((?:[\p{L}’'-]+\s+){0,3}?([\p{Ll}-]+))(?:\s+who\s+[^,;:]{1,100})?$/u;

function describedRole(chunk: string): string | null {
  const m = DESCRIPTION.exec(chunk.trim());
  const head = m?.[2] ?? '';
  return m?.[1] && (isRoleNoun(head) || SPOKES_NOUNS.has(head)) ? m[1] : null;
}

/** Units of time: "The next day, Evelyn Taggart said" opens with a time adverbial, not a description. */
const TIME_UNITS = new Set(
  'moment second minute hour day night morning afternoon evening week weekend month year decade century time'.split(
    ' ',
  ),
);

/**
 * "The homeowner, Evelyn Taggart, …": a determiner and lowercase words set off before a full name and
 * the comma closing it describe the person, whatever the noun (the apposition shows it), unless they
 * say when ("The next day, …") or name a relative. Returns the description without its article.
 */
function lowercaseDescription(chunk: string): string | null {
  const whole = chunk.trim();
  // "A reader in Rockport, Tom Greer, …": the description may place the person ("in Rockport").
  const place = PLACE_TAIL.exec(whole);
  const trimmed = place ? whole.slice(0, place.index) : whole;
  if (!LOWERCASE_DESCRIPTION.test(trimmed) && !NAME_MODIFIED_DESCRIPTION.test(trimmed)) return null;
  const words = trimmed.split(/\s+/);
  const head = words.at(-1) ?? '';
  // A relative ("Her son, Mateo Ortiz") is a relation the kinship rules record, not a role.
  if (TIME_UNITS.has(head.replace(/s$/, '')) || isKinNoun(head)) return null;
  const described = /^(?:the|an?)$/i.test(words[0] ?? '') ? words.slice(1).join(' ') : trimmed;
  return place ? `${described}${place[0]}` : described;
}

const PLACE_TAIL = /\s+(?:in|from|of|at)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;

/** How many words of description may stand before a full name: "Dutch stroke", "longtime resident". */
const MAX_DESCRIPTION_WORDS = 3;

/**
 * "Dutch stroke Femke de Ruiter said": a short description written before a full name, with at least
 * one lowercase word (so it is not part of the name), makes the name the subject and the description
 * its role, whatever the nouns are.
 */
function describedBefore(text: string, start: number, end: number): { np: NounPhrase; role: string } | null {
  const words = readWords(text, start, end).slice(0, MAX_DESCRIPTION_WORDS + 1);
  for (let k = 1; k < words.length; k++) {
    const before = words.slice(0, k);
    if (!before.some((w) => !w.capital) || before.some((w) => NON_NAME_WORDS.has(w.bare))) continue;
    const at = words[k] as Word;
    const run = readNameRun(text, at.start);
    if (
      !run ||
      run.end !== end ||
      run.nameWords.length < 2 ||
      run.kind === 'org' ||
      run.kind === 'publication'
    )
      continue;
    const np: NounPhrase = { kind: 'name', start: run.start, end: run.end, text: run.name, run };
    return { np, role: text.slice(start, at.start).trim() };
  }
  return null;
}

/**
 * "The Ministry of Land, Transport and Regional Affairs said": the commas of a name listing its remits
 * (name-runs.ts) are no boundary of the subject — the chunk starts where that name does, when one
 * started before the chunk runs to its end.
 */
function orgNameStart(text: string, masked: string, start: number, end: number, floor: number): number {
  let at = start;
  for (let hops = 0; hops < MAX_REMITS && /,\s*$/.test(masked.slice(Math.max(floor, at - 3), at)); hops++) {
    const earlier = chunkStart(masked, masked.lastIndexOf(',', at - 1), floor);
    if (earlier >= at) break;
    const np = readNounPhrase(text, earlier, earlier === floor);
    if (np?.kind === 'org' && np.end === end) return earlier;
    at = earlier;
  }
  return start;
}

/** The most commas a remit list puts in a name. */
const MAX_REMITS = 5;

function chunkStart(masked: string, end: number, floor: number): number {
  let b = end;
  while (b > floor && !BOUNDARY.test(masked[b - 1] ?? '')) b--;
  while (b < end && /\s/.test(masked[b] ?? '')) b++;
  return b;
}

/** Tries the chunk start, then later word starts after an adverbial prefix ("Last week Smith said"). */
function parseChunk(text: string, start: number, end: number, floor: number): NounPhrase | null {
  // "A user named Rae Ridge wrote": the name a description introduces is the speaker.
  const introduced = namedIntroduction(text, start);
  if (introduced?.end === end) return introduced;
  const candidates = [start, ...readWords(text, start, end).map((w) => w.start)];
  for (const candidate of candidates) {
    const prefix = text.slice(start, candidate);
    // "… praised what she called": a subject right after "what" opens a free relative clause; "Okoye
    // said Quist had complained that …": one right after a reporting verb opens the reported clause,
    // whose own verb of speech reports what Quist said.
    if (
      candidate !== start &&
      !adverbialPrefix(prefix) &&
      !/\bwhat\s+$/i.test(prefix) &&
      // "a final that the association's president, Harlan Voss, called …": in an object relative
      // clause the words after the relative pronoun are the subject of its verb.
      !/\s(?:that|which|whom)\s+$/i.test(prefix) &&
      !reportingPrefix(prefix)
    )
      continue;
    const np = readNounPhrase(text, candidate, candidate === floor || candidate === start);
    if (np && np.end === end) return np;
    const place = np ? placedBy(text, np, end) : null;
    // "Analysts at Raymond James said": unnamed people placed at an organisation speak for it, as an
    // unnamed spokesperson does.
    if (np && place) return np.kind === 'group' && np.definite === false && place.kind === 'org' ? place : np;
    // "A union steward at the plant said": a role's own complements describe the role, not the speaker.
    // An unnamed one ("a union steward at the plant") is described by them, as by a relative clause.
    if (np?.kind === 'role' && np.end < end && ROLE_COMPLEMENT.test(text.slice(np.end, end)))
      return np.definite ? np : { ...np, end, text: text.slice(np.start, end) };
    // "A Bellweather Research survey of 800 city adults in February found": what a document covers and
    // when describe the document, which speaks for its owner.
    if (
      np?.kind === 'owned' &&
      STATEMENT_NOUNS.has(np.head ?? '') &&
      np.end < end &&
      ROLE_COMPLEMENT.test(text.slice(np.end, end))
    )
      return np;
  }
  return null;
}

const PLACING_PREPOSITION = /^\s+(?:of|from|at|in|for)\s+/;
const PLACED_KINDS = new Set(['name', 'owned', 'org', 'role', 'group']);
const PLACE_KINDS = new Set(['name', 'org', 'publication']);

/**
 * "Economist Hanna Berg of the University of Kent", "A spokesman for the ministry in Paris", "A lawyer
 * for Castellan": a named place, institution or client after the speaker says where or for whom they
 * work, and the speaker is still the subject.
 */
function placedBy(text: string, np: NounPhrase, end: number): NounPhrase | null {
  if (!PLACED_KINDS.has(np.kind)) return null;
  const prep = PLACING_PREPOSITION.exec(text.slice(np.end, end));
  if (!prep) return null;
  const place = readNounPhrase(text, np.end + prep[0].length);
  return place !== null && PLACE_KINDS.has(place.kind) && place.end === end ? place : null;
}

const COMMA_ADJUNCT =
  /,\s+(?:in|on|at|during|through|via|after|before|speaking|writing)\s[^,;:"“”\u2591]{1,100},\s*$/u;

/** How many words the subject of a relative clause may have: "the regional cooperative". */
const MAX_RELATIVE_SUBJECT_WORDS = 4;

/**
 * "a project that the cooperative says will supply …", "a move she said was unavoidable": in a relative
 * clause whose gap is the subject of the reported clause, the reporting verb's subject follows "that",
 * "which" or (with "that" left out) a noun, and the reported clause starts at the verb after "said".
 * The verb after the speech verb (clause-acts.ts) shows the clause, so the noun phrase before is its
 * speaker.
 */
function gapRelativeSubject(text: string, start: number, end: number): NounPhrase | null {
  const words = readWords(text, start, end);
  for (let k = words.length - 1; k >= Math.max(1, words.length - MAX_RELATIVE_SUBJECT_WORDS); k--) {
    const previous = words[k - 1] as Word;
    const word = words[k] as Word;
    const relative = previous.bare === 'that' || previous.bare === 'which';
    const pronoun = /^(?:he|she|they|we|it)$/.test(word.text);
    const afterNoun = pronoun && !previous.capital && !NON_NAME_WORDS.has(previous.bare);
    if (!relative && !afterNoun) continue;
    const np = readNounPhrase(text, word.start);
    if (np && np.end === end) return np;
  }
  return null;
}

/** Dashes that set off a parenthetical: em and en dash, and the typewriter "--". */
const DASH_BEFORE = /(?:\u2014|\u2013|--)$/;
/** The most words a dash parenthetical between subject and verb has in news prose (as a relative clause). */
const MAX_DASH_WORDS = 16;

/**
 * Where a parenthetical set off by a pair of dashes starts, when one ends right before the verb
 * ("Rachel Tenney — no relation to the defendant — testified"). English punctuation sets off an
 * interruption with paired dashes just as with paired commas or parentheses; what it encloses
 * describes the subject and never is it. Null when the text before the verb ends in no dash, or the
 * opening dash is not in the same stretch of the sentence (no quote, no other boundary but commas).
 */
function dashParentheticalStart(masked: string, end: number, floor: number): number | null {
  const closing = DASH_BEFORE.exec(masked.slice(Math.max(floor, end - 2), end));
  if (!closing) return null;
  const inner = end - closing[0].length;
  for (let c = inner - 1; c > floor; c--) {
    const ch = masked[c] ?? '';
    if (/[;:()"“”\u2591.!?]/u.test(ch)) return null;
    const opening = ch === '\u2014' || ch === '\u2013' ? c : masked.startsWith('--', c - 1) ? c - 1 : null;
    if (opening === null) continue;
    const body = masked.slice(opening + (ch === '-' ? 2 : 1), inner).trim();
    const words = body.split(/\s+/).filter(Boolean).length;
    return words > 0 && words <= MAX_DASH_WORDS && opening > floor ? opening : null;
  }
  return null;
}

/**
 * The subject ending right before `verbStart` (no further left than `floor`). `masked` is the paragraph
 * with quoted words blanked out, so punctuation inside quotes is never taken for a boundary.
 */
export function readSubjectBefore(
  text: string,
  masked: string,
  verbStart: number,
  floor: number,
): Subject | RelativeSubject | null {
  const subject = subjectBefore(text, masked, verbStart, floor);
  // "She told me that what a salesman says out loud can matter": after "what" the subject and its verb
  // make a free relative, a noun phrase ("the thing a salesman says"), which reports nothing — unless
  // the sentence supplies what was said: a quoted term ("what she calls “a great deal of optimism”")
  // or a cleft ("What Walter said was that …").
  const free =
    subject !== null &&
    'np' in subject &&
    FREE_RELATIVE.test(text.slice(Math.max(floor, subject.np.start - 10), subject.np.start));
  if (free && !SUPPLIED_CONTENT.test(text.slice(verbStart).replace(/^\S+\s*/, ''))) return null;
  return subject;
}

const FREE_RELATIVE = /\b(?:what|whatever)\s+$/i;
const SUPPLIED_CONTENT = /^(?:[“"‘'«„»]|(?:[\p{L}’'-]+\s+){0,3}(?:was|is|were|are)\b)/u;

function subjectBefore(
  text: string,
  masked: string,
  verbStart: number,
  floor: number,
): Subject | RelativeSubject | null {
  let end = stripTrailingAdverbs(text, verbStart, floor);
  // "Lindahl, in a letter to customers, wrote": an adjunct set off by commas stands between the
  // subject and its verb, and says where or how it was said, not who.
  const adjunct = COMMA_ADJUNCT.exec(masked.slice(Math.max(floor, end - 120), end));
  if (adjunct && end - adjunct[0].length > floor)
    end = stripTrailingAdverbs(text, end - adjunct[0].length, floor);
  const dash = dashParentheticalStart(masked, end, floor);
  if (dash !== null) {
    end = trimEnd(text, dash, floor);
    // "A neighbor, Rachel Tenney — no relation to the defendant — testified": the opening dash closes
    // the apposition as a comma would, so the name is read as if a comma stood there.
    const closed = nameAppositive(text, `${masked.slice(0, end)},`, end + 1, floor);
    if (closed) return closed;
  }
  const named = nameAppositive(text, masked, end, floor);
  if (named) return named;
  let appositive = stripAppositive(masked, end, floor);
  if (!appositive) return null;
  const stripped = appositive.end < end;
  // "Mark Delacroix, chief executive of Tolland Water Co., the largest of the private operators, said":
  // a second role appositive may stand before the first; the one next to the name is its role.
  if (appositive.role) {
    const inner = stripAppositive(masked, appositive.end + 1, floor);
    if (inner?.role && inner.end < appositive.end) appositive = inner;
  }
  // "The homeowner, Evelyn Taggart, a retired nurse, said": the role appositive follows a name that is
  // itself in apposition to a description; its comma closes that apposition.
  const described = appositive.role ? nameAppositive(text, masked, appositive.end + 1, floor) : null;
  if (described) return { np: described.np, role: appositive.role };
  end = trimEnd(text, appositive.end, floor);
  // "Jolene Ferris, 27, a nurse …, told": an age or party tag may stand before the role appositive.
  const skipped = stripped ? SKIPPED_BEFORE.exec(text.slice(Math.max(floor, end - 24), end)) : null;
  if (skipped) end -= skipped[0].length;
  const tag = /\s*\([^()]{1,40}\)$/.exec(text.slice(floor, end));
  if (tag) end -= tag[0].length;
  const start = orgNameStart(text, masked, chunkStart(masked, end, floor), end, floor);
  if (start >= end) return null;
  const chunk = text.slice(start, end).trim().toLowerCase();
  if (RELATIVES.has(chunk) && masked[start - 2] === ',') return { relative: chunk, comma: start - 2 };
  let np =
    parseChunk(text, start, end, floor) ??
    gapRelativeSubject(text, start, end) ??
    describedByClause(text, start, end);
  if (!np) {
    const described = describedBefore(text, start, end);
    return described ? { np: described.np, role: appositive.role ?? described.role } : null;
  }
  // A list split by commas ("Warren, Shaheen and Duckworth"): extend to the left while it stays a list.
  for (let s = start; np.kind === 'list' || np.kind === 'name'; ) {
    if (masked[s - 2] !== ',' && !/,\s*$/.test(masked.slice(Math.max(floor, s - 3), s))) break;
    const earlier = chunkStart(masked, masked.lastIndexOf(',', s - 1), floor);
    const wider = earlier < s ? readNounPhrase(text, earlier, earlier === floor) : null;
    if (!wider || wider.end !== end || wider.kind !== 'list') break;
    np = wider;
    s = earlier;
  }
  return { np, role: appositive.role };
}

/**
 * "a kayaker named", "an engineer called": an indefinite description that introduces a name, after
 * a short time or place phrase written without a comma ("In 2011 a kayaker named …").
 */
const NAMING_DESCRIPTION =
  /^(?:(?:In|On|At|During|After|Before|Since|Last|That|One)\s+(?:[\p{L}\p{N}’'-]+\s+){1,3}?)?(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\p{Ll}’'-]+\s+){1,3}?(?:named|called)\s+/u;

/**
 * "In 2011 a kayaker named Lena Brook got caught by a squall": English introduces someone new with
 * "a NOUN named/called NAME", whatever the noun, and the person is the name. Only a full name (two
 * words or more, or a handle; no organisation) counts: "a group called Friends of X" names no person.
 */
function namedIntroduction(text: string, pos: number): NounPhrase | null {
  const m = NAMING_DESCRIPTION.exec(text.slice(pos, pos + 80));
  if (!m) return null;
  const run = readNameRun(text, pos + m[0].length);
  // A handle names one account by itself ("a user named @fernhollow").
  const full = run && (run.nameWords.length >= 2 || run.name.startsWith('@'));
  if (!run || !full || run.kind === 'org' || run.kind === 'publication') return null;
  return { kind: 'name', start: run.start, end: run.end, text: run.name, run };
}

/**
 * The subject opening a sentence, for pronouns later in the paragraph. "Her neighbor, retired
 * firefighter Tom Becker, helped …" has Tom Becker as its subject, not "Her neighbor".
 */
export function readSentenceSubject(text: string, pos: number): NounPhrase | null {
  const introduced = namedIntroduction(text, pos);
  if (introduced) return introduced;
  const relative = describedByRelative(text, pos);
  if (relative) return relative;
  const np = readNounPhrase(text, pos, true);
  if (!np || (np.kind !== 'role' && np.kind !== 'owned' && np.kind !== 'group')) return np;
  // "The owner of the hardware store on the corner, Frank Lutz, said": the role's own complements come
  // before the name in apposition.
  const named = /^(?:\s+(?:of|at|for|on|in|from|with)\s+[^,;:"“”\u2591]{1,60}?)?,\s+/.exec(
    text.slice(np.end),
  );
  const name = named ? readNounPhrase(text, np.end + named[0].length) : null;
  // "Another analyst, Tom Rasmussen of Ridgeline Capital, was …": where the person works may follow.
  const affiliation = name ? NAME_AFFILIATION.exec(text.slice(name.end)) : null;
  return name?.kind === 'name' && (text[name.end] === ',' || affiliation) ? name : np;
}

/**
 * "The restorer who finally took it apart, Imogen Tarrant, laughs": a description with its relative
 * clause, set off before a full name and the comma closing it, is that person (the apposition shows it),
 * as a shorter description is (describedBefore).
 */
const RELATIVE_DESCRIPTION =
  /^(?:The|A|An|One|Another)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+\s+(?:who|that)\s+[^,;:"“”\u2591]{1,100}?,\s+/u;

function describedByRelative(text: string, pos: number): NounPhrase | null {
  const m = RELATIVE_DESCRIPTION.exec(text.slice(pos, pos + 160));
  if (!m) return null;
  const name = readNounPhrase(text, pos + m[0].length);
  return name?.kind === 'name' && name.run && name.run.nameWords.length >= 2 && text[name.end] === ','
    ? name
    : null;
}
