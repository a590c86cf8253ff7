// Sieve 3 within one sentence: reported clauses led by a speaker and a reporting verb (`Dan Meyer, a
// national security attorney, told Axios that …`, `Meyer said the plan failed`). `findClauseActs` also
// collects the sentence-closing attribution (final-act.ts) and the according-to, participle and label
// acts (source-acts.ts), then stops each reported clause where a later attribution starts.

import { isClauseWord, isInfinitive, lexiconTags } from '../text/word-lexicon.js';
import { readAppositive } from './appositive.js';
import { findClaimActs } from './claim-acts.js';
import { findFinalAct } from './final-act.js';
import {
  BACK_VERBS,
  BARE_CLAUSE_VERBS,
  CLAUSE_VERBS,
  FINITE_BARE_VERBS,
  TELL_VERBS,
  TIME_WORDS,
  VERB_ADVERBS,
} from './lexicon.js';
import { findMiddleAct } from './middle-act.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import { ownPredicateStart } from './own-predicate.js';
import { findQuestionActs } from './question-acts.js';
import { readWord, readWords, type Word } from './read-word.js';
import {
  findAccordingActs,
  findFindingActs,
  findLabelActs,
  findParticipleActs,
  findPassiveActs,
  findWithActs,
} from './source-acts.js';
import { makeAct, readObject, type Sentence, type SpeechAct, trimClause } from './speech-act.js';
import { readSentenceSubject, readSubjectBefore, reportingPrefix } from './subject-before.js';

export type { Sentence } from './speech-act.js';

const THAT_NOUNS = new Set(
  `incident report reports claim claims allegation allegations news fact idea notion belief evidence concern
  concerns suggestion assurance assurances statement argument rumor rumors fear fears hope hopes possibility
  view assertion finding findings conclusion indication sign signs word warning theory promise information
  question impression sense point way letter email message post document
  documents order orders rule rules law bill decision program plan proposal thing things one ones something
  anything everything nothing data research study records record lawsuit complaint motion case now so such
  given except provided`.split(/\s+/),
);
/** "in a statement", "in a text message": the verb's adjunct (a determiner, a noun and its modifier). */
// "stated for the record that …": the idiom says how it was said (as "on the record" does), so the
// "that" after it is the verb's.
const IN_A_NOUN =
  /^(?:\w+ )?(?:(?:in|on|via|by|through) (?:a|an|the|his|her|its|their|this|that)? ?(?:\S+ )?\S+|for the record)$/;
/** "said in a statement on Friday that …": words between the verb and "that" it may span. */
const MAX_WORDS_VERB_TO_THAT = 17;
/** Enough words before "that" to recognise "in a statement"-style adjuncts of the verb. */
const ADJUNCT_WORDS_BEFORE_THAT = 4;
/** "said he would …" with no "that": shorter tails are too often not a clause ("said so", "said no"). */
const MIN_BARE_CLAUSE_WORDS = 4;

const SUBJECT_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);

/**
 * "Olin said it was not.", "he said they would": a subject pronoun and a finite verb make a clause,
 * however short (elliptical answers); "said so" and "said no" have neither.
 */
function pronounClause(words: readonly { text: string; bare: string }[]): boolean {
  const [subject, verb] = words;
  return (
    words.length >= 2 &&
    SUBJECT_PRONOUNS.has(subject?.bare ?? '') &&
    /PastTense|PresentTense|Copula|Modal/.test(lexiconTags(verb?.bare ?? ''))
  );
}

/** Words that cannot open a reported clause right after "said" ("said in …", "said goodbye", "said so"). */
const NOT_CLAUSE_START = new Set(
  `in on at to during via by from after before while when through over with for about of as into repeatedly
  again earlier later recently previously publicly privately simply only also so nothing something goodbye
  hello yes no thanks little much more less him them us me`.split(/\s+/),
);
const COORDINATORS = new Set(['and', 'but', 'or']);
/** "said about 300 containers were …": a preposition before a number is an approximation opening the clause. */
const APPROXIMATORS = new Set(['about', 'over', 'more', 'less']);

