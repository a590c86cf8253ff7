import type { Citation } from '../answer/citation.js';
import type { SearchContext } from '../answer/search-context.js';
import { WhosaidError } from '../errors.js';
import type { Chunk } from '../index/types.js';
import type { Quote } from '../quotes/types.js';
import { type Alignment, alignWords, similarity } from './align-words.js';
import { attributionOf, uncertainDisagreement } from './attribution-evidence.js';
import { citationOf, closestOf, diffOf, spanOf } from './check-parts.js';
import { closestReport } from './closest-report.js';
import { continuedQuote, type Piece } from './continued-quote.js';
import { summarizeCheck } from './describe-check.js';
import { findSplice, piecesByQuote } from './find-splice.js';
import { findQuoteSources, type QuoteSource } from './quote-sources.js';
import { type ClaimWords, readClaim } from './source-words.js';
import { type Agreement, speakerAgreement } from './speaker-agreement.js';
import type { QuoteCheck, Verdict } from './types.js';

export interface CheckRequest {
  /** The quotation to check, without its quote marks. */
  claim: string;
  /** Who the asker says said it, as typed; absent when they did not say. */
  speaker?: string | null;
}

/** Longer than this, a text is not a quotation to check but a document (and alignment grows with it). */
const MAX_CLAIM_CHARS = 2000;
/** Fewer words than this carry no claim: "yes", "no way" are said by everyone. */
const MIN_CLAIM_WORDS = 3;
/**
 * A stretch at least this alike (unchanged words over unchanged words plus edits) is the claim's source
 * with words altered: one to three words changed in a quotation of eight or more keep it above this,
 * while a sentence that merely shares a topic's words shares few of them in order.
 */
const ALTERED_MIN = 0.5;

interface Candidate {
  source: QuoteSource;
  alignment: Alignment;
  /** The quote most aligned words belong to; null when they are the document's narration. */
  main: Quote | null;
  score: number;
  /** Whether the asker's speaker is the one credited (null: no speaker claimed, or none credited). */
  agrees: boolean | null;
  /** `main` is a quote inside the one most aligned words belong to (innerAgreeing). */
  inner?: boolean;
}

type Found = Omit<
  QuoteCheck,
  'summary' | 'claim' | 'claimed_speaker' | 'attribution' | 'speaker_uncertain'
> & {
  /** The quote whose speaker the verdict names (its attribution evidence is shown). */
  basis: Quote | null;
  speaker_uncertain?: boolean;
};

/** The claimed speaker against the document's: agreement, and whether a disagreement is only weak. */
interface SpeakerJudge {
  agrees: Agreement;
  uncertain: (source: QuoteSource, quote: Quote) => boolean;
}

/**
 * Judges a quotation against the indexed documents: are these someone's words, verbatim, and whose?
 * Every verdict but `not_found` cites the verbatim span it rests on; a claim that differs from the
 * document in any word is never `verbatim`.
 */
export async function checkQuote(context: SearchContext, request: CheckRequest): Promise<QuoteCheck> {
  const claimText = request.claim.trim();
  if (claimText.length > MAX_CLAIM_CHARS) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `The quotation is too long to check (${claimText.length.toLocaleString('en')} characters; at most ${MAX_CLAIM_CHARS.toLocaleString('en')}). Check one quotation at a time.`,
    );
  }
  const claimed = request.speaker?.trim() || null;
  const claim = readClaim(claimText);
  const sources = claim.words.length >= MIN_CLAIM_WORDS ? await findQuoteSources(context, claimText) : [];
  // Only a claimed speaker is weighed against the documents' own words (the paragraphs around a quote,
  // the sentences naming who it credits, its speakers): then each source's document is read.
  const paragraphs = new Map<string, readonly Chunk[]>();
  const quotes = new Map<string, readonly Quote[]>();
  if (claimed)
    for (const { document } of sources)
      if (!paragraphs.has(document.id)) {
        paragraphs.set(
          document.id,
          await context.store.documentParagraphs(document.id, document.paragraphCount),
        );
        quotes.set(document.id, await context.quotes.ofDocument(document));
      }
  const judgeSpeaker: SpeakerJudge = {
    agrees: speakerAgreement(paragraphs, quotes),
    uncertain: (source, quote) =>
      uncertainDisagreement(paragraphs.get(source.document.id) ?? [], quote, claimed),
  };
  const { basis, speaker_uncertain, ...found } = judge(claimText, claim, sources, claimed, judgeSpeaker);
  const check: Omit<QuoteCheck, 'summary'> = {
    ...found,
    claim: claimText,
    claimed_speaker: claimed,
    attribution: found.said_by ? attributionOf(basis) : null,
    speaker_uncertain: speaker_uncertain === true,
  };
  return { ...check, summary: summarizeCheck(check) };
}

