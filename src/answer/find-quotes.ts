import type { StoredDocument } from '../index/types.js';
import { matchSpeaker, type SpeakerEntry } from '../quotes/match-speaker.js';
import type { Quote } from '../quotes/types.js';
import { contentTerms, isStopword, words } from '../text/terms.js';
import { applyDates, type DateRange, readQuestionDates } from './question-dates.js';
import type { SearchContext } from './search-context.js';
import {
  filterNames,
  isEmptyFilter,
  quoteMatches,
  type SpeakerFilter,
  speakerFilter,
} from './speaker-filter.js';

/** A quote with the document it comes from (what a listing or a /quote reply shows). */
export interface QuoteHit extends Quote {
  doc: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  /** The page (PDF) of the quote's paragraph. */
  page?: number;
}

export interface FindQuotesOptions {
  topic?: string;
  speaker?: string;
  /** The most quotes a topic lookup weighs (MAX_TOPIC_CANDIDATES unless given: tests). */
  maxCandidates?: number;
}

export interface FindQuotesResult {
  hits: QuoteHit[];
  /**
   * Set when a topic was too common to weigh every quote that may mention it (an archive in a
   * database): the quotes of the newest documents were weighed, `weighed` of `of`.
   */
  narrowed?: { weighed: number; of: number };
  /** The speakers the `speaker` query matched (empty when it matched none). */
  speakers: SpeakerEntry[];
  /** Closest known speaker names, when the speaker query matched none. */
  suggestions: string[];
}

/**
 * Attributed quotes filtered by speaker (forgiving case, surname-only and small typos) and ranked by
 * how well they match a topic (the quote's words count double; its paragraph's words and synonyms help).
 */
export async function findQuotes(
  context: SearchContext,
  options: FindQuotesOptions,
): Promise<FindQuotesResult> {
  let speakers: SpeakerEntry[] = [];
  let filter: SpeakerFilter | null = null;
  const query = options.speaker?.trim();
  // A name is a few words: anything longer names no one, and matching it with typos forgiven costs
  // time quadratic in its length (edit distance), so it is not tried.
  if (query && !couldBeName(query)) return { hits: [], speakers: [], suggestions: [] };
  if (query) {
    const match = matchSpeaker(query, context.speakers);
    filter = speakerFilter(match.matches, (entries) =>
      matchSpeaker(query, entries).matches.map((entry) => entry.name),
    );
    if (isEmptyFilter(filter)) return { hits: [], speakers: [], suggestions: match.suggestions };
    speakers = match.matches;
  }
  const topic = options.topic?.trim();
  const meant = topic ? topicWords(context, topic) : [];
  // A topic of function words alone matches no quote (topicScore).
  if (topic && meant.length === 0) return { hits: [], speakers, suggestions: [] };
  const found = await candidates(context, filter, meant, options.maxCandidates ?? MAX_TOPIC_CANDIDATES);
  const all = found.hits.filter(
    (hit) => hit.speaker !== null && (filter === null || quoteMatches(hit, filter)),
  );
  if (!topic) return { hits: await withPages(context, all), speakers, suggestions: [] };
  const narrowed = found.total > found.hits.length ? { weighed: found.hits.length, of: found.total } : null;
  const scored: { hit: QuoteHit; score: number }[] = [];
  // The paragraphs a batch of quotes sit in, read a batch at a time: a topic is matched against every
  // candidate quote, and the store need not hold every paragraph at once. The page comes with the
  // paragraph, so a hit's paragraph is read once (withPages would read it again, past the cache).
  for (let i = 0; i < all.length; i += PARAGRAPH_BATCH) {
    const batch = all.slice(i, i + PARAGRAPH_BATCH);
    const paragraphs = await context.store.paragraphs(batch.map(keyOf));
    for (const hit of batch) {
      const paragraph = paragraphs.get(keyOf(hit));
      const score = topicScore(hit, paragraph?.text ?? '', meant);
      scored.push({ hit: paragraph?.page ? { ...hit, page: paragraph.page } : hit, score });
    }
  }
  const ranked = scored.filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);
  return { hits: ranked.map((entry) => entry.hit), speakers, suggestions: [], ...(narrowed && { narrowed }) };
}

/** Says that a common topic's quotes were weighed from the newest documents only (FindQuotesResult.narrowed). */
export function narrowedNote({ weighed, of }: { weighed: number; of: number }): string {
  return `ranked among the newest ${weighed.toLocaleString('en')} of up to ${of.toLocaleString('en')} quotes that may mention it; add a name or a date to narrow it`;
}

/**
 * The most quotes one topic lookup weighs (their paragraphs are read to score them): far more than
 * anyone pages through, few enough that a word in every tenth paragraph of a million-paragraph
 * archive costs seconds and megabytes, not minutes and gigabytes (docs/benchmarks.md).
 */
const MAX_TOPIC_CANDIDATES = 10_000;

/**
 * The quotes a lookup weighs, asked of the quote store rather than walked: those of the speakers the
 * filter names (its people also as members of a group), or those that may mention the topic's words —
 * in their own words, their paragraph's, their speaker's name or role (topicScore) — or, with
 * neither, every quote.
 */
