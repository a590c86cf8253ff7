import { addPart, type ChunkStore, residentChunkStore } from '../index/chunk-store.js';
import type { Embedder } from '../index/embedder.js';
import type { IndexData } from '../index/index-store.js';
import { type QuoteStore, residentQuotes } from '../index/quote-store.js';
import { type ServedIndex, servedIndex } from '../index/served-index.js';
import type { Chunk, StoredDocument } from '../index/types.js';
import {
  type DirectoryQuote,
  type SpeakerEntry,
  speakerDirectorySteps,
} from '../quotes/speaker-directory.js';
import { runNow, type Steps, stepCounter } from '../run-in-slices.js';
import type { Wordnet } from '../text/wordnet.js';

/** Everything a question is answered from: built once per process and passed in (never global). */
export interface SearchContext {
  /** Vectors are searched through `index.vectorSearch` (in memory or in PostgreSQL). */
  index: ServedIndex;
  embedder: Embedder;
  wordnet: Wordnet;
  documents: Map<string, StoredDocument>;
  /**
   * Each paragraph as one chunk, by `${doc}#${paragraph}`: a long paragraph's parts joined again (they
   * are contiguous slices), so a citation always carries the whole paragraph.
   */
  paragraphs: Map<string, Chunk>;
  /** Chunks and whole paragraphs as answering reads them: by label or key, awaited. */
  store: ChunkStore;
  /** The documents' quotes as answering reads them: a document's, or all a batch at a time, awaited. */
  quotes: QuoteStore;
  speakers: SpeakerEntry[];
  /** Short forms of names, lower-cased → the names they stand for, over all documents. */
  aliases: Map<string, string[]>;
}

/**
 * What the corpus-wide tables are built from (corpus-tables.ts): a search context without the means
 * of searching, which the writer of an index can make too.
 */
export type CorpusView = Pick<
  SearchContext,
  'index' | 'documents' | 'paragraphs' | 'store' | 'quotes' | 'speakers' | 'aliases'
>;

export function createSearchContext(
  source: IndexData | ServedIndex,
  embedder: Embedder,
  wordnet: Wordnet,
): SearchContext {
  return runNow(searchContextSteps(source, embedder, wordnet));
}

/** Chunks, documents or quotes handled between two yields: a few milliseconds of work. */
const STEP_ITEMS = 1_000;

/**
 * createSearchContext as steps (run-in-slices.ts): at 100,000 paragraphs building it takes seconds,
 * which the bot, swapping to a new generation while it answers, spends in slices.
 */
export function* searchContextSteps(
  source: IndexData | ServedIndex,
  embedder: Embedder,
  wordnet: Wordnet,
): Steps<SearchContext> {
  return { ...(yield* corpusViewSteps(source)), embedder, wordnet };
}

/**
 * The documents, whole paragraphs, speaker directory and alias table of an index. The directory and
 * the aliases come from the tables its writer computed when it has them (an index read from
 * PostgreSQL), as built here from the same documents, so no replica reads every quote to make them.
 */
export function* corpusViewSteps(source: IndexData | ServedIndex): Steps<CorpusView> {
  const index = servedIndex(source);
  const documents = new Map(index.documents.map((document) => [document.id, document]));
  // Only the documents' own chunks: a view of some collections (restrict-index.ts) keeps every chunk.
  // An index whose store reads chunks on demand holds none (its tables come with it: the writer's,
  // or a view's own, scoped-context.ts).
  const paragraphs = index.store ? new Map<string, Chunk>() : yield* wholeParagraphs(index.chunks, documents);
  return {
    index,
    documents,
    paragraphs,
    store: index.store ?? residentChunkStore(index.chunks, paragraphs),
    quotes: index.quoteStore ?? residentQuotes,
    speakers: index.tables ? index.tables.speakers : yield* speakerDirectorySteps(yield* quotesOf(index)),
    aliases: index.tables ? new Map(index.tables.aliases) : aliasTable(index.documents),
  };
}

function* quotesOf(index: ServedIndex): Steps<DirectoryQuote[]> {
  const tick = stepCounter(STEP_ITEMS);
  const quotes: DirectoryQuote[] = [];
  for (const document of index.documents) {
    for (const quote of document.quotes) {
      quotes.push({ ...quote, doc: document.id });
      if (tick()) yield;
    }
  }
  return quotes;
}

/** Short form, lower-cased → the names the documents define it for, first defined first. */
export function aliasTable(documents: readonly StoredDocument[]): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const { alias, name } of documents.flatMap((document) => document.aliases ?? [])) {
    const key = alias.toLowerCase();
    const names = table.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    table.set(key, names);
  }
  return table;
}

function* wholeParagraphs(
  chunks: readonly Chunk[],
  documents: ReadonlyMap<string, StoredDocument>,
): Steps<Map<string, Chunk>> {
  const paragraphs = new Map<string, Chunk>();
  const tick = stepCounter(STEP_ITEMS);
  for (const chunk of chunks) {
    if (tick()) yield;
    if (!documents.has(chunk.doc)) continue;
    addPart(paragraphs, chunk);
  }
  return paragraphs;
}
