// A speech act is one attribution found in the text: who (a noun phrase, resolved later), the cue that
// says so, and what was said (adjacent quotes or a reported clause). Shared helpers for the finders.

import type { Range } from '../text/sentences.js';
import { isClauseWord, lexiconTags } from '../text/word-lexicon.js';
import { BACK_VERBS, SPEECH_VERBS, TELL_VERBS, TIME_WORDS, VERB_ADVERBS } from './lexicon.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import { readWord, readWords, type Word } from './read-word.js';

type Frame =
  | 'after'
  | 'colon'
  | 'clause'
  | 'final'
  | 'middle'
  | 'participle'
  | 'according'
  | 'label'
  | 'introducer';

export interface SpeechAct {
  frame: Frame;
  /** The speaker as written; null for a participle ("…, adding that"), which continues `parent`. */
  np: NounPhrase | null;
  /** Appositive role written at this mention. */
  role: string | null;
  cue: string;
  cueStart: number;
  cueEnd: number;
  /** The reported words for indirect speech (local offsets), or null. */
  complement: Range | null;
  /** Indices of quote spans this act attributes by adjacency (`"…," Meyer said`, split quotes). */
  spans: number[];
  /** Label acts attribute quotes from here to the end of the sentence. */
  scopeStart?: number;
  parent?: SpeechAct;
  /** A verb joined by "and"/"but" to the verbs before it, sharing their subject. */
  coordinated?: boolean;
  /**
   * Its subject follows another verb of speech ("Okoye said Quist had complained that … "…""): a report
   * inside a report. It credits the quoted words in it to its own subject; the report around it keeps
   * the clause.
   */
  inReport?: boolean;
  /** The speaker is the author of the study, survey, poll or report named here ("according to a poll by X"). */
  document?: string;
  /** Where a colon ended the reported clause before a quote it introduces ("said …: "…""). */
  colonAfter?: number;
}

export interface Sentence {
  /** Sentence range in the paragraph (local offsets). */
  start: number;
  end: number;
  /** Where the sentence's own words start (after bullet, label, dateline). */
  contentStart: number;
}

export function makeAct(
  frame: SpeechAct['frame'],
  np: NounPhrase | null,
  cue: string,
  cueStart: number,
  cueEnd: number,
  complement: Range | null,
  role: string | null = null,
): SpeechAct {
  return { frame, np, role, cue, cueStart, cueEnd, complement, spans: [] };
}

/**
 * The speaker written at `start` as `written` ("she", "Ortiz", "Lucía Ortiz") in a phrase that names
 * them outright ("as she tells it", "That is how Ortiz puts it"): read on those words alone, so the
 * phrase's own verb is never taken for part of a name. Only a pronoun or a name counts.
 */
export function writtenSpeaker(text: string, start: number, written: string): NounPhrase | null {
  const np = readNounPhrase(text.slice(0, start + written.length), start);
  return np && (np.kind === 'pronoun' || np.kind === 'name') ? np : null;
}

const PREPOSITIONS = new Set(
  'in on at to during via by from after before while when as through over with for about last this earlier later late early recently again'.split(
    ' ',
  ),
);

const OBJECT_PRONOUN =
  /^(?:him|her|them|us|me|reporters|journalists|lawmakers|investors|listeners|viewers)\b/i;

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ') pos++;
  return pos;
}

/** The word at `pos` (after spaces) if its lowercase form is in `verbs`. */
export function readVerb(text: string, pos: number, verbs: ReadonlySet<string>): Word | null {
  const word = readWord(text, skipSpaces(text, pos));
  return word && !word.capital && verbs.has(word.bare) ? word : null;
}

/** A reporting verb next to a quote: a listed speech verb, or a rejoinder "shot back", "fired back". */
export function readSpeechVerb(text: string, pos: number): Word | null {
  const verb = readVerb(text, pos, SPEECH_VERBS);
  if (verb) return verb;
  const word = readVerb(text, pos, BACK_VERBS);
  const back = word && text[word.end] === ' ' ? readWord(text, word.end + 1) : null;
  if (!word || back?.text !== 'back') return null;
  return { ...word, text: `${word.text} back`, end: back.end, bare: `${word.bare} back` };
}

/** Skips "also", "later", "has", "Friday"… between a speaker and the verb. */
export function skipAdverbs(text: string, pos: number): number {
  for (;;) {
    const at = skipSpaces(text, pos);
    const word = readWord(text, at);
    if (!word || !(VERB_ADVERBS.has(word.bare) || TIME_WORDS.has(word.bare))) return pos;
    pos = word.end;
  }
}

