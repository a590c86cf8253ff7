import { findSpeakersInText } from '../quotes/find-speakers-in-text.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import type { Quote } from '../quotes/types.js';
import { isReportedSpeech } from './check-reported-speech.js';
import { capitalize, credit } from './credit.js';
import { isVerbatimIn, normalizeForMatch, type QuotedSpan } from './quoted-spans.js';
import type { Passage, Removal, VerifyContext } from './types.js';

/**
 * One quoted string of a generated sentence against the passages the sentence cites: kept when verbatim
 * and credited to the speaker the document names; replaced by the stored quote when it is a near miss
 * or credited to the wrong person; dropped (with the whole sentence) otherwise.
 */
export type QuoteOutcome =
  | { kind: 'drop'; removal: Removal }
  | { kind: 'keep'; text: string; quote: { n: number; quote: Quote } | null; removal: Removal | null };

export function checkQuote(
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
