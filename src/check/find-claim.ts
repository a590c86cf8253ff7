import { findSpeechSubject } from '../answer/analyze-question.js';
import { findProperNames } from '../text/proper-names.js';
import { readWords } from './source-words.js';

/** A quotation someone asks about, and who they say said it. */
export interface ClaimInQuestion {
  claim: string;
  /** As typed ("Nelson", "Sen. Reed", "the NASA administrator"); null when the question names no one. */
  speaker: string | null;
}

/**
 * Quoted text in a question: paired double quotes of any style (“…”, "…", German „…“, French «…»,
 * Swedish ”…”, Japanese 「…」), or
 * curly single quotes (straight single quotes are apostrophes far more often than quote marks).
 */
const QUOTED = /(?:[“"„«「]|”(?=\S))([^“”"„«»「」]+)[”"»“」]|‘([^‘’]+(?:’\p{L}[^‘’]*)*)’/gu;
/**
 * Quoted text of fewer words is a term or a title being asked about ("what did she say about
 * “reusable”?"), not a statement whose wording is in question: a statement needs a subject and a verb
 * at least, and a phrase of three words is the shortest that is commonly quoted as someone's words.
 */
const MIN_CLAIM_WORDS = 3;

/**
 * The quotation a question asks about — `did X say "…"`, `who said "…"`, `is this quote right: "…"` —
 * or null when it quotes no statement. The longest quoted statement is the claim: a question that
 * quotes several is about the longest, the others being terms.
 */
export function findClaim(question: string): ClaimInQuestion | null {
  let best: { text: string; start: number; end: number } | null = null;
  for (const match of question.matchAll(QUOTED)) {
    const text = (match[1] ?? match[2] ?? '').trim();
    if (readWords(text).length < MIN_CLAIM_WORDS) continue;
    if (!best || text.length > best.text.length)
      best = { text, start: match.index, end: match.index + match[0].length };
  }
  if (!best) return null;
  const rest = `${question.slice(0, best.start)} … ${question.slice(best.end)}`;
  return { claim: best.text, speaker: claimedSpeaker(rest) };
}

/**
 * Who the rest of the question says spoke: the subject of its speech verb as typed ("Nelson", "the NASA
 * administrator"), without the adverbs that hedge the verb ("did X really say"); else the first name of
 * a person or organisation it gives ("Musk's quote “…”").
 */
function claimedSpeaker(rest: string): string | null {
  const subject = findSpeechSubject(rest);
  if (subject) {
    const phrase = subject
      .split(/\s+/)
      .filter((word) => !(word.length > 3 && /ly$/i.test(word)))
      .join(' ')
      .trim();
    // "did someone say", "did he say": the question names no one.
    if (phrase && !/^(?:it|this|that|he|she|they|someone|anyone|anybody|somebody|who)$/i.test(phrase))
      return phrase;
  }
  return findProperNames(rest).find((name) => name.kind !== 'other')?.name ?? null;
}

/** A quotation typed with its own quote marks: the words inside them. */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const match = /^[“"„«‘'「”]([\s\S]*)[”"»’'」]$/u.exec(trimmed);
  return match ? (match[1] ?? '').trim() : trimmed;
}

/**
 * What `/quote check …` asks about: the quotation in quote marks (with any name beside it), or, typed
 * without marks, the whole text as the quotation.
 */
export function claimFromCommand(text: string): ClaimInQuestion | null {
  const found = findClaim(text);
  if (found) return found;
  const bare = unquote(text);
  return readWords(bare).length >= MIN_CLAIM_WORDS ? { claim: bare, speaker: null } : null;
}
