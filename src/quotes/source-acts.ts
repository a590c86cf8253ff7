// Sieve 4 and its relatives within a sentence: `according to X`, participles that carry the speaker on
// (`…," Meyer said, adding that …`), and labels (`X called the plan "…"`, `its statement …, which
// called the report an "…"`).

import type { Range } from '../text/sentences.js';
import { lexiconTags } from '../text/word-lexicon.js';
import { readAppositive } from './appositive.js';
import { LABEL_VERBS, SPEECH_PARTICIPLES } from './lexicon.js';
import { readNameRun } from './name-runs.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import { readWords } from './read-word.js';
import { makeAct, type Sentence, type SpeechAct, trimClause } from './speech-act.js';
import { readSubjectBefore } from './subject-before.js';

const DOCUMENT_HEADS = new Set([
  'records',
  'documents',
  'data',
  'figures',
  'study',
  'survey',
  'poll',
  'filings',
  'estimates',
  'statistics',
  'analysis',
  'census',
  'research',
  'report',
  // Examinations that report what they found ("an evaluation by the office", "the audit by X").
  'evaluation',
  'audit',
  'review',
  'assessment',
  // Papers filed or sent, credited to whoever the text says filed or sent them ("a complaint filed
  // Thursday by the prosecutor's office", "a letter from the agency"); the author must be named.
  'complaint',
  'lawsuit',
  'indictment',
  'filing',
  'letter',
  'memo',
]);

/**
 * Participles that report speech only with "that" after them: ", ruling that …" reports a court's
 * holding, while ", ruling party" or ", finding work" do not report anything.
 */
const THAT_PARTICIPLES = new Set(
  'ruling holding finding concluding contending asserting predicting estimating announcing suggesting'.split(
    ' ',
  ),
);

export function findParticipleActs(masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  const re = /,\s+([a-z]+)\s+(?:that\s+)?/g;
  re.lastIndex = s.contentStart;
  for (let m = re.exec(masked); m && m.index < s.end; m = re.exec(masked)) {
    const that = /that\s+$/.test(m[0]);
    if (!SPEECH_PARTICIPLES.has(m[1] ?? '') && !(that && THAT_PARTICIPLES.has(m[1] ?? ''))) continue;
    const clause = trimClause(masked, m.index + m[0].length, s.end);
    acts.push(makeAct('participle', null, `${m[1]} that`, m.index, m.index + m[0].length, clause));
  }
  return acts;
}

const RELATIVE_START = /^\s*(?:which|who|whose|whom)\b/;

/** A survey's author named right after it: "a poll (released Thursday) by X", "a study from X". */
const AUTHOR_WINDOW = 40;
const AUTHOR_KINDS = new Set(['name', 'org', 'publication']);
/** "a poll", "the latest survey", "new census figures": determiner, up to two modifiers, a document head. */
const DOCUMENT_PHRASE = new RegExp(
  // "a 2025 report": a year or a number may stand among the modifiers.
  String.raw`^(?:(?:a|an|the|its|their)\s+)?(?:[\p{L}\p{N}-]+\s+){0,2}?(${[...DOCUMENT_HEADS].join('|')})\b`,
  'iu',
);

function documentAuthor(text: string, masked: string, from: number): NounPhrase | null {
  // "The audit, released Monday by the Controller, found …": the participle may be set off by a comma.
  const by = /^(?:,\s+)?[^,;:\u2591]*?\b(?:by|from)\s+/.exec(masked.slice(from, from + AUTHOR_WINDOW));
  if (!by) return null;
  const at = from + by[0].length;
  const np = readNounPhrase(text, at);
  if (np && AUTHOR_KINDS.has(np.kind)) return np;
  const placed = RESEARCHERS_AT.exec(masked.slice(at, at + AUTHOR_WINDOW));
  return placed ? institutions(text, at + placed[0].length) : null;
}

/** "a study led by researchers at X (and Y)": the researchers' institutions author the study. */
const RESEARCHERS_AT =
  /^(?:a\s+team\s+(?:of\s+\p{Ll}+\s+)?|\p{Ll}+\s+)?(?:researchers|scientists|economists|engineers|team)\s+(?:at|from)\s+/u;

