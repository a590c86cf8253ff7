import { addressesReader, echoesInstruction } from '../llm/instruction-like.js';
import type { Quote } from '../quotes/types.js';
import { isGenericWord } from '../text/generic-words.js';
import { sentencesOf } from '../text/sentences.js';
import { supportOf } from '../text/support-of.js';
import { checkQuote } from './check-quoted-span.js';
import { checkReportedSpeech, isReportedSpeech } from './check-reported-speech.js';
import { findQuotedSpans } from './quoted-spans.js';
import type { Passage, Removal, VerifyContext } from './types.js';

export interface VerifiedSentence {
  text: string | null;
  cited: number[];
  /** Stored quotes the sentence quotes, by passage number. */
  quotes: { n: number; quote: Quote }[];
  removed: Removal[];
}

/** Share of a sentence's content words that its cited passages must contain (synonyms count). */
const MIN_SUPPORT = 0.4;
const CITATION = /\s*\[(\d+(?:\s*,\s*\d+)*)\]/g;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;

/**
 * Checks one generated sentence against the passages the model was given, and returns only what holds:
 * citations that point at a given passage; quoted strings that are verbatim in a cited passage (or the
 * stored quote they were meant to be); speakers that match the document's attribution; words found in
 * the cited passages. A sentence left without a valid citation is dropped.
 */
export function verifySentence(raw: string, context: VerifyContext): VerifiedSentence {
  const removed: Removal[] = [];
  const cited = new Set<number>();
  let text = raw.replace(CITATION, (_marker, list: string) => {
    const numbers = list.split(',').map((value) => Number(value.trim()));
    const valid = numbers.filter((n) => n >= 1 && n <= context.passages.length);
    for (const n of numbers.filter((number) => !valid.includes(number))) {
      removed.push({
        kind: 'citation',
        text: `[${n}]`,
        reason: `no passage [${n}] was provided (${context.passages.length} were)`,
      });
    }
    for (const n of valid) cited.add(n);
    return valid.length > 0 ? ` ${valid.map((n) => `[${n}]`).join('')}` : '';
  });
  const drop = (kind: Removal['kind'], reason: string): VerifiedSentence => ({
    text: null,
    cited: [],
    quotes: [],
    removed: [...removed, { kind, text: raw.trim(), reason }],
  });
  if (cited.size === 0) return drop('sentence', 'no valid citation');
  const sources = [...cited].map((n) => ({ n, passage: context.passages[n - 1] as Passage }));
  if (addressesReader(text))
    return drop('sentence', 'it gives the reader an instruction; answers only report what documents say');
  if (sources.some(({ passage }) => echoesInstruction(text, passage.text))) {
    return drop('sentence', 'it repeats an instruction planted in a document');
  }
  const unknownUrl = (text.match(URL) ?? []).find(
    (url) => !sources.some(({ passage }) => passage.text.includes(url) || passage.url === url),
  );
  if (unknownUrl) return drop('sentence', `links to ${unknownUrl}, which no cited passage contains`);
  const quotes: { n: number; quote: Quote }[] = [];
  for (const span of findQuotedSpans(text).reverse()) {
    const outcome = checkQuote(span, text, sources, context);
    if (outcome.kind === 'drop') return drop(outcome.removal.kind, outcome.removal.reason);
    if (outcome.removal) removed.push(outcome.removal);
    text = outcome.text;
    if (outcome.quote) quotes.push(outcome.quote);
  }
  if (quotes.length === 0 && isReportedSpeech(text)) {
    const problem = checkReportedSpeech(
      withoutCitations(text),
      sources.map(({ passage }) => passage),
      context.speakers,
      context.wordnet,
    );
    if (problem) return drop(problem.kind, problem.reason);
  }
  const support = supportOf(
    withoutCitations(text),
    sources.map(({ passage }) => sourceText(passage)).join(' '),
    context.wordnet,
    isGenericWord,
  );
  if (support < MIN_SUPPORT)
    return drop(
      'sentence',
      `its words are not in the cited passage(s) (${Math.round(support * 100)}% found)`,
    );
  return { text: text.trim(), cited: [...cited], quotes, removed };
}

/** A passage's text plus the names and roles of the people it quotes. */
function sourceText(passage: Passage): string {
  const people = passage.quotes.flatMap((quote) => [quote.speaker ?? '', quote.role ?? '', ...quote.members]);
  return [passage.text, ...people].join(' ');
}

function withoutCitations(text: string): string {
  return text.replace(CITATION, '');
}

/** Splits a generated answer into sentences, keeping each citation with the sentence before it. */
export function splitAnswerSentences(raw: string): string[] {
  const moved = raw.replace(/([.!?]["”’]?)((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)/g, '$2$1');
  const lines = moved.split(/\n+/).map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, ''));
  return lines.flatMap(sentencesOf);
}
