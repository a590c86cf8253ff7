import type { LexicalHit, LexicalIndex, LexicalQuery } from './lexical-index.js';

/** What a restricted view may return: labels for an index in memory, collection names for a database. */
export interface LexicalRestrictionRequest {
  labels: readonly number[];
  /** How many chunks the whole index has (labels run from 0 to size − 1). */
  size: number;
  collections: readonly string[];
}

/**
 * What answering asks of keyword search. Word statistics are synchronous: they are read for every word
 * of a question, many times per answer, and both backends hold them in memory (the files backend as
 * part of its BM25 index, PostgreSQL's replicas as a table of term counts, which grows with the
 * vocabulary rather than with the corpus). Searches are asynchronous: the PostgreSQL backend runs
 * them in the database, so no replica needs an inverted index of the whole corpus.
 */
export interface LexicalSearch {
  /** In how many chunks a word occurs in their text (0: the documents never use it). */
  documentFrequency(word: string): number;
  /** log(1 + N / df) over the chunks' text; a word never used gets the highest weight. */
  inverseDocumentFrequency(word: string): number;
  /** BM25+ over text, speakers and title, expansions weighted below the question's own words. */
  search(query: LexicalQuery): Promise<LexicalHit[]>;
  /** True when some chunk contains every word of `phrase` (after stemming), in any field. */
  containsAll(phrase: string): Promise<boolean>;
  /** The chunks whose text contains every word of `phrase` (after stemming), best first, at most `limit`. */
  chunksWithAll(phrase: string, limit: number): Promise<number[]>;
  /** The same search over only some chunks, with statistics that count only those (never serialised). */
  restrictedTo(request: LexicalRestrictionRequest): LexicalSearch;
}

/** The files backend's MiniSearch index behind the interface: the same calls, answered in memory. */
export function inMemoryLexicalSearch(index: LexicalIndex): LexicalSearch {
  return {
    documentFrequency: (word) => index.documentFrequency(word),
    inverseDocumentFrequency: (word) => index.inverseDocumentFrequency(word),
    search: async (query) => index.search(query),
    containsAll: async (phrase) => index.containsAll(phrase),
    chunksWithAll: async (phrase, limit) => index.chunksWithAll(phrase, limit),
    restrictedTo: ({ labels, size }) => inMemoryLexicalSearch(index.restrictedTo(labels, size)),
  };
}