function judge(
  claimText: string,
  claim: ClaimWords,
  sources: QuoteSource[],
  claimed: string | null,
  speakers: SpeakerJudge,
): Found {
  const agreement = speakers.agrees;
  const candidates = sources
    .flatMap((source) => {
      const alignment = alignWords(claim, source.words);
      if (!alignment) return [];
      const outer = mainQuote(source, alignment);
      const passedOn =
        outer && agreement(outer, source, claimed) === false
          ? innerAgreeing(source, alignment, outer, (quote) => agreement(quote, source, claimed) === true)
          : null;
      // `My teacher, Arno Vidal, used to say, "Your hands know before your eyes do."`: words the outer
      // speaker sets in quote marks of their own and gives to someone else are that person's, the outer
      // speaker only passing them on — whoever the claim names.
      const quoted =
        outer && !passedOn
          ? innerAgreeing(
              source,
              alignment,
              outer,
              (quote) => quote.kind === 'direct' && quote.speaker !== null && quote.speaker !== outer.speaker,
            )
          : null;
      const main = passedOn ?? quoted ?? outer;
      return [
        {
          source,
          alignment,
          main,
          inner: passedOn !== null || quoted !== null,
          score: similarity(alignment),
          agrees: agreement(main, source, claimed),
        },
      ];
    })
    .sort(
      (a, b) => b.score - a.score || rank(b.agrees) - rank(a.agrees) || kindRank(b.main) - kindRank(a.main),
    );
  const best = candidates[0];
  const splice = findSplice(claimText, claim, sources);
  if (splice && (!best || best.score < 1) && splice.cover > (best?.score ?? 0)) {
    const continued = continuedQuote(splice.pieces, splice.cover);
    if (!continued) return spliced(splice.pieces);
    const first = splice.pieces[0] as Piece;
    const agrees = agreement(first.quote, first.source, claimed);
    const uncertain =
      agrees === false && first.quote !== null && speakers.uncertain(first.source, first.quote);
    return {
      verdict: agrees === false ? 'misattributed' : continued.verdict,
      basis: first.quote,
      speaker_uncertain: uncertain,
      wording: continued.verdict,
      said_by: continued.speaker,
      original: first.piece.original,
      diff: [],
      pieces: splice.pieces.map((entry) => entry.piece),
      citations: continued.citations,
      closest: [],
    };
  }
  if (best?.main && best.score >= ALTERED_MIN)
    return fromAlignment(claimText, claim, { ...best, main: best.main }, speakers);
  const reported = closestReport(claimText, sources);
  if (reported) {
    const agrees = agreement(reported.quote, reported.source, claimed);
    return {
      verdict: agrees === false ? 'misattributed' : 'paraphrase',
      basis: reported.quote,
      wording: 'paraphrase',
      said_by: reported.quote.speaker,
      original: spanOf(reported.source, [reported.quote], null),
      diff: [],
      pieces: [],
      citations: [citationOf(1, reported.source, reported.quote)],
      closest: [],
    };
  }
  // The words are the document's own text, credited to no one: not a quotation, whoever is named.
  if (best && best.score >= ALTERED_MIN) {
    return {
      verdict: 'paraphrase',
      basis: null,
      wording: 'paraphrase',
      said_by: null,
      original: spanOf(best.source, [], best.alignment),
      diff: [],
      pieces: [],
      citations: [citationOf(1, best.source, null)],
      closest: [],
    };
  }
  return {
    verdict: 'not_found',
    basis: null,
    wording: null,
    said_by: null,
    original: null,
    diff: [],
    pieces: [],
    citations: [],
    closest: closestOf(candidates.map((candidate) => candidate.source)),
  };
}

