import { describeError } from '../errors.js';
import type { Chunk } from '../index/types.js';
import { contentTerms } from '../text/terms.js';
import { type KeyTerm, nameStemsOf, type QuestionAnalysis } from './analyze-question.js';
import { retrievalText } from './described-people.js';
import { documentReference } from './document-reference.js';
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
/** A synonym from a rarer sense, half as much: it may be another sense's word. */
const RELATED_CREDIT = SYNONYM_CREDIT / 2;

export interface RetrieveOptions {
  analysis: QuestionAnalysis;
  k: number;
  /** Speakers whose words the question asks for: passages quoting them are preferred. */
  speakers?: SpeakerFilter;
  /** Words the corpus never uses keep their full weight in coverage (for messages nobody asked the bot). */
  unknownWordsCount?: boolean;
  /** Receives notes for the reader, e.g. that the embeddings service failed and keywords alone were used. */
  notes?: string[];
}

/**
 * Hybrid retrieval: the vector ranking and the BM25 ranking (with WordNet synonyms weighted below the
 * question's own words) fused with RRF; a third ranking of passages quoting a speaker the question
 * names joins the fusion. De-duplicated by (document, paragraph), best first.
 */
export async function retrieve(context: SearchContext, options: RetrieveOptions): Promise<Passage[]> {
  const { index } = context;
  const vectorRanking = await rankByVector(context, options);
  const lexicalRanking = (
    await index.lexical.search({
      text: retrievalText(options.analysis),
      expansions: options.analysis.expansions,
      limit: CANDIDATES,
    })
  ).map((hit) => hit.label);
  const rankings: Ranking[] = [
    { labels: vectorRanking, weight: 1 },
    { labels: lexicalRanking, weight: 1 },
  ];
  // Only when the question asks for someone's words: "Musk" in "if Musk violated his clearance" is the
  // topic, not a request for Musk's quotes.
  const speakerRanking =
    options.analysis.asksForWords && options.speakers
      ? await rankBySpeaker(context, fuse(rankings), options.speakers)
      : null;
  if (speakerRanking) rankings.push(speakerRanking);
  // "Reed's statement", "the Axios article": the passages of the document the question names.
  const reference = documentReference(options.analysis.text, context);
  const referenced = new Set(reference.documents);
  if (referenced.size > 0)
    rankings.push({
      labels: fuse(rankings).filter((label) => referenced.has(context.store.documentOf(label) ?? '')),
      weight: 1,
    });
  const scores = fusedScores(rankings);
  // IDF weights once per question: each is a search over the whole index.
  const nameStems = nameStemsOf(options.analysis);
  const weights = new Map(
    options.analysis.keyTerms.map((term) => [
      term.word,
      termWeight(context, term, options.unknownWordsCount ? null : nameStems),
    ]),
  );
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const chunks = await context.store.byLabel(ranked.map(([label]) => label));
  // The best chunk of each of the first RERANK_DEPTH paragraphs, then those paragraphs whole.
  const chosen = new Map<string, { chunk: Chunk; score: number }>();
  for (const [label, score] of ranked) {
    const chunk = chunks.get(label);
    if (!chunk || chosen.has(`${chunk.doc}#${chunk.paragraph}`)) continue;
    chosen.set(`${chunk.doc}#${chunk.paragraph}`, { chunk, score });
    if (chosen.size >= RERANK_DEPTH) break;
  }
  const whole = await context.store.paragraphs([...chosen.keys()]);
  const passages = [...chosen].map(([key, { chunk, score }]) =>
    toPassage(context, whole.get(key) ?? chunk, score, options.analysis, weights, reference),
  );
  // Rank fusion knows positions, not content: a passage that contains what the question asks about
  // moves ahead of one that merely ranked well on a few of its words.
  for (const passage of passages) passage.score *= 0.5 + passage.coverage;
  return passages.sort((a, b) => b.score - a.score).slice(0, options.k);
}

/**
 * How much a question word counts towards coverage: its IDF over the chunks. A word the corpus never
 * uses (a typo, filler, a synonym the documents lack) cannot tell passages apart and no passage can
 * cover it, so it weighs as little as a word found everywhere, instead of most (plain IDF's maximum):
 * otherwise one unknown word makes every passage look like it misses the question. A short form
 * weighs as the rarest word of the name it stands for; an unknown name keeps its full weight.
 * `nameStems` null: no discount at all (for messages nobody asked the bot).
 */
