import { addressesReader, echoesInstruction } from '../llm/instruction-like.js';
import { findSpeakersInText } from '../quotes/find-speakers-in-text.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import type { Quote } from '../quotes/types.js';
import { sentencesOf } from '../text/sentences.js';
import type { Wordnet } from '../text/wordnet.js';
import { isGenericWord } from './analyze-question.js';
import { checkReportedSpeech, isReportedSpeech } from './check-reported-speech.js';
import { capitalize, credit } from './credit.js';
import { findQuotedSpans, isVerbatimIn, normalizeForMatch, type QuotedSpan } from './quoted-spans.js';
import { supportOf } from './support-of.js';
import type { Passage, Removal } from './types.js';

export interface VerifyContext {
  /** The passages the model was given, numbered from 1 in this order. */
  passages: Passage[];
  speakers: SpeakerEntry[];
  wordnet: Wordnet;
}

export interface VerifiedSentence {
  text: string | null;
  cited: number[];
  /** Stored quotes the sentence quotes, by passage number. */
  quotes: { n: number; quote: Quote }[];
  removed: Removal[];
}

/** Share of a sentence's content words that its cited passages must contain (synonyms count). */
export const MIN_SUPPORT = 0.4;
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

type QuoteOutcome =
  | { kind: 'drop'; removal: Removal }
  | { kind: 'keep'; text: string; quote: { n: number; quote: Quote } | null; removal: Removal | null };

function checkQuote(
  span: QuotedSpan,
  sentence: string,
  sources: { n: number; passage: Passage }[],
  context: VerifyContext,
): QuoteOutcome {
  const home = sources.find(({ passage }) => isVerbatimIn(span.inner, passage.text));
  if (!home) {
    const closest = closestStoredQuote(span.inner, sources);
    if (!closest) {
      return {
        kind: 'drop',
        removal: { kind: 'quote', text: span.inner, reason: 'the quoted words are not in any cited passage' },
      };
    }
    const replaced = `${sentence.slice(0, span.start)}“${closest.quote.text.replace(/[\s,]+$/, '')}”${sentence.slice(span.end)}`;
    return {
      kind: 'keep',
      text: replaced,
      quote: closest,
      removal: {
        kind: 'quote',
        text: span.inner,
        reason: `not verbatim; replaced by the quote as passage [${closest.n}] has it`,
      },
    };
  }
  const stored = home.passage.quotes.find(
    (quote) => quote.speaker !== null && isVerbatimIn(span.inner, quote.text),
  );
  const credited = nearestSpeaker(sentence, span, context.speakers);
  if (stored && credited && !creditsSpeaker(stored, credited)) {
    const fixed = `${capitalize(credit(stored))} said: “${span.inner.replace(/[\s,]+$/, '')}” [${home.n}]`;
    return {
      kind: 'keep',
      text: fixed,
      quote: { n: home.n, quote: stored },
      removal: {
        kind: 'attribution',
        text: sentence.trim(),
        reason: `credited ${credited}, but the document attributes it to ${stored.speaker}`,
      },
    };
  }
  if (!stored && credited && isReportedSpeech(sentence)) {
    return {
      kind: 'drop',
      removal: {
        kind: 'attribution',
        text: span.inner,
        reason: `the document does not attribute these words to ${credited}`,
      },
    };
  }
  return { kind: 'keep', text: sentence, quote: stored ? { n: home.n, quote: stored } : null, removal: null };
}

function creditsSpeaker(quote: Quote, name: string): boolean {
  return quote.speaker === name || quote.members.includes(name);
}

/** The stored quote most like a misquoted string (at least half its words shared). */
function closestStoredQuote(
  inner: string,
  sources: { n: number; passage: Passage }[],
): { n: number; quote: Quote } | null {
  const wordsOf = (text: string) =>
    new Set(
      normalizeForMatch(text)
        .toLowerCase()
        .match(/[\p{L}\p{N}']+/gu) ?? [],
    );
  const wanted = wordsOf(inner);
  let best: { n: number; quote: Quote; score: number } | null = null;
  for (const { n, passage } of sources) {
    for (const quote of passage.quotes.filter((candidate) => candidate.speaker !== null)) {
      const have = wordsOf(quote.text);
      const shared = [...wanted].filter((word) => have.has(word)).length;
      const score = shared / Math.max(wanted.size, have.size, 1);
      if (score >= 0.5 && (!best || score > best.score)) best = { n, quote, score };
    }
  }
  return best ? { n: best.n, quote: best.quote } : null;
}

/** The known speaker named closest to the quoted span in the sentence, if any is named. */
function nearestSpeaker(sentence: string, span: QuotedSpan, speakers: SpeakerEntry[]): string | null {
  const lower = sentence.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const name of findSpeakersInText(sentence, speakers)) {
    const entry = speakers.find((candidate) => candidate.name === name);
    for (const alias of [name, ...(entry?.aliases ?? [])]) {
      for (
        let at = lower.indexOf(alias.toLowerCase());
        at >= 0;
        at = lower.indexOf(alias.toLowerCase(), at + 1)
      ) {
        if (at >= span.start && at < span.end) continue;
        const distance = at < span.start ? span.start - (at + alias.length) : at - span.end;
        if (!best || distance < best.distance) best = { name, distance };
      }
    }
  }
  return best?.name ?? null;
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