/**
 * The organisation named at `at`, or two joined by "and" ("Tamsworth University and the Greywater
 * Institute of Ecology"): a study led from two institutions is theirs jointly, one speaker under both
 * names as the text writes them.
 */
function institutions(text: string, at: number): NounPhrase | null {
  const first = readNounPhrase(text, at);
  if (first?.kind !== 'org' || !first.run) return null;
  const and = /^\s+and\s+/.exec(text.slice(first.end, first.end + 8));
  const second = and ? readNounPhrase(text, first.end + and[0].length) : null;
  if (second?.kind !== 'org' || !second.run) return first;
  const name = text.slice(first.run.start, second.end);
  return { ...first, end: second.end, text: name, run: { ...first.run, end: second.end, name } };
}

/** The author may be placed further ("by X at Y University"): its phrase ends at the next comma. */
function authorPhraseEnd(masked: string, from: number): number {
  const comma = masked.slice(from, from + AUTHOR_WINDOW).search(/[,;]/);
  return comma < 0 ? from : from + comma;
}

/**
 * "…, with the drivers' union saying that few routes would run": an absolute "with" phrase names the
 * speaker of its participle outright.
 */
export function findWithActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  const re = /\bwith\s+/g;
  re.lastIndex = s.contentStart;
  for (let m = re.exec(masked); m && m.index < s.end; m = re.exec(masked)) {
    const np = readNounPhrase(text, m.index + m[0].length);
    if (!np || np.kind === 'pronoun') continue;
    const participle = /^\s+([a-z]+)\s+(?:that\s+)?/.exec(masked.slice(np.end, s.end));
    if (!participle || !SPEECH_PARTICIPLES.has(participle[1] ?? '')) continue;
    const cueEnd = np.end + participle[0].length;
    acts.push(
      makeAct('clause', np, `${participle[1]} that`, np.start, cueEnd, trimClause(text, cueEnd, s.end)),
    );
  }
  return acts;
}

const FINDING = /\b(?:found|finds|showed|shows|concluded|concludes)\s+that\s+/g;

/** "It was later confirmed by the authority that …": a passive reporting verb names its speaker after "by". */
const PASSIVE_REPORT =
  /\b(?:was|were|is|are|has been|have been|had been)\s+(?:[a-z]+ly\s+|later\s+|also\s+)?(?:said|stated|confirmed|announced|reported|disclosed|acknowledged|claimed|argued|noted)\s+by\s+/g;

export function findPassiveActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  PASSIVE_REPORT.lastIndex = s.contentStart;
  for (let m = PASSIVE_REPORT.exec(masked); m && m.index < s.end; m = PASSIVE_REPORT.exec(masked)) {
    const np = readNounPhrase(text, m.index + m[0].length);
    if (!np || np.kind === 'pronoun') continue;
    // Only "it was … by X that <clause>": the clause is what X said; "the plan was announced by X" has none.
    const that = /^\s+(?:[a-z]+\s+){0,3}?that\s+/.exec(masked.slice(np.end, s.end));
    if (!that) continue;
    const cueEnd = np.end + that[0].length;
    acts.push(
      makeAct(
        'clause',
        np,
        `${m[0].trim().split(/\s+/).at(-2)} by … that`,
        m.index,
        cueEnd,
        trimClause(text, cueEnd, s.end),
      ),
    );
  }
  return acts;
}

/**
 * "A study published this year by the Center for Urban Mobility found that …": a study, survey or poll
 * that names its author reports the author's findings.
 */
