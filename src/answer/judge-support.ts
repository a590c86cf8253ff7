import { matchSpeaker } from '../quotes/match-speaker.js';
import { NAME_JOINERS } from '../text/proper-names.js';
import { contentTerms } from '../text/terms.js';
import type { QuestionAnalysis } from './analyze-question.js';
import type { SearchContext } from './search-context.js';
import type { Passage } from './types.js';

/**
 * Share of the question's key terms (IDF-weighted) that one of the top passages must cover. A score
 * threshold alone cannot separate answerable from unanswerable questions (an off-corpus question
 * about Putin outscores some answerable ones), so support means the passage covers what is asked.
 */
const MIN_COVERAGE = 0.5;
/** Only the passages a reader sees first count as support. */
const SUPPORT_DEPTH = 3;

export interface Support {
  supported: boolean;
  /** Plain-language reason when not supported, shown to the user. */
  reason: string | null;
}

export function judgeSupport(
  analysis: QuestionAnalysis,
  passages: Passage[],
  context: SearchContext,
): Support {
  const missing = analysis.entities
    .filter((entity) => isMissing(entity, context))
    .map((entity) => entity.name);
  if (missing.length > 0) {
    return { supported: false, reason: `The documents never mention ${joinNames(missing)}.` };
  }
  const unquoted = unquotedSubject(analysis, context);
  if (unquoted) {
    return {
      supported: false,
      reason: `The documents mention ${unquoted} but do not quote anything ${unquoted} said.`,
    };
  }
  const candidates = passages
    .slice(0, SUPPORT_DEPTH)
    .filter((passage) => passage.coverage >= MIN_COVERAGE && analysis.keyTerms.length > 0);
  if (candidates.length === 0) {
    return { supported: false, reason: 'No passage in the documents covers what the question asks about.' };
  }
  const { focus, expects } = analysis;
  if (focus && !candidates.some((passage) => mentions(passage, [focus.stem, ...focus.synonymStems]))) {
    return { supported: false, reason: `The documents say nothing about the ${focus.word} asked for.` };
  }
  if (
    expects &&
    !candidates.some((passage) => (expects === 'quantity' ? QUANTITY : TIME).test(passage.text))
  ) {
    return {
      supported: false,
      reason: `No passage gives the ${expects === 'quantity' ? 'amount' : 'time'} asked for.`,
    };
  }
  return { supported: true, reason: null };
}

/** Numbers other than bare years, and number words. */
const QUANTITY =
  /(?:\$\s?\d|\b\d+(?:[.,]\d+)*\s*(?:%|percent|million|billion|thousand)|\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\b|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|several|few|many)\b)/i;
const TIME =
  /\b(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|since|ago|last\s+(?:week|month|year))\b/i;

function mentions(passage: Passage, stems: string[]): boolean {
  const present = new Set(contentTerms(passage.text));
  return stems.some((stem) => present.has(stem));
}

/**
 * A person or organisation the documents never mention means the question is about something else.
 * Other names count only when none of their words occur ("Blue Origin"), since a place or event may be
 * spelled differently in the text ("World War II" vs a source's typo) and single words are too weak.
 */
function isMissing(entity: QuestionAnalysis['entities'][number], context: SearchContext): boolean {
  if (entity.kind !== 'other') {
    return (
      !context.index.lexical.containsAll(entity.name) &&
      matchSpeaker(entity.name, context.speakers).matches.length === 0
    );
  }
  const parts = entity.name.split(/\s+/).filter((part) => !NAME_JOINERS.has(part));
  return parts.length > 1 && parts.every((part) => !context.index.lexical.containsAll(part));
}

/**
 * "What did Putin say…" about a person the documents name but never quote: answering from passages
 * that merely mention them would put words in their mouth.
 */
function unquotedSubject(analysis: QuestionAnalysis, context: SearchContext): string | null {
  const subject = analysis.speechSubject;
  if (!subject) return null;
  const person = analysis.entities.find(
    (entity) => entity.kind === 'person' && subject.includes(entity.name),
  );
  if (!person) return null;
  return matchSpeaker(person.name, context.speakers).matches.length === 0 ? person.name : null;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
