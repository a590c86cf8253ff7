// Predicates coordinated after a reported clause that belong to the one reporting it, not to the
// clause: "said the office would review the figures and asked whether …", "… and declined to say more".
import { irregularBase } from '../text/irregular-verbs.js';
import { lexiconTags } from '../text/word-lexicon.js';
import { SPEECH_VERBS } from './lexicon.js';

/** A word that opens a predicate: a finite or bare verb, by the lexicon, the -ed form or an irregular past. */
export function opensPredicate(word: string): boolean {
  const tags = lexiconTags(word);
  return /Modal|PastTense|PresentTense|Infinitive|Copula|Auxiliary/.test(tags) || isPast(word);
}

/** A past form: "declined", "lost", "was". */
function isPast(word: string): boolean {
  return /PastTense/.test(lexiconTags(word)) || /^\p{Ll}{3,}ed$/u.test(word) || irregularBase(word) !== null;
}

const MODAL = /\b(?:would|could|will|should|might|may|can|must|shall)\s/;

/**
 * A predicate after the reported words that the speaker did rather than said: another verb of speech
 * or a refusal to speak ("… and declined to say more", "… and added that …"), or a past verb where the
 * reported clause has a modal (a predicate of that clause would be a bare verb). Either is coordinated
 * with the reporting verb, so what was said ends before it; the clause before it is reported all the same.
 */
export function speakersOwnAct(verb: string, before: string): boolean {
  return SPEECH_VERBS.has(verb) || REFUSALS.has(verb) || (isPast(verb) && MODAL.test(before));
}

const REFUSALS = new Set(['declined', 'refused']);

/**
 * ", and asked whether …", " and declined to …": where a conjunct in the reported clause is the
 * speaker's own next act rather than the clause's — a refusal to speak, or a past form where the
 * clause has a modal (a conjunct of the clause would be a bare verb: "would review and ask"). Another
 * verb of speech alone is not enough: "said residents complained and demanded a meeting" is theirs.
 */
export function ownPredicateStart(clause: string): number | null {
  for (const m of clause.matchAll(/,?\s+(?:and|but)\s+(\p{Ll}+)\s/gu)) {
    const verb = m[1] ?? '';
    if (REFUSALS.has(verb) || (isPast(verb) && MODAL.test(clause.slice(0, m.index)))) return m.index;
  }
  return null;
}
