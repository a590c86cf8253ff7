// Reported questions: "Councilor Renata Vollmer asked whether the city had studied …", "asked Dawson how
// long the trucks could wait". A question someone put is their speech as much as a statement is; its
// content is the clause after "whether"/"if" (the complementizer left out, as "that" is) or the wh-clause
// (the wh-word kept: it is part of what was asked). The reporter's own "Asked whether …" opens a sentence
// with no subject, so it reports nobody.
import type { NounPhrase } from './noun-phrase-shape.js';
import { readWord, readWords, type Word } from './read-word.js';
import { makeAct, readObject, type Sentence, type SpeechAct, trimClause } from './speech-act.js';
import { readSubjectBefore } from './subject-before.js';

const ASKING_VERBS = new Set(['asked', 'asks', 'wondered', 'wonders', 'questioned']);
/** A finite verb, perhaps an adverb, and "to" right before "ask": "interrupts to ask", "rose briefly to ask". */
const PURPOSE_BEFORE = /\s\p{Ll}+(?:s|ed)(?:\s+\p{Ll}+ly)?\s+to\s+$/u;
const ASKING_IN = new RegExp(String.raw`\b(?:${[...ASKING_VERBS, 'ask'].join('|')})\b`);

/** The cue of an act these finders made ("asked whether", "asked"): the quote reports a question. */
export function isQuestionCue(cue: string | null): boolean {
  return ASKING_VERBS.has(cue?.split(' ')[0] ?? '');
}
const COMPLEMENTIZERS = new Set(['whether', 'if']);
const WH_WORDS = new Set(['how', 'why', 'what', 'when', 'where', 'who', 'whom', 'which']);
/** "When the judge asked whether …, Pell said": a subordinate clause ends at its comma. */
const SUBORDINATE_OPENING = /^(?:When|After|Before|As|While|Once|Until|Because|Since|If)\s/;

function questionStart(text: string, verb: Word): { start: number; wh: boolean; request?: true } | null {
  const next = (pos: number) => readWord(text, pos + 1);
  let word = text[verb.end] === ' ' ? next(verb.end) : null;
  // "asked that the full results be posted": a request reported as a mandative clause, which is what
  // was asked for (its "that" left out, as a statement's is).
  if (word?.bare === 'that' && text[word.end] === ' ' && /\p{Ll}/u.test(text[word.end + 1] ?? ''))
    return { start: word.end + 1, wh: false, request: true };
  // "asked Dawson how long …", "asked the mayor whether …": who was asked may come first.
  if (word && !COMPLEMENTIZERS.has(word.bare) && !WH_WORDS.has(word.bare)) {
    const objectEnd = readObject(text, verb.end) ?? askedBeforeQuestion(text, verb.end);
    word = objectEnd !== null && text[objectEnd] === ' ' ? next(objectEnd) : null;
  }
  if (!word) return null;
  if (COMPLEMENTIZERS.has(word.bare))
    return text[word.end] === ' ' ? { start: word.end + 1, wh: false } : null;
  return WH_WORDS.has(word.bare) ? { start: word.start, wh: true } : null;
}

/** "asked the driver how long …": a determined noun phrase right before the question word. */
const ASKED_BEFORE_QUESTION =
  /^\s+(?:the|a|an|his|her|their|its|our|my)(?:\s+\p{Ll}[\p{L}'’-]*){1,4}(?=\s+(?:whether|if|how|why|what|when|where|who|whom|which)\s)/u;

function askedBeforeQuestion(text: string, pos: number): number | null {
  const m = ASKED_BEFORE_QUESTION.exec(text.slice(pos, pos + 80));
  return m ? pos + m[0].length : null;
}

/** The subject an asking verb after "and" shares with the verbs before it (clause-acts.ts). */
export type SharedSubject = (verb: Word) => { np: NounPhrase; cueStart: number } | null;

/**
 * Reported questions of the sentence. With `shared`, only the questions whose verb has no subject of
 * its own but shares one after "and" ("He said the office would review them and asked whether …").
 */
export function findQuestionActs(
  text: string,
  masked: string,
  s: Sentence,
  shared?: SharedSubject,
): SpeechAct[] {
  const acts: SpeechAct[] = [];
  // Most sentences ask nothing: only those with a verb of asking are read word by word.
  if (!ASKING_IN.test(masked.slice(s.contentStart, s.end))) return acts;
  for (const verb of readWords(masked, s.contentStart, s.end)) {
    // "The judge interrupts to ask whether …": an infinitive of purpose shares its main verb's subject.
    const purpose =
      verb.bare === 'ask' ? PURPOSE_BEFORE.exec(masked.slice(s.contentStart, verb.start)) : null;
    if (verb.capital || (!ASKING_VERBS.has(verb.bare) && !purpose)) continue;
    const question = questionStart(masked, verb);
    if (!question) continue;
    const subjectEnd = purpose ? s.contentStart + purpose.index : verb.start;
    const subject = readSubjectBefore(text, masked, subjectEnd, s.contentStart);
    const own = subject && 'np' in subject;
    if (shared && !own) {
      const joint = shared(verb);
      if (!joint) continue;
      const cue = question.wh ? verb.bare : `${verb.bare} ${question.request ? 'that' : 'whether'}`;
      const act = makeAct(
        'clause',
        joint.np,
        cue,
        joint.cueStart,
        verb.end,
        trimClause(text, question.start, s.end),
      );
      act.coordinated = true;
      acts.push(act);
      continue;
    }
    if (!subject || !('np' in subject) || shared) continue;
    const opening = text.slice(s.contentStart, subject.np.start);
    const comma = SUBORDINATE_OPENING.test(opening) ? masked.indexOf(',', question.start) : -1;
    const end = comma > question.start && comma < s.end ? comma : s.end;
    const cue = question.wh ? verb.bare : `${verb.bare} ${question.request ? 'that' : 'whether'}`;
    acts.push(
      makeAct(
        'clause',
        subject.np,
        cue,
        subject.np.start,
        verb.end,
        trimClause(text, question.start, end),
        subject.role,
      ),
    );
  }
  return acts;
}