/** The addressee after "told": "Axios", "Semafor", "the paper", "reporters". Returns its end. */
export function readObject(text: string, pos: number): number | null {
  const at = skipSpaces(text, pos);
  const pronoun = OBJECT_PRONOUN.exec(text.slice(at, at + 20));
  if (pronoun) return at + pronoun[0].length;
  const np = readNounPhrase(text, at);
  if (np && np.kind !== 'pronoun') return np.end;
  // "told the meeting that …", "told a packed hall that …": any determined noun phrase is an addressee
  // when "that" follows it, since that "that" can only open the reported clause ("told the crowd of about
  // 200 parents that …": with a complement of its own, lower-case words and numbers).
  const addressee = ADDRESSEE_BEFORE_THAT.exec(text.slice(at, at + 80));
  if (addressee) return at + addressee[0].length;
  return bareAddresseeEnd(text, at);
}

/**
 * "told jurors that the case …", "told supporters that they …": a bare plural (or mass) noun, with no
 * determiner, is the addressee when "that" follows it and the word after that "that" can open a
 * clause. "told stories that made …" is not: a finite verb right after "that" shows a relative
 * clause whose subject is the noun itself, so the noun was what was told, not who.
 */
function bareAddresseeEnd(text: string, at: number): number | null {
  const head = BARE_ADDRESSEE_BEFORE_THAT.exec(text.slice(at, at + 60));
  if (!head) return null;
  const words = readWords(head[0]);
  if (
    words.some(
      (w) => isClauseWord(w.text) || /Preposition|Determiner|Conjunction|Adverb/.test(lexiconTags(w.text)),
    )
  )
    return null;
  const next = readWord(text, skipSpaces(text, at + head[0].length + ' that'.length));
  if (!next || /PastTense|PresentTense|Modal|Copula/.test(lexiconTags(next.text))) return null;
  return at + head[0].length;
}

const BARE_ADDRESSEE_BEFORE_THAT = /^\p{Ll}[\p{Ll}'’-]*(?:\s+\p{Ll}[\p{Ll}'’-]*){0,2}(?=\s+that\s)/u;

// "told a rally outside Haverford Hall that …": after the noun, a place or time phrase may name a place.
const ADDRESSEE_BEFORE_THAT =
  /^(?:the|a|an|his|her|their|its|our|my|your)(?:\s+(?:\p{Ll}[\p{L}'’-]*|\d[\d,.]*)){1,6}(?:\s+(?:outside|at|in|on|near|inside|from)(?:\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*){1,4})?(?=\s+that\b)/u;

/**
 * After a verb, what may follow to the end of an attribution: nothing, time words, prepositional
 * phrases ("in a statement", "on Friday") or, after "told", the addressee. Returns the end of the
 * attribution (the end, or the comma before a participle "…, adding that") or null.
 */
export function attributionTailEnd(
  text: string,
  masked: string,
  pos: number,
  end: number,
  verb: Word,
): number | null {
  let stop = end;
  const participle =
    /,\s+(?:adding|saying|noting|arguing|explaining|warning|insisting|stressing|calling)\b/.exec(
      masked.slice(pos, end),
    );
  if (participle) stop = pos + participle.index;
  let p = pos;
  if (TELL_VERBS.has(verb.bare) || verb.bare === 'reported') {
    const objectEnd = readObject(text, p);
    if (objectEnd !== null && objectEnd <= stop) p = objectEnd;
    else if (verb.bare === 'told') return null;
  }
  const rest = masked.slice(p, stop).replace(/[\s.!?"'”’)\]]*$/, '');
  if (rest.trim() === '') return stop;
  if (/[,;:\u2591"“”]/.test(rest)) return null;
  const words = readWords(rest);
  const first = words[0];
  if (!first || words.length > 14) return null;
  return PREPOSITIONS.has(first.bare) || TIME_WORDS.has(first.bare) ? stop : null;
}

/** `[start, end)` minus trailing sentence punctuation and whitespace. */
export function trimClause(text: string, start: number, end: number): Range {
  while (end > start && /[\s.!?;:,]/.test(text[end - 1] ?? '')) end--;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  return { start, end };
}

/**
 * Cuts a trailing unpaired dash clause from a reported clause: "… to the government — which remains
 * unclear" stops before the dash, while paired dashes ("SpaceX — which holds … — might") stay.
 */
export function cutUnpairedDash(text: string, range: Range): Range {
  const body = text.slice(range.start, range.end);
  const dashes = [...body.matchAll(/\s[\u2014\u2013]\s|\s--\s|\s-\s/g)];
  if (dashes.length % 2 === 0) return range;
  const last = dashes[dashes.length - 1];
  return last?.index === undefined ? range : trimClause(text, range.start, range.start + last.index);
}
