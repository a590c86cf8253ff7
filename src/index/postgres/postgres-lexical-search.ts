import type pg from 'pg';
import { BoundedMap } from '../../bounded-map.js';
import { contentTerms, stem } from '../../text/terms.js';
import { type LexicalHit, type LexicalQuery, SEARCH_BOOSTS, searchTerms } from '../lexical-index.js';
import type { LexicalRestrictionRequest, LexicalSearch } from '../lexical-search.js';
import { rankingSql } from './bm25-sql.js';
import { FIELD_WEIGHTS, quotedLexeme } from './lexical-terms.js';
import { heldDocument } from './postgres-index-sql.js';
import type { ChunkKey } from './postgres-vector-search.js';

/** In how many chunks of each collection each term occurs in their text, and how many chunks each has. */
export interface TermStatistics {
  frequency: Map<string, Map<string, number>>;
  chunks: Map<string, number>;
}

type Field = keyof typeof FIELD_WEIGHTS;

/** Words whose count a view remembers: far more than the distinct words of many questions. */
const COUNTED_WORDS = 10_000;

/**
 * Scores are ordered to this many decimals (the same sum added up in another order differs in its
 * last bits, which must not reorder equal scores), then as MiniSearch meets the chunks: its sort is
 * stable over results collected query term by query term (in the query's order), field by field,
 * chunk by chunk (in label order: documents' order, then position) — so equal scores come in the
 * order of the first query term and field that matched, then by label. (An AND search keeps the
 * order of its last term's results: label order.)
 */
const SCORE_DECIMALS = 10;

/**
 * Keyword search in PostgreSQL that ranks as the files backend's MiniSearch index does: the same
 * terms (lexical-terms.ts), BM25+ with the same parameters, field boosts and synonym weights, corpus
 * statistics over the whole index (MiniSearch's filter, too, keeps them whole) and MiniSearch's
 * "quality" factor (the score times the number of distinct query terms matched). The GIN index finds
 * the chunks; term frequencies come from the positions of each weight in their tsvector. Word
 * statistics are answered from `statistics`, read with the index (one snapshot). `collections`
 * limits every search inside its SQL, and the statistics to those collections.
 */
export class PostgresLexicalSearch implements LexicalSearch {
  /** A restricted view sums a word's counts over its collections once: the words asked, bounded. */
  private readonly counted = new BoundedMap<string, number>(COUNTED_WORDS);
  private readonly total: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly labelOf: (key: ChunkKey) => number | undefined,
    private readonly statistics: TermStatistics,
    /** `whosaid_index.updated_at` of the publication read: chunks of documents rewritten since are not ranked. */
    private readonly publishedAt: string,
    private readonly collections: readonly string[] | null = null,
  ) {
    this.total = this.inScope([...statistics.chunks]).reduce((sum, [, count]) => sum + count, 0);
  }

  restrictedTo(request: LexicalRestrictionRequest): LexicalSearch {
    const allowed = this.collections
      ? request.collections.filter((name) => this.collections?.includes(name))
      : request.collections;
    return new PostgresLexicalSearch(this.pool, this.labelOf, this.statistics, this.publishedAt, allowed);
  }

  documentFrequency(word: string): number {
    const key = stem(word.toLowerCase());
    let count = this.counted.get(key);
    if (count === undefined) {
      const byCollection = this.statistics.frequency.get(key);
      count = byCollection ? this.inScope([...byCollection]).reduce((sum, [, n]) => sum + n, 0) : 0;
      this.counted.set(key, count);
    }
    return count;
  }

  inverseDocumentFrequency(word: string): number {
    return Math.log(1 + this.total / Math.max(this.documentFrequency(word), 0.5));
  }

  async search(query: LexicalQuery): Promise<LexicalHit[]> {
    const { text, boostOf } = searchTerms(query);
    return this.ranked(contentTerms(text), boostOf, { fields: SEARCH_BOOSTS, every: false }, query.limit);
  }

  async containsAll(phrase: string): Promise<boolean> {
    const terms = [...new Set(contentTerms(phrase))];
    if (terms.length === 0) return false;
    const { rows } = await this.pool.query(
      `SELECT 1 FROM whosaid_chunks c JOIN whosaid_documents d ON d.id = c.document_id AND ${heldDocument('d', '$2')}
        WHERE c.lexical @@ $1::tsquery ${this.collectionFilter(3)} LIMIT 1`,
      [terms.map(quotedLexeme).join(' & '), this.publishedAt, ...this.collectionParameter()],
    );
    return rows.length > 0;
  }

  async chunksWithAll(phrase: string, limit: number): Promise<number[]> {
    const hits = await this.ranked(
      contentTerms(phrase),
      () => 1,
      { fields: { text: 1 }, every: true },
      limit,
    );
    return hits.map((hit) => hit.label);
  }

  /**
   * BM25+ over the chunks holding any (or, with `every`, all) of `terms` in `fields`, best first.
   * A term repeated in the query counts once per occurrence, as MiniSearch scores each occurrence.
   */
  private async ranked(
    terms: readonly string[],
    boostOf: (term: string) => number,
    { fields, every }: { fields: Partial<Record<Field, number>>; every: boolean },
    limit: number,
  ): Promise<LexicalHit[]> {
    if (terms.length === 0 || limit <= 0) return [];
    const boosts = new Map<string, number>();
    for (const term of terms) boosts.set(term, (boosts.get(term) ?? 0) + boostOf(term));
    const weights = (Object.keys(fields) as Field[]).map((field) => FIELD_WEIGHTS[field]).join('');
    const query = [...boosts.keys()]
      .map((term) => `${quotedLexeme(term)}:${weights}`)
      .join(every ? ' & ' : ' | ');
    const { rows } = await this.pool.query<{
      document_id: string;
      position: number;
      terms: string[];
      score: number;
    }>(
      `${rankingSql(this.collectionFilter(8))}
      SELECT ranked.* FROM ranked JOIN whosaid_documents d ON d.id = ranked.document_id AND ${heldDocument('d', '$7')}
       ORDER BY round(score::numeric, ${SCORE_DECIMALS}) DESC, ${every ? '' : 'first_met,'} d.ordinal, position
       LIMIT ${Math.floor(limit)}`,
      [
        [...boosts.keys()],
        [...boosts.values()],
        fields.text ?? 0,
        fields.speakers ?? 0,
        fields.title ?? 0,
        query,
        this.publishedAt,
        ...this.collectionParameter(),
      ],
    );
    const hits: LexicalHit[] = [];
    for (const row of rows) {
      const label = this.labelOf({ documentId: row.document_id, position: row.position });
      if (label !== undefined) hits.push({ label, score: Number(row.score), terms: row.terms });
    }
    return hits;
  }

  private inScope<T>(entries: [string, T][]): [string, T][] {
    const allowed = this.collections;
    return allowed ? entries.filter(([collection]) => allowed.includes(collection)) : entries;
  }

  private collectionFilter(parameter: number): string {
    return this.collections ? `AND c.collection = ANY($${parameter}::text[])` : '';
  }

  private collectionParameter(): unknown[] {
    return this.collections ? [this.collections] : [];
  }
}
