import type { Chunk } from '../index/types.js';
import { contentTerms } from '../text/terms.js';
import type { QuestionAnalysis } from './analyze-question.js';
import type { SearchContext } from './search-context.js';
import { isEmptyFilter, quoteMatches, type SpeakerFilter } from './speaker-filter.js';
import type { Passage } from './types.js';

/** Reciprocal Rank Fusion constant from Cormack et al. (2009); 60 is the published default. */
const RRF_K = 60;
/** How many candidates each ranking contributes before fusion. */
const CANDIDATES = 50;
/** Fused candidates whose coverage is computed before the final cut to k. */
const RERANK_DEPTH = 20;
/** A synonym counts for part of the question word it stands in for. */
const SYNONYM_CREDIT = 0.7;

export interface RetrieveOptions {
  analysis: QuestionAnalysis;
  k: number;
  /** Speakers whose words the question asks for: passages quoting them are preferred. */
  speakers?: SpeakerFilter;
}

/**
 * Hybrid retrieval: the vector ranking and the BM25 ranking (with WordNet synonyms weighted below the
 * question's own words) fused with RRF; a third ranking of passages quoting a speaker the question
 * names joins the fusion. De-duplicated by (document, paragraph), best first.
 */
export async function retrieve(context: SearchContext, options: RetrieveOptions): Promise<Passage[]> {
  const { index } = context;
  const queryVector = await context.embedder.embeddings.embedQuery(options.analysis.text);
  const vectorRanking = index.hnsw.search(queryVector, CANDIDATES).map((hit) => hit.label);
  const lexicalRanking = index.lexical
    .search({ text: options.analysis.text, expansions: options.analysis.expansions, limit: CANDIDATES })
    .map((hit) => hit.label);
  const rankings: Ranking[] = [
    { labels: vectorRanking, weight: 1 },
    { labels: lexicalRanking, weight: 1 },
  ];
  // Only when the question asks for someone's words: "Musk" in "if Musk violated his clearance" is the
  // topic, not a request for Musk's quotes.
  const speakerRanking =
    options.analysis.asksForWords && options.speakers
      ? rankBySpeaker(context, fuse(rankings), options.speakers)
      : null;
  if (speakerRanking) rankings.push(speakerRanking);
  const scores = fusedScores(rankings);
  // IDF weights once per question: each is a search over the whole index.
  const weights = new Map(
    options.analysis.keyTerms.map((term) => [term.word, index.lexical.inverseDocumentFrequency(term.word)]),
  );
  const seen = new Set<string>();
  const passages: Passage[] = [];
  for (const [label, score] of [...scores].sort((a, b) => b[1] - a[1])) {
    const chunk = index.chunks[label];
    if (!chunk || seen.has(`${chunk.doc}#${chunk.paragraph}`)) continue;
    seen.add(`${chunk.doc}#${chunk.paragraph}`);
    passages.push(toPassage(context, chunk, score, options.analysis, weights));
    if (passages.length >= RERANK_DEPTH) break;
  }
  // Rank fusion knows positions, not content: a passage that contains what the question asks about
  // moves ahead of one that merely ranked well on a few of its words.
  for (const passage of passages) passage.score *= 0.5 + passage.coverage;
  return passages.sort((a, b) => b.score - a.score).slice(0, options.k);
}

interface Ranking {
  labels: number[];
  weight: number;
}

function fusedScores(rankings: Ranking[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { labels, weight } of rankings) {
    labels.forEach((label, rank) => {
      scores.set(label, (scores.get(label) ?? 0) + weight / (RRF_K + rank + 1));
    });
  }
  return scores;
}

function fuse(rankings: Ranking[]): number[] {
  return [...fusedScores(rankings)].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}

/**
 * The candidates that quote a speaker the question asks about, in fused order: the person's own
 * quotes first, then joint statements they signed. A group named only by a common noun ("the
 * senators") is weak evidence of intent, so that ranking counts half.
 */
function rankBySpeaker(context: SearchContext, candidates: number[], filter: SpeakerFilter): Ranking | null {
  if (isEmptyFilter(filter)) return null;
  const quotesOf = (label: number) =>
    (context.index.chunks[label]?.quotes ?? []).filter((quote) => quoteMatches(quote, filter));
  const own = candidates.filter((label) =>
    quotesOf(label).some((quote) => filter.people.has(quote.speaker ?? '')),
  );
  const joint = candidates.filter((label) => !own.includes(label) && quotesOf(label).length > 0);
  return { labels: [...own, ...joint], weight: filter.people.size > 0 ? 2 : 0.5 };
}

function toPassage(
  context: SearchContext,
  chunk: Chunk,
  score: number,
  analysis: QuestionAnalysis,
  weights: Map<string, number>,
): Passage {
  const meta = context.documents.get(chunk.doc)?.meta;
  return {
    chunkId: chunk.id,
    doc: chunk.doc,
    title: meta?.title ?? chunk.doc,
    publisher: meta?.publisher ?? meta?.source ?? null,
    date: meta?.date ?? null,
    url: meta?.url ?? null,
    paragraph: chunk.paragraph,
    text: chunk.text,
    start: chunk.start,
    quotes: chunk.quotes,
    score,
    coverage: coverageOf(chunk, analysis, weights),
  };
}

/** Weighted share of the question's key terms the passage contains; rare terms weigh more (IDF). */
function coverageOf(chunk: Chunk, analysis: QuestionAnalysis, weights: Map<string, number>): number {
  const speakerText = chunk.quotes.flatMap((quote) => [
    quote.speaker ?? '',
    quote.role ?? '',
    ...quote.members,
  ]);
  const present = new Set(contentTerms([chunk.text, ...speakerText].join(' ')));
  let total = 0;
  let covered = 0;
  for (const term of analysis.keyTerms) {
    const weight = weights.get(term.word) ?? 1;
    total += weight;
    if (present.has(term.stem)) covered += weight;
    else if (term.synonymStems.some((synonym) => present.has(synonym))) covered += weight * SYNONYM_CREDIT;
  }
  return total === 0 ? 0 : covered / total;
}
