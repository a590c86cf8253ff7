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
export class LexicalIndex {
  private constructor(
    private readonly search_: MiniSearch<LexicalDocument>,
    private readonly documentFrequency_: Map<string, number>,
  ) {}

  static build(documents: LexicalDocument[]): LexicalIndex {
    const search = new MiniSearch<LexicalDocument>(OPTIONS);
    search.addAll(documents);
    // Counted here once: asking MiniSearch per question term means scoring every chunk that has it.
    const frequency = new Map<string, number>();
    for (const document of documents) {
      for (const term of new Set(
        words(document.text)
          .filter((word) => !isStopword(word))
          .map(stem),
      )) {
        frequency.set(term, (frequency.get(term) ?? 0) + 1);
      }
    }
    return new LexicalIndex(search, frequency);
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
    const total = this.search_.documentCount;
    const frequency = this.documentFrequency(word);
    return Math.log(1 + total / Math.max(frequency, 0.5));
  }

  /** In how many chunks a word occurs (0: the corpus never uses it). */
  documentFrequency(word: string): number {
    return this.documentFrequency_.get(stem(word.toLowerCase())) ?? 0;
  }

  /** True when some chunk contains every word of `phrase` (after stemming). */
  containsAll(phrase: string): boolean {
    return (
      this.search_.search(phrase, { fields: ['text', 'speakers', 'title'], combineWith: 'AND' }).length > 0
    );
  }

  toJSON(): LexicalIndexJson {
    return { index: this.search_.toJSON(), documentFrequency: Object.fromEntries(this.documentFrequency_) };
  }

  search(query: LexicalQuery): LexicalHit[] {
    const own = new Set(
      words(query.text)
        .filter((word) => !isStopword(word))
        .map(stem),
    );
    const expansions = (query.expansions ?? []).filter((word) => !own.has(stem(word)));
    const text = [query.text, ...expansions].join(' ');
    const results = this.search_.search(text, {
      boost: { text: 1, speakers: 1.2, title: 0.25 },
      boostTerm: (term) => (own.has(term) ? 1 : EXPANSION_WEIGHT),
      combineWith: 'OR',
    });
    return results.slice(0, query.limit).map((result) => ({
      label: Number(result.id),
      score: result.score,
      terms: result.terms,
    }));
  }
}