function termWeight(context: SearchContext, term: KeyTerm, nameStems: ReadonlySet<string> | null): number {
  const { lexical } = context.index;
  const known = [term.word, ...term.equivalentStems].filter((word) => lexical.documentFrequency(word) > 0);
  // A name is different: one the documents never mention means the question is about something else.
  if (known.length === 0)
    return nameStems === null || nameStems.has(term.stem)
      ? lexical.inverseDocumentFrequency(term.word)
      : UNSEEN_TERM_WEIGHT;
  return Math.max(...known.map((word) => lexical.inverseDocumentFrequency(word)));
}

/** log(1 + N/N): the IDF of a word every chunk contains. */
const UNSEEN_TERM_WEIGHT = Math.log(2);

/**
 * The vector ranking, or none when the embeddings service fails (unreachable, model missing): the
 * question is then answered from keyword retrieval over the same index, and the answer says so.
 */
async function rankByVector(context: SearchContext, options: RetrieveOptions): Promise<number[]> {
  try {
    const queryVector = await context.embedder.embeddings.embedQuery(retrievalText(options.analysis));
    return (await context.index.vectorSearch.nearest(queryVector, CANDIDATES)).map((hit) => hit.label);
  } catch (error) {
    options.notes?.push(
      `The embeddings service (${context.embedder.id}) failed (${describeError(error)}); this answer comes from keyword search alone.`,
    );
    return [];
  }
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
async function rankBySpeaker(
  context: SearchContext,
  candidates: number[],
  filter: SpeakerFilter,
): Promise<Ranking | null> {
  if (isEmptyFilter(filter)) return null;
  const chunks = await context.store.byLabel(candidates);
  const quotesOf = (label: number) =>
    (chunks.get(label)?.quotes ?? []).filter((quote) => quoteMatches(quote, filter));
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
  reference: { documents: string[]; terms: string[] },
): Passage {
  const meta = context.documents.get(chunk.doc)?.meta;
  // A passage of "Reed's statement" is in it: the words that name the document are its own.
  const referencedAs = reference.documents.includes(chunk.doc) ? reference.terms : [];
  return {
    chunkId: chunk.id,
    doc: chunk.doc,
    title: meta?.title ?? chunk.doc,
    publisher: meta?.publisher ?? meta?.source ?? null,
    date: meta?.date ?? null,
    url: meta?.url ?? null,
    paragraph: chunk.paragraph,
    ...(chunk.page ? { page: chunk.page } : {}),
    text: chunk.text,
    start: chunk.start,
    quotes: chunk.quotes,
    score,
    ...coverageOf(chunk, analysis, weights, referencedAs),
    ...(referencedAs.length > 0 ? { referencedAs } : {}),
  };
}

/**
 * Weighted share of the question's key terms the passage contains; rare terms weigh more (IDF). The
 * second figure leaves out the words of the names the question mentions: a near miss repeats the right
 * names ("Musk", "Putin") but lacks what is asked about them ("how many times"), and only the share of
 * those other words tells it from a passage that answers.
 */
function coverageOf(
  chunk: Chunk,
  analysis: QuestionAnalysis,
  weights: Map<string, number>,
  documentTerms: readonly string[],
): { coverage: number; conceptCoverage: number } {
  const speakerText = chunk.quotes.flatMap((quote) => [
    quote.speaker ?? '',
    quote.role ?? '',
    ...quote.members,
  ]);
  const present = new Set([...contentTerms([chunk.text, ...speakerText].join(' ')), ...documentTerms]);
  const nameStems = nameStemsOf(analysis);
  const all = { total: 0, covered: 0 };
  const concepts = { total: 0, covered: 0 };
  for (const term of analysis.keyTerms) {
    const weight = weights.get(term.word) ?? 1;
    const credit =
      present.has(term.stem) || term.equivalentStems.some((equivalent) => present.has(equivalent))
        ? 1
        : term.synonymStems.some((synonym) => present.has(synonym))
          ? SYNONYM_CREDIT
          : term.relatedStems.some((synonym) => present.has(synonym))
            ? RELATED_CREDIT
            : 0;
    for (const tally of nameStems.has(term.stem) ? [all] : [all, concepts]) {
      tally.total += weight;
      tally.covered += weight * credit;
    }
  }
  return {
    coverage: all.total === 0 ? 0 : all.covered / all.total,
    conceptCoverage: concepts.total === 0 ? 1 : concepts.covered / concepts.total,
  };
}
