// `…, Meyer said.` / `…, said Meyer.` / `…, the Journal reported Friday.`: an attribution closing the
// sentence makes the words before it (after any bullet or label) the speaker's reported clause.

import { isClauseWord } from '../text/word-lexicon.js';
import { readAppositive } from './appositive.js';
import { CLAUSE_VERBS } from './lexicon.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import { readWords, type Word } from './read-word.js';
import {
  attributionTailEnd,
  makeAct,
  readVerb,
  type Sentence,
  type SpeechAct,
  skipAdverbs,
  trimClause,
} from './speech-act.js';

const FINAL_VERBS = new Set([...CLAUSE_VERBS, 'continued', 'explained', 'added', 'found']);

/**
 * "…, the center found.": a body reports findings as it reports speech, but a person who "found"
 * something discovered it ("…, she found." is no report), so the verb counts for organisations only.
 */
function reportsFinding(verb: string, np: NounPhrase): boolean {
  return verb !== 'found' || np.kind === 'org';
}

export interface Attribution {
  np: NounPhrase;
  /** The reporting verb; after an inverted speaker ("said Meyer") it ends where the speaker ends. */
  verb: Word;
  role: string | null;
  /** Where an inverted speaker's appositive ends, after its closing comma ("said Priya Menon, an analyst, "). */
  appositiveEnd?: number;
}

/**
 * `, Meyer said` or `, said Meyer` right after the comma at `c`. `finalRole` lets an inverted speaker's
 * appositive end the sentence (`said Jane Roe, the commissioner.`).
 */
export function readAttribution(text: string, c: number, finalRole: boolean): Attribution | null {
  const np = readNounPhrase(text, c + 1);
  if (np) {
    const appositive = readAppositive(text, np.end);
    const verb = readVerb(text, skipAdverbs(text, appositive.end), FINAL_VERBS);
    if (verb && reportsFinding(verb.bare, np)) return { np, verb, role: appositive.role };
  }
  const verb = readVerb(text, c + 1, FINAL_VERBS);
  const speaker = verb && text[verb.end] === ' ' ? readNounPhrase(text, verb.end + 1) : null;
  if (!verb || !speaker || !reportsFinding(verb.bare, speaker)) return null;
  const appositive = readAppositive(text, speaker.end, finalRole);
  const { role } = appositive;
  return {
    np: speaker,
    verb: { ...verb, end: speaker.end },
    role,
    appositiveEnd: role ? appositive.end : undefined,
  };
}

/** A finite verb or subject pronoun among the words of `range`: they make a clause. */
function hasVerb(masked: string, range: { start: number; end: number }): boolean {
  return readWords(masked, range.start, range.end).some((word) => isClauseWord(word.text));
}

/** `…, Meyer said.` / `…, said Meyer.` / `…, the Journal reported Friday.` closing the sentence. */
export function findFinalAct(text: string, masked: string, s: Sentence): SpeechAct | null {
  let tried = 0;
  for (let c = s.end - 1; c > s.contentStart && tried < 4; c--) {
    if (masked[c] !== ',') continue;
    tried++;
    const found = readAttribution(text, c, true);
    if (!found) continue;
    const { np, verb, role } = found;
    const tail = attributionTailEnd(text, masked, verb.end, s.end, verb);
    if (tail === null) continue;
    const complement = trimClause(text, s.contentStart, c);
    // "The homeowner, Evelyn Taggart, a retired nurse, said by phone that …": words with no verb before
    // the speaker are no reported clause when the verb takes a that-clause of its own after them —
    // they describe the subject ahead of its appositives.
    if (/\bthat\b/.test(masked.slice(verb.end, tail)) && !hasVerb(masked, complement)) continue;
    return makeAct(
      'final',
      np,
      verb.bare,
      c + 1,
      tail,
      complement.end > complement.start ? complement : null,
      role,
    );
  }
  return null;
}