export function findFindingActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  const document = DOCUMENT_PHRASE.exec(masked.slice(s.contentStart, s.contentStart + AUTHOR_WINDOW));
  if (!document) return acts;
  const np = documentAuthor(text, masked, s.contentStart + document[0].length);
  if (!np) return acts;
  FINDING.lastIndex = np.end;
  const verb = FINDING.exec(masked);
  // Only the author's own phrase ("at Larkin University") may stand between the author and the verb,
  // and the comma closing a participle that a comma opened after the document.
  if (!verb || verb.index >= s.end) return acts;
  const between = masked.slice(np.end, verb.index);
  const setOff =
    /^\s*,/.test(masked.slice(s.contentStart + document[0].length)) && /^[^,;:\u2591]*,\s*$/.test(between);
  if (/[,;:\u2591]/.test(between) && !setOff) return acts;
  if (verb.index - np.end > AUTHOR_WINDOW) return acts;
  const cueEnd = verb.index + verb[0].length;
  const cue = `${verb[0].trim().split(/\s+/)[0]} that`;
  const act = makeAct('clause', np, cue, s.contentStart, cueEnd, trimClause(text, cueEnd, s.end));
  act.document = document[1]?.toLowerCase();
  acts.push(act);
  return acts;
}

export function findAccordingActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  const re = /\baccording to\s+/gi;
  re.lastIndex = s.contentStart;
  for (let m = re.exec(masked); m && m.index < s.end; m = re.exec(masked)) {
    const at = m.index + m[0].length;
    const read = readNounPhrase(text, at) ?? possessor(text, at);
    // "according to a poll released Thursday by X (in Essen)": a document is read for the author named
    // after it, whose phrase may run on to the comma; "according to the center's survey" has its owner.
    const documentRead = read?.kind === 'owned' && DOCUMENT_HEADS.has(read.head ?? '');
    const unowned = documentRead && !read.owner && !read.ownerPronoun;
    const byAuthor = documentRead && new RegExp(String.raw`\b${read.head}\s+(?:by|from)\s`).test(read.text);
    // "according to the report" (definite) refers back to a document already cited; the resolver knows it.
    const found = (unowned && !read.definite) || byAuthor ? null : read;
    // "according to a poll released Thursday by the X Institute": a survey speaks for whoever made it.
    const document = found ? null : DOCUMENT_PHRASE.exec(masked.slice(at, at + AUTHOR_WINDOW));
    const named = found ? namedInApposition(text, found) : null;
    let np = document ? documentAuthor(text, masked, at + document[0].length) : (named?.np ?? found);
    if (!np || np.kind === 'pronoun') continue;
    // "according to the report": only a report the text has already named an author for.
    const anaphoric = np.kind === 'owned' && np.definite === true && DOCUMENT_HEADS.has(np.head ?? '');
    if (np.kind === 'owned' && !np.owner && !np.ownerPronoun && !anaphoric) continue;
    let after =
      np === found ? readAppositive(text, np.end).end : named ? np.end : authorPhraseEnd(masked, np.end);
    // "according to the authority's budget": whatever the owner's noun (budget, figures, records),
    // it is the owner's account; the source phrase runs on through it.
    const possessive = np === found ? /['’]s?$/.exec(np.text) : null;
    if (possessive) {
      after = ownedNounEnd(masked, np.end);
      np = { ...np, text: np.text.slice(0, possessive.index), end: np.end - possessive[0].length };
    } else if (np === found && /^['’]s?\s/.test(text.slice(np.end))) {
      after = ownedNounEnd(masked, np.end + (text[np.end + 1] === 's' ? 2 : 1));
    }
    // "According to the department, the leak began at a hatch, which …": what looked like an
    // appositive was the reported clause, since a relative clause cannot follow it as the main one.
    if (after > np.end && RELATIVE_START.test(masked.slice(after + 1, after + 10))) after = np.end;
    let complement: Range | null = null;
    if (masked.slice(s.contentStart, m.index).trim() === '' && masked[after] === ',') {
      complement = trimClause(text, after + 1, s.end);
    } else if (interruptsSubject(masked, s, m.index, np.end)) {
      // "The measured drop, according to the office, amounted to …": set off between the subject and
      // its verb, the source scopes over the whole sentence, reported in two parts (as a mid-sentence
      // "she said" is).
      complement = trimClause(text, s.contentStart, s.end);
      after = np.end;
    } else if (
      /,\s*$/.test(masked.slice(s.contentStart, m.index)) &&
      /^,\s+(?:and|but)\s+\p{Ll}/u.test(masked.slice(after, after + 12))
    ) {
      // "Thirty-one staff will be sent on leave, according to the company, and the rest will stay":
      // set off between two coordinated clauses, the source scopes over both, reported in two parts.
      complement = trimClause(text, s.contentStart, s.end);
    } else if (
      /,\s*$/.test(masked.slice(s.contentStart, m.index)) &&
      // "…, according to Minera Atacama Sur, the company that operates the mine.": closing the
      // sentence, the source may carry an appositive that ends with it.
      // So may the author of a document ("according to a 2025 report by X, a think tank in St. Paul.").
      [after, np === found || document ? readAppositive(text, np.end, true).end : after].some((end) =>
        /^[\s.!?"”]*$/.test(masked.slice(end, s.end)),
      )
    ) {
      complement = trimClause(text, s.contentStart, masked.lastIndexOf(',', m.index));
    }
    const act = makeAct('according', np, 'according to', m.index, after, complement, named?.role ?? null);
    act.document = document?.[1]?.toLowerCase();
    acts.push(act);
  }
  return acts;
}

/**
 * "the Northlake Rail Authority's budget", a noun the phrase reader does not know after a named
 * possessor: the possessor, read on its own with its "'s".
 */
function possessor(text: string, at: number): NounPhrase | null {
  const owner = /^(?:the\s+)?(?:\p{Lu}[\p{L}.&-]*\s+){0,5}\p{Lu}[\p{L}.&-]*['’]s?(?=\s)/u.exec(
    text.slice(at, at + 120),
  );
  const name = owner?.[0].replace(/['’]s?$/, '');
  return name ? readNounPhrase(text.slice(0, at + name.length), at) : null;
}

/** The end of the lowercase words (up to three: "budget", "own figures") after a possessive. */
function ownedNounEnd(masked: string, from: number): number {
  const words = /^(?:\s+[\p{Ll}-]+){1,3}/u.exec(masked.slice(from));
  return words ? from + words[0].length : from;
}

/** Words a subject noun phrase may have before an interrupting source ("The rest", "The measured drop"). */
const MAX_SUBJECT_WORDS = 8;

/**
 * ", according to X," between a sentence's subject and its verb: the words before are a short phrase
 * with no comma or verb of its own (a subject), and the words after open with a finite verb — an
 * -ed form, a modal, a copula or an auxiliary — so the sentence is one clause the source interrupts.
 */
function interruptsSubject(masked: string, s: Sentence, at: number, after: number): boolean {
  const before = masked.slice(s.contentStart, at);
  const subject = /^\s*([^,;:]+),\s*$/.exec(before)?.[1]?.trim().split(/\s+/) ?? [];
  if (subject.length === 0 || subject.length > MAX_SUBJECT_WORDS) return false;
  if (subject.some((word, i) => i > 0 && FINITE.test(lexiconTags(word.toLowerCase())))) return false;
  const verb = /^,\s+(\p{Ll}+)\s/u.exec(masked.slice(after, after + 40))?.[1];
  return verb !== undefined && (FINITE.test(lexiconTags(verb)) || /\p{L}{3,}ed$/u.test(verb));
}

const FINITE = /PastTense|PresentTense|Copula|Modal|Auxiliary/;

/**
 * "according to a cooperative spokeswoman, Dana Whitcombe": a role, then the person's full name set off
 * by a comma and closing the phrase (a comma or the sentence's end after it), names who holds the role
 * — the apposition a subject has in "A White House spokesman, Kush Desai, said". The name speaks, the
 * role is theirs. A single capitalised word is no evidence of a person's name, so two are needed.
 */
function namedInApposition(text: string, np: NounPhrase): { np: NounPhrase; role: string } | null {
  if (np.kind !== 'role' && np.kind !== 'owned') return null;
  const comma = /^,\s+/.exec(text.slice(np.end, np.end + 4));
  if (!comma) return null;
  const run = readNameRun(text, np.end + comma[0].length);
  if (!run || run.nameWords.length < 2 || run.kind === 'org' || run.kind === 'publication') return null;
  if (!/^\s*(?:,|[.!?]["”]?\s*$)/.test(text.slice(run.end, run.end + 4))) return null;
  const name: NounPhrase = { kind: 'name', start: run.start, end: run.end, text: run.name, run };
  return { np: name, role: np.text.replace(/^(?:a|an|the)\s+/i, '') };
}

/**
 * Speech verbs whose object may be the speaker's own words in quote marks: "promised «an answer within
 * ten days»", "vowed "a full accounting"", "warned of "a long winter"". Only with the quote right after
 * the verb (or "of"): then the quoted words are what the subject promised, vowed or warned of.
 */
const OBJECT_SPEECH_VERBS = new Set(
  'promised promises pledged pledges vowed vows warned warns predicted predicts demanded demands'.split(' '),
);
/** A quote mark opens right after the verb, or after "of" (the words inside are masked). */
const QUOTE_NEXT = /^\s+(?:of\s+)?["“«„「]\s?\u2591/;

/** "accused Anand of "inventing a crisis"": the quoted charge after "of" is the accuser's words. */
const ACCUSE_VERBS = new Set(['accused', 'accuses', 'accusing']);
const ACCUSED_OF_QUOTE = /^\s+(?:[\p{L}'’.-]+\s+){1,4}?of\s+["“«„「]\s?\u2591/u;

/**
 * "asked the board to "join me in congratulating them"": the quoted request after a verb of asking, its
 * addressee and "to" is the asker's own words (the infinitive's subject is the addressee, but the
 * words in marks are the asker's, as a quoted charge after "accused … of" is the accuser's).
 */
const REQUEST_VERBS = new Set([
  'asked',
  'asks',
  'urged',
  'urges',
  'begged',
  'implored',
  'invited',
  'challenged',
]);
const REQUESTED_TO_QUOTE = /^\s+(?:[\p{L}'’.-]+\s+){1,4}?to\s+["“«„「]\s?\u2591/u;

/** `X called the plan "…"`, and `its statement …, which called the report an "…"`. */
export function findLabelActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  for (const verb of readWords(masked, s.contentStart, s.end)) {
    const quotedObject =
      (OBJECT_SPEECH_VERBS.has(verb.bare) && QUOTE_NEXT.test(masked.slice(verb.end, verb.end + 8))) ||
      (ACCUSE_VERBS.has(verb.bare) && ACCUSED_OF_QUOTE.test(masked.slice(verb.end, verb.end + 60))) ||
      (REQUEST_VERBS.has(verb.bare) && REQUESTED_TO_QUOTE.test(masked.slice(verb.end, verb.end + 60)));
    if ((!LABEL_VERBS.has(verb.bare) && !quotedObject) || masked[verb.start - 1] === '-') continue; // not "so-called"
    // A label is words in quote marks after the verb: "Tolliver called Whitlock to concede" telephoned
    // her, and labels nothing.
    if (!masked.slice(verb.end, s.end).includes('\u2591')) continue;
    const subject = readSubjectBefore(text, masked, verb.start, s.contentStart);
    let np: NounPhrase | null = null;
    if (subject && 'np' in subject) np = subject.np;
    else if (subject?.relative === 'who') {
      const person = readSubjectBefore(text, masked, subject.comma, s.contentStart);
      np = person && 'np' in person ? person.np : null;
    } else if (subject) {
      const owner = [
        ...text
          .slice(s.contentStart, subject.comma)
          .matchAll(
            /\b(?:its|their|his|her|\p{Lu}[\p{L}\p{N}.&-]*(?:['’]s|s['’]))\s+(?:[\p{Ll}-]+\s+){0,2}?(?:statement|letter|email|post|release|report|filing)\b/gu,
          ),
      ].pop();
      np = owner?.index === undefined ? null : readNounPhrase(text, s.contentStart + owner.index);
    }
    if (!np) continue;
    const label = makeAct('label', np, 'label', verb.start, verb.end, null);
    label.scopeStart = verb.end;
    acts.push(label);
  }
  return acts;
}
