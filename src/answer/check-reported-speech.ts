import { findSpeakersInText } from '../quotes/find-speakers-in-text.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import type { Quote } from '../quotes/types.js';
import { isGenericWord } from '../text/generic-words.js';
import { supportOf } from '../text/support-of.js';
import type { Wordnet } from '../text/wordnet.js';
import type { Passage, Removal } from './types.js';

/** "X said …" must be backed by X's own quotes at least this much (the words of the claim). */
const MIN_SPEECH_SUPPORT = 0.6;

const SPEECH_VERB =
  /\b(?:said|says|say|told|tells|warn(?:s|ed)?|argu(?:es|ed)|add(?:s|ed)|wr(?:ote|ites)|stated?|claim(?:s|ed)|not(?:es|ed)|call(?:s|ed)|described?|highlight(?:s|ed)|explain(?:s|ed)|acknowledg(?:es|ed)|insist(?:s|ed)|suggest(?:s|ed)|repl(?:y|ied|ies)|respond(?:s|ed)?)\b(?:\s+(?:that|how))?/i;
const ACCORDING_TO = /\baccording to\s+([^,]+),\s*/i;
const PRONOUN = /^(?:he|she|they|it|the (?:senator|lawyer|attorney|official|company|statement|report))$/i;

export function isReportedSpeech(sentence: string): boolean {
  return SPEECH_VERB.test(sentence) || ACCORDING_TO.test(sentence);
}

/**
 * Checks a sentence that reports speech without quotation marks ("Meyer said the contracts …"): the
 * speaker must be someone the documents quote, the cited passages must quote them, and the claim's
 * words must come from their quotes — not merely from the passage around them.
 */
export function checkReportedSpeech(
  sentence: string,
  passages: Passage[],
  speakers: readonly SpeakerEntry[],
  wordnet: Wordnet,
): Removal | null {
  const { subject, claim } = splitSpeech(sentence);
  if (subject === null) return null;
  const quotes = passages.flatMap((passage) => passage.quotes).filter((quote) => quote.speaker !== null);
  let theirs: Quote[];
  let who: string;
  if (PRONOUN.test(subject.trim())) {
    theirs = quotes;
    who = subject.trim();
  } else {
    const named = findSpeakersInText(subject, speakers);
    if (named.length === 0) {
      if (!/\p{Lu}/u.test(subject)) return null;
      return {
        kind: 'attribution',
        text: sentence,
        reason: `the documents quote no one named in "${subject.trim()}"`,
      };
    }
    theirs = quotes.filter((quote) =>
      named.some((name) => quote.speaker === name || quote.members.includes(name)),
    );
    who = named.join(' or ');
    if (theirs.length === 0) {
      return {
        kind: 'attribution',
        text: sentence,
        reason: `the cited passages attribute nothing to ${who}`,
      };
    }
  }
  const support = supportOf(claim, theirs.map((quote) => quote.text).join(' '), wordnet, isGenericWord);
  if (support >= MIN_SPEECH_SUPPORT) return null;
  return {
    kind: 'attribution',
    text: sentence,
    reason: `${who} is not quoted saying that (${Math.round(support * 100)}% of its words are in their quotes)`,
  };
}

/** "Dan Meyer said that X" → subject "Dan Meyer", claim "X"; "According to X, Y" → X, Y. */
function splitSpeech(sentence: string): { subject: string | null; claim: string } {
  const according = ACCORDING_TO.exec(sentence);
  if (according) {
    return {
      subject: according[1] ?? '',
      claim: sentence.slice(0, according.index) + sentence.slice(according.index + according[0].length),
    };
  }
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb) return { subject: null, claim: sentence };
  return { subject: sentence.slice(0, verb.index), claim: sentence.slice(verb.index + verb[0].length) };
}
