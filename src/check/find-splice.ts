import { type Alignment, longestRuns } from './align-words.js';
import { spanOf } from './check-parts.js';
import type { Piece } from './continued-quote.js';
import type { QuoteSource } from './quote-sources.js';
import type { ClaimWords } from './source-words.js';

/** A piece of a splice is at least this many words: shorter runs ("of the", "we will") occur anywhere. */
const MIN_PIECE_WORDS = 3;
/**
 * A piece from another document than the claim's longest piece must be at least this long. Short runs
 * of ordinary words ("the city has") recur across any archive by chance, more often the larger it is,
 * whereas words lifted from a second story to build a false quote are a phrase of their own.
 */
const OTHER_DOCUMENT_PIECE_WORDS = 5;
/** Share of the claim's words its pieces must account for to call it spliced rather than invented. */
const SPLICE_COVER_MIN = 0.8;

/**
 * A claim made of word-for-word pieces from different quotes or places, and the share of its words they
 * account for. Pieces of one quote only are not a splice: that is one quotation with words changed.
 */
export function findSplice(
  claimText: string,
  claim: ClaimWords,
  sources: readonly QuoteSource[],
): { pieces: Piece[]; cover: number } | null {
  const n = claim.words.length;
  if (n < 2 * MIN_PIECE_WORDS) return null;
  const runs = sources.map((source) => longestRuns(claim.words, source.words));
  const found: { source: QuoteSource; claimStart: number; length: number; sourceStart: number }[] = [];
  let covered = 0;
  for (let i = 0; i < n; ) {
    let best: (typeof found)[number] | null = null;
    for (const [s, perSource] of runs.entries()) {
      const run = perSource[i];
      const source = sources[s];
      if (run && source && (!best || run.length > best.length)) best = { ...run, source };
    }
    if (best && best.length >= MIN_PIECE_WORDS) {
      found.push(best);
      covered += best.length;
      i += best.length;
    } else i += 1;
  }
  const main = found.reduce<(typeof found)[number] | null>(
    (best, run) => (!best || run.length > best.length ? run : best),
    null,
  );
  for (let i = found.length - 1; i >= 0; i--) {
    const run = found[i];
    if (
      run &&
      run.source.document.id !== main?.source.document.id &&
      run.length < OTHER_DOCUMENT_PIECE_WORDS
    ) {
      covered -= run.length;
      found.splice(i, 1);
    }
  }
  const places = new Set(
    found.map((run) => `${run.source.chunk.id}:${run.source.owner[run.sourceStart] ?? -1}`),
  );
  const cover = covered / n;
  if (found.length < 2 || places.size < 2 || cover < SPLICE_COVER_MIN) return null;
  const pieces = found.map((run) => {
    const quote = run.source.quotes[run.source.owner[run.sourceStart] ?? -1] ?? null;
    const text = claimText.slice(
      claim.words[run.claimStart]?.start ?? 0,
      claim.words[run.claimStart + run.length - 1]?.end ?? 0,
    );
    const stretch = { first: run.sourceStart, last: run.sourceStart + run.length - 1 };
    return {
      piece: { text, original: spanOf(run.source, quote ? [quote] : [], stretch) },
      source: run.source,
      quote,
      ...stretch,
    };
  });
  return { pieces, cover };
}

/** The pieces of one aligned stretch that belong to different quotes (different speakers). */
export function piecesByQuote(
  claimText: string,
  claim: ClaimWords,
  source: QuoteSource,
  alignment: Alignment,
): Piece[] {
  const groups: { owner: number; claim: number[]; source: number[] }[] = [];
  for (const step of alignment.steps) {
    if (step.op !== 'same' && step.op !== 'changed') continue;
    const owner = source.owner[step.source] ?? -1;
    const last = groups.at(-1);
    if (last && last.owner === owner) {
      last.claim.push(step.claim);
      last.source.push(step.source);
    } else groups.push({ owner, claim: [step.claim], source: [step.source] });
  }
  return groups.map((group) => {
    const quote = source.quotes[group.owner] ?? null;
    const text = claimText.slice(
      claim.words[group.claim[0] ?? 0]?.start ?? 0,
      claim.words[group.claim.at(-1) ?? 0]?.end ?? 0,
    );
    const stretch = { first: group.source[0] ?? 0, last: group.source.at(-1) ?? 0 };
    return {
      piece: { text, original: spanOf(source, quote ? [quote] : [], stretch) },
      source,
      quote,
      ...stretch,
    };
  });
}
