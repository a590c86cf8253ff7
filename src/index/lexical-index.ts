import MiniSearch, { type AsPlainObject } from 'minisearch';
import { isStopword, stem, words } from '../text/terms.js';

export interface LexicalDocument {
  label: number;
  text: string;
  /** Names and roles of the people quoted in the chunk: "who said" questions match here. */
  speakers: string;
  title: string;
}

export interface LexicalHit {
  label: number;
  score: number;
  /** Stemmed query terms found in the chunk. */
  terms: string[];
}

export interface LexicalQuery {
  text: string;
  /** Extra words (synonyms) searched with a lower weight than the question's own terms. */
  expansions?: string[];
  limit: number;
}

/** Weight of a synonym relative to a term the user typed: enough to bridge paraphrase, not to outrank. */
const EXPANSION_WEIGHT = 0.35;

/** Field boosts of a search: who is quoted counts a little more than the text, the title least. */
export const SEARCH_BOOSTS = { text: 1, speakers: 1.2, title: 0.25 } as const;

/**
 * What a search looks for: the question's text and the expansions it does not already hold, as one
 * text, and the question's own (stemmed) terms, which count fully; every other term counts
 * EXPANSION_WEIGHT. Shared with the PostgreSQL backend so both search for the same terms.
 */
export function searchTerms(query: LexicalQuery): { text: string; boostOf: (term: string) => number } {
  const own = new Set(
    words(query.text)
      .filter((word) => !isStopword(word))
      .map(stem),
  );
  const expansions = (query.expansions ?? []).filter((word) => !own.has(stem(word)));
  return {
    text: [query.text, ...expansions].join(' '),
    boostOf: (term) => (own.has(term) ? 1 : EXPANSION_WEIGHT),
  };
}

const OPTIONS = {
  idField: 'label',
  fields: ['text', 'speakers', 'title'],
  tokenize: (text: string) => words(text),
  processTerm: (term: string) => (isStopword(term) ? null : stem(term)),
};

/** What bm25.json holds: MiniSearch's own index plus the number of chunks each term occurs in. */
export interface LexicalIndexJson {
  index: AsPlainObject;
  documentFrequency: Record<string, number>;
}

/** BM25+ over chunk text with MiniSearch (serialisable, field boosts). */
/** The chunks a restricted index may return, how many there are (for IDF), and word counts asked so far. */
interface LexicalRestriction {
  allowed: Uint8Array;
  count: number;
  frequency: Map<string, number>;
}

export class LexicalIndex {
  private constructor(
    private readonly search_: MiniSearch<LexicalDocument>,
    private readonly documentFrequency_: Map<string, number>,
    private readonly restriction: LexicalRestriction | null = null,
  ) {}

  static build(documents: LexicalDocument[]): LexicalIndex {
    const search = new MiniSearch<LexicalDocument>(OPTIONS);
    search.addAll(documents);
    return new LexicalIndex(search, countTerms(documents.map((document) => document.text)));
  }

  /**
   * The same BM25 index searched only among the chunks `labels` (a collection's) of the `size` indexed:
   * MiniSearch's `filter` drops other chunks while it collects results, before the cut to a limit, and
   * document frequencies (what says a word or name is "in the documents") count only these chunks — a
   * question must not learn that a word exists in a collection it cannot read. A view: never
   * serialise it.
   */
  restrictedTo(labels: readonly number[], size: number): LexicalIndex {
    const allowed = new Uint8Array(size);
    for (const label of labels) allowed[label] = 1;
    return new LexicalIndex(this.search_, this.documentFrequency_, {
      allowed,
      count: labels.length,
      frequency: new Map(),
    });
  }

  /**
   * As fromJSON, yielding to the event loop every thousand terms (MiniSearch.loadJSAsync), for a
   * process that must keep answering requests while it loads a new generation.
   */
  static async fromJSONAsync(json: LexicalIndexJson): Promise<LexicalIndex> {
    return new LexicalIndex(
      await MiniSearch.loadJSAsync<LexicalDocument>(json.index, OPTIONS),
      new Map(Object.entries(json.documentFrequency)),
    );
  }

  static fromJSON(json: LexicalIndexJson): LexicalIndex {
    return new LexicalIndex(
      MiniSearch.loadJS<LexicalDocument>(json.index, OPTIONS),
      new Map(Object.entries(json.documentFrequency)),
    );
  }

  /**
   * log(1 + N / df) of a word over the indexed chunks (text field). A word the corpus never uses gets
   * the highest weight: a question about it is mostly about something the documents do not cover.
   */
  inverseDocumentFrequency(word: string): number {
    const total = this.restriction ? this.restriction.count : this.search_.documentCount;
    const frequency = this.documentFrequency(word);
    return Math.log(1 + total / Math.max(frequency, 0.5));
  }

  /** In how many chunks a word occurs (0: the corpus never uses it). */
  documentFrequency(word: string): number {
    const key = stem(word.toLowerCase());
    const overall = this.documentFrequency_.get(key) ?? 0;
    const restriction = this.restriction;
    if (!restriction || overall === 0) return overall;
    // Restricted: the allowed chunks holding the word, counted from its postings when first asked (a
    // question asks about a handful of words; counting every allowed chunk's words up front would cost
    // a pass over the collection). The key is one indexed term, exactly as in the overall count.
    let count = restriction.frequency.get(key);
    if (count === undefined) {
      count = this.search_.search(key, {
        fields: ['text'],
        // The key is already a processed term: look it up as it is.
        tokenize: () => [key],
        processTerm: (term) => term,
        ...this.filterOption(),
      }).length;
      restriction.frequency.set(key, count);
    }
    return count;
  }

  /** True when some chunk contains every word of `phrase` (after stemming). */
  containsAll(phrase: string): boolean {
    return (
      this.search_.search(phrase, {
        fields: ['text', 'speakers', 'title'],
        combineWith: 'AND',
        ...this.filterOption(),
      }).length > 0
    );
  }

  /** The chunks that contain every word of `phrase` (after stemming), best first, at most `limit`. */
  chunksWithAll(phrase: string, limit: number): number[] {
    return this.search_
      .search(phrase, { fields: ['text'], combineWith: 'AND', ...this.filterOption() })
      .slice(0, limit)
      .map((result) => Number(result.id));
  }

  private filterOption(): { filter?: (result: { id: unknown }) => boolean } {
    const restriction = this.restriction;
    return restriction ? { filter: (result) => restriction.allowed[Number(result.id)] === 1 } : {};
  }

  toJSON(): LexicalIndexJson {
    return { index: this.search_.toJSON(), documentFrequency: Object.fromEntries(this.documentFrequency_) };
  }

  search(query: LexicalQuery): LexicalHit[] {
    const { text, boostOf } = searchTerms(query);
    const results = this.search_.search(text, {
      boost: { ...SEARCH_BOOSTS },
      boostTerm: (term) => boostOf(term),
      combineWith: 'OR',
      ...this.filterOption(),
    });
    return results.slice(0, query.limit).map((result) => ({
      label: Number(result.id),
      score: result.score,
      terms: result.terms,
    }));
  }
}

/**
 * In how many texts each stemmed word occurs. Counted once per index: asking MiniSearch per question
 * term means scoring every chunk that has it.
 */
function countTerms(texts: readonly string[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(
      words(text)
        .filter((word) => !isStopword(word))
        .map(stem),
    )) {
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  return frequency;
}