function quantityAhead(text: string, word: Word): boolean {
  const after = readWords(text, word.end, word.end + 24).slice(0, 2);
  // "said no one was hurt": "no one" is the clause's subject, not the answer "no".
  if (word.bare === 'no') return after[0]?.bare === 'one';
  if (!APPROXIMATORS.has(word.bare)) return false;
  const number = (w: Word | undefined) => w !== undefined && /^[$€£]?\d/.test(w.text);
  return number(after[0]) || (after[0]?.bare === 'than' && number(after[1]));
}
/** A bare clause's verb comes within its first words ("the medal was", "the new council members have"). */
const FINITE_VERB_WINDOW = 6;

/** A finite verb among `words` (not a pronoun: "noted her concern" has none). */
function hasFiniteVerb(words: readonly Word[]): boolean {
  return words.some((w) => isClauseWord(w.text) && !/Pronoun/.test(lexiconTags(w.text)));
}

/**
 * After "told <object>" a bare clause shows its own verb before any comma: "told her she was right" is
 * one, but in "told her class, and …" the object was "her class" ("her" can be a determiner as well as a
 * pronoun), and no clause follows.
 */
function finiteBeforeBreak(text: string, masked: string, from: number, sentenceEnd: number): boolean {
  const words = readWords(masked, from, sentenceEnd).slice(0, FINITE_VERB_WINDOW);
  const before: Word[] = [];
  for (const [k, word] of words.entries()) {
    if (k > 0 && /[,;:.!?\u2591]/.test(masked.slice((words[k - 1] as Word).end, word.start))) break;
    before.push(word);
  }
  if (hasFiniteVerb(before) || pastAfterSubject(before)) return true;
  // "told me the warranty “covers everything”": the clause's verb may open the quote after its subject.
  const last = before.at(-1);
  const open = last ? /^\s*[“"]/.exec(text.slice(last.end, last.end + 3)) : null;
  if (!last || !open) return false;
  const quoted = readWords(text, last.end + open[0].length, sentenceEnd).slice(0, 2);
  return hasFiniteVerb(quoted.slice(0, 1)) || /^\p{Ll}+s$/u.test(quoted[0]?.text ?? '');
}

/**
 * "told him she respected the effort": the lexicon lists few regular past forms, but a word in -ed
 * right after a subject pronoun or a name is that subject's verb (an adjective in -ed would need a
 * noun after the pronoun, which English does not put there).
 */
function pastAfterSubject(words: readonly Word[]): boolean {
  return words.some((word, k) => {
    const previous = words[k - 1];
    if (!previous || !/^\p{Ll}{2,}ed$/u.test(word.text)) return false;
    return SUBJECT_PRONOUNS.has(previous.bare) || previous.capital;
  });
}

const ADJUNCT_APPOSITIVE_BEFORE_THAT =
  /^\s+(?:through|via|in)\s+[^,;:\u2591]{1,40},\s+[^,;:\u2591]{1,40},(?=\s+that\b)/u;
/** ", a station in San Telmo," between the one told and "that": an appositive describing them. */
const OBJECT_APPOSITIVE_BEFORE_THAT =
  /^,\s+(?:a|an|the|its|their|his|her)\s+[^,;:\u2591"“”]{1,70},(?=\s+that\b)/u;
const INTERJECTION_BEFORE_THAT = /^,\s+\p{Ll}+(?:\s+\p{Ll}+)?,(?=\s+that\b)/u;

/** Where the reported clause starts after `verb` ("… that <clause>" or a bare clause), or null. */
/** "was that", "is that" right after the verb of a pseudo-cleft. */
const PSEUDO_CLEFT_COPULA = /^\s+(?:was|is)\s+that\s+/;
/** "What Walter said", "All she said": the free relative that opens a pseudo-cleft, its subject before the verb. */
const PSEUDO_CLEFT_OPENER = /\b(?:what|all)\s+(?:[\p{L}.'’-]+\s+){1,4}$/iu;

function clauseStartAfter(text: string, masked: string, verb: Word, sentenceEnd: number): number | null {
  let p = verb.end;
  // "What Walter said was that the pipe was sound": in a pseudo-cleft the reported clause follows the copula.
  const cleft = PSEUDO_CLEFT_COPULA.exec(masked.slice(p, p + 20));
  const freeRelative = PSEUDO_CLEFT_OPENER.test(masked.slice(Math.max(0, verb.start - 40), verb.start));
  if (cleft && freeRelative) return p + cleft[0].length;
  // "I'll say what I said this morning: …": "what" is the verb's object, so no clause is reported.
  if (freeRelative && /^\s*(?:\p{L}+\s+){0,3}\p{L}*:/u.test(masked.slice(p, p + 40))) return null;
  // "I said that, and I stand by it": "that" before punctuation is the demonstrative object.
  if (/^\s+that\s*[,;:.!?]/.test(masked.slice(p, p + 12))) return null;
  if (TELL_VERBS.has(verb.bare)) {
    const objectEnd = readObject(text, p);
    if (objectEnd === null && (verb.bare === 'told' || verb.bare === 'tells')) return null;
    p = objectEnd ?? p;
    // "told Radio Cordillera, a station in San Telmo, that …": who was told may carry an appositive.
    if (objectEnd !== null)
      p += OBJECT_APPOSITIVE_BEFORE_THAT.exec(masked.slice(p, p + 100))?.[0].length ?? 0;
  }
  // "noted, however, that …", "said, in turn, that …": a word or two set off by commas between the
  // verb and "that" is an aside, and the "that" is still the verb's.
  // "said through his lawyer, Janet Osei, that …": an adjunct whose noun has an appositive.
  p +=
    (INTERJECTION_BEFORE_THAT.exec(masked.slice(p, p + 40)) ??
      ADJUNCT_APPOSITIVE_BEFORE_THAT.exec(masked.slice(p, p + 100)))?.[0].length ?? 0;
  const words = readWords(masked, p, sentenceEnd).slice(0, MAX_WORDS_VERB_TO_THAT);
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as Word;
    if (/[,;:.!?]/.test(masked.slice(k === 0 ? p : (words[k - 1] as Word).end, word.start))) break;
    if (word.bare === 'that') {
      const previous = words[k - 1];
      // "said four pumps were running but that the level had barely fallen": a "that" after a
      // conjunction opens the second of two reported clauses, so the first starts right after the verb.
      if (k > 1 && previous && COORDINATORS.has(previous.bare)) return (words[0] as Word).start;
      // "said she had been “torn” but concluded that …": after the clause's own subject or verb, a
      // "that" opens a deeper clause, and the reported clause began right after the verb.
      const bare = BARE_CLAUSE_VERBS.has(verb.bare) || FINITE_BARE_VERBS.has(verb.bare);
      // "said about 140 communities lay in zones that …": a clause opening with a number is no object.
      // "said in a statement posted Monday that …": words opening with a preposition are the verb's
      // adjunct (a reported clause never starts with one), whatever verb form stands inside them.
      const first = words[0] as Word;
      const adjunctFirst = NOT_CLAUSE_START.has(first.bare) && !quantityAhead(text, first);
      const opened = words.slice(0, k).some((w) => isClauseWord(w.text)) || quantityAhead(text, first);
      if (bare && opened && !adjunctFirst) return first.start;
      // "the reported incident that …" is a noun's clause, but "said in a statement that …" is the verb's.
      const adjunct = words
        .slice(Math.max(0, k - ADJUNCT_WORDS_BEFORE_THAT), k)
        .map((w) => w.bare)
        .join(' ');
      if (previous && THAT_NOUNS.has(previous.bare) && !IN_A_NOUN.test(adjunct)) return null;
      return word.end;
    }
    if (CLAUSE_VERBS.has(word.bare) || word.capital) continue;
    // "asked the board to wait", "said to be": an infinitive after the verb and its object is the
    // verb's own complement; after a finite verb or a subject ("said he wanted to", "… was likely to")
    // it is inside the reported clause.
    const inClause = words.slice(0, k).some((w) => isClauseWord(w.text));
    if (!inClause && word.bare === 'to' && isInfinitive(words[k + 1]?.text ?? '')) return null;
  }
  // "insisted the medal was not the end", but "noted the change": these verbs also take a noun object,
  // so a bare clause counts only when a finite verb follows the first words (a clause has one).
  const finite = FINITE_BARE_VERBS.has(verb.bare) && hasFiniteVerb(words.slice(1, FINITE_VERB_WINDOW));
  if (!BARE_CLAUSE_VERBS.has(verb.bare) && !finite) return null;
  let q = p;
  for (let word = readWord(text, q + 1); word && TIME_WORDS.has(word.bare); word = readWord(text, q + 1))
    q = word.end;
  if (text[q] !== ' ') return null;
  if (p !== verb.end && !finiteBeforeBreak(text, masked, p, sentenceEnd)) return null;
  const next = readWord(text, q + 1);
  const startsClause =
    next && (!NOT_CLAUSE_START.has(next.bare) || quantityAhead(text, next)) && !TIME_WORDS.has(next.bare);
  if (!next || !startsClause) return null;
  const tail = readWords(text, q, sentenceEnd);
  if (tail.length < MIN_BARE_CLAUSE_WORDS && !pronounClause(tail)) return null;
  return next.start;
}

const COORDINATED = /(?:,\s*)?\b(?:and|but)\s+(?:(?:also|then|later)\s+)?$/;

/**
 * "She accused the operators of bad faith and said they …", "noted that … and argued that …": a verb
 * after "and"/"but" shares the subject of the verbs before it. That subject is the speaker of an earlier
 * act of the sentence, or the sentence's own subject when a verb follows it at once (so it is the
 * subject of the verb phrase, not an object or a clause inside it).
 */
function coordinatedSubject(
  text: string,
  masked: string,
  s: Sentence,
  verb: Word,
  earlier: readonly SpeechAct[],
) {
  const joint = COORDINATED.exec(masked.slice(s.contentStart, verb.start));
  if (!joint) return null;
  const cueStart = s.contentStart + joint.index;
  const previous = earlier.filter((a) => a.np && a.cueEnd <= cueStart).at(-1);
  if (previous?.np) return { np: previous.np, cueStart };
  const np = verbPhraseSubject(text, masked, s, cueStart);
  return np ? { np, cueStart } : null;
}

const PLACE_AFTER_NAME =
  /^\s+(?:of|at|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.'’&-]*\s+){0,5}\p{Lu}[\p{L}.'’&-]*/u;

/**
 * The sentence's subject when a verb follows it at once and no punctuation stands between that verb and
 * `until`: then it is the subject of the whole verb phrase up to there ("Judge Pell had dismissed the
 * suit, ruling that …"), not an object or the subject of a clause inside it.
 */
function verbPhraseSubject(text: string, masked: string, s: Sentence, until: number): NounPhrase | null {
  const np = readSentenceSubject(text, s.contentStart);
  if (!np || np.kind === 'list') return null;
  // "Rosalind Achebe, the union’s negotiator, accused …": an appositive may stand before the verb.
  const appositive = text[np.end] === ',' ? readAppositive(text, np.end) : null;
  let after = appositive?.role ? appositive.end : np.end;
  // "Judge Warren Pell of the Lakeport County Circuit Court had dismissed …": where the person works.
  if (np.kind === 'name') after += PLACE_AFTER_NAME.exec(text.slice(after, after + 100))?.[0].length ?? 0;
  if (text[after] !== ' ') return null;
  let next = readWord(text, after + 1);
  // "The department on Wednesday extended …", "Smith last week said …": a time adjunct may come first.
  if (next && ['on', 'last', 'this'].includes(next.bare)) {
    const when = readWord(text, next.end + 1);
    if (when && TIME_WORDS.has(when.bare)) next = readWord(text, when.end + 1);
    else if (
      when &&
      next.bare !== 'on' &&
      /^(?:week|month|year|spring|summer|fall|autumn|winter)$/.test(when.bare)
    )
      next = readWord(text, when.end + 1);
  } else if (next && TIME_WORDS.has(next.bare)) next = readWord(text, next.end + 1);
  if (next && VERB_ADVERBS.has(next.bare)) next = readWord(text, next.end + 1);
  if (!next || next.capital || (!/ed$/.test(next.bare) && !CLAUSE_VERBS.has(next.bare))) return null;
  // A quoted object inside the verb phrase ("called it “a good-faith start” and said …") is part of it;
  // punctuation outside quote marks ends it.
  return /[,;:]/.test(masked.slice(next.end, until)) ? null : np;
}

/** "Tarrant criticized the timeline, saying that …": a participle with no speech verb before it. */
function participleSubjects(
  text: string,
  masked: string,
  s: Sentence,
  participles: SpeechAct[],
  acts: SpeechAct[],
) {
  for (const p of participles) {
    if (p.np || acts.some((a) => a !== p && a.frame !== 'participle' && a.cueEnd <= p.cueStart)) continue;
    // Only the comma that opens the participle may stand between the verb and it.
    const np = verbPhraseSubject(text, masked, s, p.cueStart);
    if (np) p.np = np;
  }
}

/** Verbs by which a study, poll or body reports its findings (they take a clause only with "that"). */
const FINDING_VERBS = new Set(['found', 'finds', 'showed', 'shows']);
const FINDING_DOCUMENTS = new Set(['survey', 'poll', 'study', 'report']);

function findsAsSource(np: NounPhrase): boolean {
  if (np.kind === 'org') return true;
  return (
    np.kind === 'owned' &&
    FINDING_DOCUMENTS.has(np.head ?? '') &&
    Boolean(np.owner || np.ownerPronoun || np.definite)
  );
}

/** "a separate poll by Carver & Associates, which …": the document named shortly before its author. */
function documentBefore(text: string, authorStart: number): string | undefined {
  const m = /\b(survey|poll|study|report)\b[^.;:]*$/i.exec(
    text.slice(Math.max(0, authorStart - 60), authorStart),
  );
  return m?.[1]?.toLowerCase();
}

/** How far before ", which …" its antecedent may start: a long organisation name fits. */
const ANTECEDENT_CHARS = 80;
const ANTECEDENT_KINDS = new Set(['name', 'org', 'publication']);

/**
 * "… opposed by the Alliance for Cantonal Responsibility, which argues that …": a non-restrictive
 * relative clause speaks for the named noun phrase that ends at its comma (the longest one that does).
 */
function antecedentBefore(text: string, comma: number, floor: number): NounPhrase | null {
  for (const word of readWords(text, Math.max(floor, comma - ANTECEDENT_CHARS), comma)) {
    const np = readNounPhrase(text, word.start);
    if (np && np.end === comma && ANTECEDENT_KINDS.has(np.kind)) return np;
  }
  return null;
}

/**
 * "Castillo shot back that …", "fired back that …": a rejoinder verb with "back" reports speech like
 * "countered" (as after a direct quote); it takes a clause only with "that" (it is no say/tell verb).
 */
function backVerb(masked: string, word: Word): Word | null {
  if (!BACK_VERBS.has(word.bare) || !masked.startsWith(' back ', word.end)) return null;
  return { ...word, end: word.end + ' back'.length, bare: `${word.bare} back` };
}

/**
 * "He would have said it was too long", "she might have argued that …": a modal with the perfect
 * speaks of speech that did not (or may not) happen, so it reports nothing anyone said.
 */
const COUNTERFACTUAL = /\b(?:would|could|might|may|should|must)\s+(?:not\s+|never\s+)?have\s+$/i;

/** `Dan Meyer, a national security attorney, told Axios that …` and `They assert that …`. */
function findThatActs(text: string, masked: string, s: Sentence, taken: readonly SpeechAct[]): SpeechAct[] {
  const acts: SpeechAct[] = [];
  for (const word of readWords(masked, s.contentStart, s.end)) {
    const verb = backVerb(masked, word) ?? word;
    const finding = FINDING_VERBS.has(verb.bare);
    if (verb.capital || (!CLAUSE_VERBS.has(verb.bare) && !finding && verb === word)) continue;
    if (taken.some((a) => verb.start >= a.cueStart && verb.end <= a.cueEnd)) continue;
    if (COUNTERFACTUAL.test(masked.slice(Math.max(s.contentStart, verb.start - 24), verb.start))) continue;
    const read = readSubjectBefore(text, masked, verb.start, s.contentStart);
    const antecedent = read && 'relative' in read ? antecedentBefore(text, read.comma, s.contentStart) : null;
    const subject = antecedent ? { np: antecedent, role: null } : read;
    // Only a body or its document finds: "the survey found that …", not "she found that the job was hard".
    if (finding && subject && 'np' in subject && !findsAsSource(subject.np)) continue;
    if (!subject || !('np' in subject)) {
      const shared = coordinatedSubject(text, masked, s, verb, [...taken, ...acts]);
      const clauseStart = shared ? clauseStartAfter(text, masked, verb, s.end) : null;
      if (!shared || clauseStart === null) continue;
      const cue = masked.slice(verb.end, clauseStart).includes('that') ? `${verb.bare} … that` : verb.bare;
      const act = makeAct(
        'clause',
        shared.np,
        cue,
        shared.cueStart,
        verb.end,
        trimClause(text, clauseStart, s.end),
      );
      act.coordinated = true;
      acts.push(act);
      continue;
    }
    const clauseStart = clauseStartAfter(text, masked, verb, s.end);
    if (clauseStart === null) continue;
    const cue = masked.slice(verb.end, clauseStart).includes('that') ? `${verb.bare} … that` : verb.bare;
    // "Mayor Hartigan, who has said he will sign the measure, told Brisk Metro …": inside a relative
    // clause set off by commas, the reported clause ends where the main clause's verb resumes.
    const resumes = antecedent ? mainVerbResumes(masked.slice(clauseStart, s.end)) : null;
    const end = resumes !== null ? clauseStart + resumes : s.end;
    const act = makeAct(
      'clause',
      subject.np,
      cue,
      subject.np.start,
      verb.end,
      trimClause(text, clauseStart, end),
      subject.role,
    );
    // "a poll by X, which found that …": later "the poll" refers back to X's poll.
    if (finding && antecedent) act.document = documentBefore(text, antecedent.start);
    if (reportingPrefix(masked.slice(s.contentStart, subject.np.start))) act.inReport = true;
    acts.push(act);
  }
  return acts;
}

/** ", told Brisk Metro", ", said on Friday": the comma that closes a relative clause before the main verb. */
const MAIN_VERB_RESUMES =
  /,\s+(?:(?:also|later|then)\s+)?(?:said|says|told|tells|added|wrote|argued|warned|insisted|announced|\p{Ll}{3,}ed)\b/u;

/**
 * Where the main clause's verb resumes after a relative clause: ", told Brisk Metro", ", said on
 * Friday", or a verb in the present (", wants at least two days", by the lexicon's tag: the subject
 * before the relative clause takes its verb after the closing comma).
 */
function mainVerbResumes(rest: string): number | null {
  const past = MAIN_VERB_RESUMES.exec(rest);
  const present = [...rest.matchAll(/,\s+(?:(?:also|now|still)\s+)?(\p{Ll}{3,}s)\b/gu)].find((m) =>
    lexiconTags(m[1] ?? '')
      .split(',')
      .includes('PresentTense'),
  );
  const at = [past?.index, present?.index].filter((i): i is number => i !== undefined);
  return at.length > 0 ? Math.min(...at) : null;
}

/** ", a step " right before a label's subject: an appositive noun phrase after the reported clause. */
const COMMENT_APPOSITIVE = /,\s+(?:a|an|the|one)\s+(?:[\p{Ll}-]+\s+){1,2}$/u;

const NEXT_MAIN_CLAUSE = /,\s+(?:and|but)\s+(?:he|she|they)\s+(?:also\s+)?\p{Ll}{2,}ed\b/u;

/** All sentence-level acts, in text order. */
export function findClauseActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const final = findFinalAct(text, masked, s);
  const middle = final ? null : findMiddleAct(text, masked, s);
  const participles = findParticipleActs(masked, s);
  const according = findAccordingActs(text, masked, s);
  const withActs = [
    ...findWithActs(text, masked, s),
    ...findFindingActs(text, masked, s),
    ...findPassiveActs(text, masked, s),
    ...findClaimActs(text, masked, s),
    ...findQuestionActs(text, masked, s),
  ];
  const taken = [
    ...(final ? [final] : []),
    ...(middle ? [middle] : []),
    ...participles,
    ...according,
    ...withActs,
  ];
  const thatActs = findThatActs(text, masked, s, taken);
  const shared = (verb: Word) => coordinatedSubject(text, masked, s, verb, [...taken, ...thatActs]);
  const clauses = [...thatActs, ...findQuestionActs(text, masked, s, shared)];
  const labels = findLabelActs(text, masked, s);
  const acts = [...taken, ...clauses, ...labels].sort((a, b) => a.cueStart - b.cueStart);
  participleSubjects(text, masked, s, participles, acts);
  // A clause stops where a later attribution starts: "…that he has a clearance, the Journal reported."
  for (const a of acts) {
    if (!a.complement) continue;
    const source = /,\s+according to\b/.exec(masked.slice(a.complement.start, a.complement.end));
    // The act's own source set off inside its sentence ("The rest, according to Olin, would …") stays.
    const own =
      source !== null && a.frame === 'according' && a.cueStart <= a.complement.start + source.index + 2;
    if (source && !own)
      a.complement = trimClause(text, a.complement.start, a.complement.start + source.index);
    // "warned that the tax would hurt retailers; the finance office later reported …": a semicolon
    // joins a new independent clause, which the verb before it does not report.
    const semicolon = masked.slice(a.complement.start, a.complement.end).indexOf(';');
    if (semicolon > 0) a.complement = trimClause(text, a.complement.start, a.complement.start + semicolon);
    // "said the department had worked with three towns, and she credited the pawnshop owner …": a
    // person's pronoun with a verb in the past after ", and" opens the writer's next main clause (the
    // reported clause would keep the tense of the report: "…, and that she would …").
    // "said drivers support the pilot but want more security: "Fare disputes are …"": a colon before a
    // quote ends the reported clause, and the quote after it is a sentence of its own.
    const colon = /:\s*["“«„「]/.exec(masked.slice(a.complement.start, a.complement.end));
    if (colon) {
      a.colonAfter = a.complement.start + colon.index;
      a.complement = trimClause(text, a.complement.start, a.colonAfter);
    }
    const next = NEXT_MAIN_CLAUSE.exec(masked.slice(a.complement.start, a.complement.end));
    if (next) a.complement = trimClause(text, a.complement.start, a.complement.start + next.index);
    // A tail with a quote in it is left whole: its partial quote's attribution reads the clause.
    const ownNext = ownPredicateStart(masked.slice(a.complement.start, a.complement.end));
    if (ownNext !== null && !masked.slice(a.complement.start + ownNext, a.complement.end).includes('\u2591'))
      a.complement = trimClause(text, a.complement.start, a.complement.start + ownNext);
    for (const b of acts) {
      if (
        b !== a &&
        b.cueStart > a.complement.start &&
        b.cueStart < a.complement.end &&
        ((b.frame !== 'clause' && b.frame !== 'label') || b.coordinated)
      ) {
        a.complement = trimClause(text, a.complement.start, b.cueStart);
      }
      // "said the union had rejected it, and he called the strike “…”", "estimated that …, and she
      // warned that …", "…, and the union said …": a new subject after "and"/"but" with a reporting verb
      // of its own opens the next act, which ends this clause (a clause the first verb reported would
      // not have a speaker and a reporting verb of its own at its top).
      const opens = (b.frame === 'label' || b.frame === 'clause') && b.np !== undefined;
      const own = opens && b.np ? b.np.start : -1;
      const joint =
        own > a.complement.start ? /,?\s+(?:and|but)\s+$/.exec(text.slice(a.complement.start, own)) : null;
      if (b !== a && joint && own < a.complement.end)
        a.complement = trimClause(text, a.complement.start, a.complement.start + joint.index);
      // "said members would vote on a strike, a step she called “…”": a noun in apposition to the
      // clause with a label of its own comments on what was said; the reported clause ends before it.
      const labelled =
        b.frame === 'label' && b.np && b.np.start > a.complement.start && b.np.start < a.complement.end;
      const comment =
        labelled && b.np ? COMMENT_APPOSITIVE.exec(text.slice(a.complement.start, b.np.start)) : null;
      if (comment) a.complement = trimClause(text, a.complement.start, a.complement.start + comment.index);
    }
  }
  return acts;
}