/** The claim read as one stretch of one paragraph: verbatim, shortened, altered or reported speech. */
function fromAlignment(
  claimText: string,
  claim: ClaimWords,
  best: Candidate & { main: Quote },
  speakers: SpeakerJudge,
): Found {
  const { source, alignment, main } = best;
  // Words the outer speaker passes on are the inner speaker's quote, and that one alone.
  const touched = best.inner ? [main] : touchedQuotes(source, alignment);
  // One stretch, two people: a sentence of one joined to a sentence of another.
  if (new Set(touched.map((quote) => quote.speaker)).size > 1) {
    return spliced(piecesByQuote(claimText, claim, source, alignment));
  }
  const wording: QuoteCheck['wording'] = touched.every((quote) => quote.kind === 'indirect')
    ? 'paraphrase'
    : best.score < 1
      ? 'altered'
      : coversWhole(source, alignment, touched)
        ? 'verbatim'
        : 'shortened';
  const uncertain = best.agrees === false && speakers.uncertain(source, main);
  return {
    verdict: best.agrees === false ? 'misattributed' : wording,
    basis: main,
    speaker_uncertain: uncertain,
    wording,
    said_by: main.speaker,
    original: spanOf(source, touched, alignment),
    diff: wording === 'paraphrase' ? [] : diffOf(claimText, claim, source, alignment, touched),
    pieces: [],
    citations: [citationOf(1, source, main)],
    closest: [],
  };
}

function spliced(pieces: Piece[]): Found {
  const citations: Citation[] = [];
  for (const { source, quote } of pieces) {
    const known = citations.some(
      (citation) => citation.doc === source.document.id && citation.paragraph === source.chunk.paragraph,
    );
    if (!known) citations.push(citationOf(citations.length + 1, source, quote));
  }
  return {
    verdict: 'spliced' as Verdict,
    basis: null,
    wording: null,
    said_by: null,
    original: pieces[0]?.piece.original ?? null,
    diff: [],
    pieces: pieces.map((entry) => entry.piece),
    citations,
    closest: [],
  };
}

const rank = (agrees: boolean | null) => (agrees === true ? 2 : agrees === null ? 1 : 0);
const kindRank = (quote: Quote | null) => (quote?.kind === 'direct' ? 2 : quote ? 1 : 0);

function mainQuote(source: QuoteSource, alignment: Alignment): Quote | null {
  const counts = new Map<number, number>();
  for (const step of alignment.steps) {
    if (step.op !== 'same' && step.op !== 'changed') continue;
    const owner = source.owner[step.source] ?? -1;
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  const top = [...counts].filter(([owner]) => owner !== -1).sort((a, b) => b[1] - a[1])[0];
  // Mostly narration: the words are the writer's, whatever quote they brush against.
  if (!top || top[1] < (counts.get(-1) ?? 0)) return null;
  return source.quotes[top[0]] ?? null;
}

/**
 * "Helen Odunsi: … Walter Brandvold told us the pipe was in good condition …": words inside one
 * speaker's quote or turn that the text presents as another's (an indirect report or an inner quote
 * within it) are the inner speaker's as much as the outer's, who passes them on. When the claim names
 * the inner speaker, the inner quote is its source: the smallest one holding every aligned word whose
 * speaker agrees.
 */
function innerAgreeing(
  source: QuoteSource,
  alignment: Alignment,
  outer: Quote,
  agrees: (quote: Quote) => boolean,
): Quote | null {
  const aligned = alignment.steps
    .filter((step) => step.op === 'same' || step.op === 'changed')
    .map((step) => source.words[step.source])
    .filter((word) => word !== undefined);
  if (aligned.length === 0) return null;
  const holds = (quote: Quote) =>
    quote !== outer &&
    quote.start >= outer.start &&
    quote.end <= outer.end &&
    aligned.every((word) => word.start >= quote.start && word.end <= quote.end);
  const inner = source.quotes.filter((quote) => holds(quote) && agrees(quote));
  return inner.sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
}

function touchedQuotes(source: QuoteSource, alignment: Alignment): Quote[] {
  const owners = new Set<number>();
  for (const step of alignment.steps) {
    if (step.op !== 'same' && step.op !== 'changed') continue;
    const owner = source.owner[step.source] ?? -1;
    if (owner !== -1) owners.add(owner);
  }
  return [...owners].sort((a, b) => a - b).flatMap((owner) => source.quotes[owner] ?? []);
}

/** True when the claim takes in every word of the quotes it touches, with no cut. */
function coversWhole(source: QuoteSource, alignment: Alignment, touched: readonly Quote[]): boolean {
  if (alignment.steps.some((step) => step.op === 'cut')) return false;
  const owners = new Set(touched.map((quote) => source.quotes.indexOf(quote)));
  // A word is a touched quote's when it is credited to it or lies within it (a quote passed on inside
  // another is credited to the outer one word by word).
  const within = (i: number) => {
    const word = source.words[i];
    return word !== undefined && touched.some((quote) => word.start >= quote.start && word.end <= quote.end);
  };
  return source.owner.every(
    (owner, i) => !(owners.has(owner) || within(i)) || (i >= alignment.first && i <= alignment.last),
  );
}