async function candidates(
  context: SearchContext,
  filter: SpeakerFilter | null,
  meant: readonly TopicWord[],
  limit: number,
): Promise<{ hits: QuoteHit[]; total: number }> {
  const { documents } = context.index;
  const every = (hits: QuoteHit[]) => ({ hits, total: hits.length });
  if (filter) {
    const names = { speakers: filterNames(filter), members: [...filter.people] };
    return every(
      (await context.quotes.bySpeakers(documents, names)).map(({ document, quote }) =>
        hitOf(document, quote),
      ),
    );
  }
  if (meant.length === 0) return every(await allQuotes(context));
  const terms = new Set(meant.flatMap((word) => [word.stem, ...word.synonyms]));
  // A speaker's name and roles are among their quotes' terms (topicScore): the directory holds both.
  const credited = context.speakers
    .filter((entry) => contentTerms(`${entry.name} ${entry.roles.join(' ')}`).some((term) => terms.has(term)))
    .map((entry) => entry.name);
  const found = await context.quotes.mayMention(documents, [...terms], [...new Set(credited)], limit);
  return { hits: found.quotes.map(({ document, quote }) => hitOf(document, quote)), total: found.total };
}

/** Quotes whose paragraphs are read in one request to the store. */
const PARAGRAPH_BATCH = 1_000;

function keyOf(hit: QuoteHit): string {
  return `${hit.doc}#${hit.paragraph}`;
}

/** The hits with the page (of a PDF) their paragraph starts on, read for the hits returned only. */
async function withPages(context: SearchContext, hits: QuoteHit[]): Promise<QuoteHit[]> {
  const paged: QuoteHit[] = [];
  for (let i = 0; i < hits.length; i += PARAGRAPH_BATCH) {
    const batch = hits.slice(i, i + PARAGRAPH_BATCH);
    const paragraphs = await context.store.paragraphs(batch.map(keyOf));
    for (const hit of batch) {
      const page = paragraphs.get(keyOf(hit))?.page;
      paged.push(page ? { ...hit, page } : hit);
    }
  }
  return paged;
}

/** Longer than this, a query is not a person's or organisation's name (the longest names run to ~60). */
const MAX_NAME_CHARS = 100;

function couldBeName(text: string): boolean {
  return text.length <= MAX_NAME_CHARS;
}

/**
 * `/quote X`: a speaker when X names one, otherwise a topic. Dates in X ("Meyer since Monday", "latest
 * on clearances", "Reed in 2023") filter and order the quotes, read against `now`; `dates` says how.
 */
export async function findQuotesFor(
  context: SearchContext,
  query: string,
  now: Date | null = null,
): Promise<FindQuotesResult & { by: 'speaker' | 'topic'; dates: DateRange | null }> {
  const { dates, rest } = readQuestionDates(query, now);
  const found = await findUndated(context, rest);
  return dates ? { ...found, hits: applyDates(found.hits, dates), dates } : { ...found, dates: null };
}

async function findUndated(
  context: SearchContext,
  query: string,
): Promise<FindQuotesResult & { by: 'speaker' | 'topic' }> {
  const bySpeaker = await findQuotes(context, { speaker: query });
  if (bySpeaker.hits.length > 0) return { ...bySpeaker, by: 'speaker' };
  const byTopic = await findQuotes(context, { topic: query });
  return { ...byTopic, suggestions: bySpeaker.suggestions, by: 'topic' };
}

/** Every quote with its document (the page is added to those returned: withPages). */
async function allQuotes(context: SearchContext): Promise<QuoteHit[]> {
  const hits: QuoteHit[] = [];
  for await (const batch of context.quotes.batches(context.index.documents))
    for (const [document, quotes] of batch) for (const quote of quotes) hits.push(hitOf(document, quote));
  return hits;
}

function hitOf(document: StoredDocument, quote: Quote): QuoteHit {
  return {
    ...quote,
    doc: document.id,
    title: document.meta.title,
    publisher: document.meta.publisher ?? document.meta.source,
    date: document.meta.date,
    url: document.meta.url,
  };
}

/** A word of a topic a quote is scored by: its stem, and its synonyms' stems (WordNet). */
interface TopicWord {
  stem: string;
  synonyms: string[];
}

function topicWords(context: SearchContext, topic: string): TopicWord[] {
  return words(topic)
    .filter((candidate) => !isStopword(candidate))
    .flatMap((word) => {
      const [stem] = contentTerms(word);
      if (!stem) return [];
      const synonyms = context.wordnet.synonyms(word).flatMap((synonym) => contentTerms(synonym).slice(0, 1));
      return [{ stem, synonyms }];
    });
}

function topicScore(hit: QuoteHit, paragraph: string, meant: readonly TopicWord[]): number {
  const quoteTerms = new Set(contentTerms(`${hit.text} ${hit.speaker ?? ''} ${hit.role ?? ''}`));
  const paragraphTerms = new Set(contentTerms(paragraph));
  let score = 0;
  for (const { stem, synonyms } of meant) {
    if (quoteTerms.has(stem)) score += 2;
    else if (paragraphTerms.has(stem)) score += 0.5;
    else if (synonyms.some((synonym) => quoteTerms.has(synonym))) score += 1;
  }
  return score;
}
