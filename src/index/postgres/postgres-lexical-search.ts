import type pg from 'pg';
import { contentTerms, stem } from '../../text/terms.js';
import { type LexicalHit, type LexicalQuery, SEARCH_BOOSTS, searchTerms } from '../lexical-index.js';
import type { LexicalRestrictionRequest, LexicalSearch } from '../lexical-search.js';
import { FIELD_WEIGHTS, quotedLexeme } from './lexical-terms.js';
import type { ChunkKey } from './postgres-vector-search.js';

/**
 * MiniSearch's BM25+ parameters (its defaults, which the files backend uses): term-frequency
 * saturation k, length normalisation b, and the lower bound d every matching term adds.
 */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** In how many chunks of each collection each term occurs in their text, and how many chunks each has. */
export interface TermStatistics {
  frequency: Map<string, Map<string, number>>;
  chunks: Map<string, number>;
}

type Field = keyof typeof FIELD_WEIGHTS;

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
  private readonly counted = new Map<string, number>();
  private readonly total: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly labelOf: (key: ChunkKey) => number | undefined,
    private readonly statistics: TermStatistics,
    private readonly collections: readonly string[] | null = null,
  ) {
    this.total = this.inScope([...statistics.chunks]).reduce((sum, [, count]) => sum + count, 0);
  }

  restrictedTo(request: LexicalRestrictionRequest): LexicalSearch {
    const allowed = this.collections
      ? request.collections.filter((name) => this.collections?.includes(name))
      : request.collections;
    return new PostgresLexicalSearch(this.pool, this.labelOf, this.statistics, allowed);
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
      `SELECT 1 FROM whosaid_chunks c WHERE c.lexical @@ $1::tsquery ${this.collectionFilter(2)} LIMIT 1`,
      [terms.map(quotedLexeme).join(' & '), ...this.collectionParameter()],
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
      `${rankingSql(this.collectionFilter(7))}
      SELECT ranked.* FROM ranked JOIN whosaid_documents d ON d.id = ranked.document_id
       ORDER BY round(score::numeric, ${SCORE_DECIMALS}) DESC, ${every ? '' : 'first_met,'} d.ordinal, position
       LIMIT ${Math.floor(limit)}`,
      [
        [...boosts.keys()],
        [...boosts.values()],
        fields.text ?? 0,
        fields.speakers ?? 0,
        fields.title ?? 0,
        query,
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

/** BM25+ of one field of one chunk for one term: MiniSearch's calcBM25Score. */
function fieldScore(tf: string, length: string, average: string, idf: string): string {
  const { k, b, d } = BM25;
  return `CASE WHEN ${tf} > 0 THEN ${idf} * (${d} + ${tf} * ${k + 1} / (${tf} + ${k} * (1 - ${b} + ${b} * ${length} / NULLIF(${average}, 0)))) ELSE 0 END`;
}

/**
 * One pass over the chunks the GIN index finds ($6), one row per chunk and query term it holds (a
 * lexeme occurs once in a tsvector, its positions carry a weight per field): the term's frequency in
 * each field is the count of that field's weight. Statistics are those of the whole index (MiniSearch
 * computes them over every chunk even when it filters). $1, $2: the query's distinct terms and their
 * summed boosts, in the query's order; $3–$5: the boosts of text, speakers and title (0: not
 * searched). Each chunk's score is MiniSearch's: the sum over terms and fields, times the number of
 * distinct query terms it matched; `first_met` orders equal scores as MiniSearch meets them.
 * `filter` limits the chunks (`c.` is the chunk row) in the same scan.
 */
function rankingSql(filter: string): string {
  return `
  WITH totals AS MATERIALIZED (
    SELECT sum(chunks)::float8 AS n,
           sum(text_length)::float8 / NULLIF(sum(chunks), 0) AS average_a,
           sum(speakers_length)::float8 / NULLIF(sum(chunks), 0) AS average_b,
           sum(title_length)::float8 / NULLIF(sum(chunks), 0) AS average_c
      FROM whosaid_field_lengths),
  terms AS MATERIALIZED (
    SELECT q.term, q.boost, q.ordinal, t.*,
           ln(1 + (t.n - f.df_a + 0.5) / (f.df_a + 0.5)) AS idf_a,
           ln(1 + (t.n - f.df_b + 0.5) / (f.df_b + 0.5)) AS idf_b,
           ln(1 + (t.n - f.df_c + 0.5) / (f.df_c + 0.5)) AS idf_c
      FROM unnest($1::text[], $2::float8[]) WITH ORDINALITY AS q(term, boost, ordinal)
      JOIN (SELECT term,
                   coalesce(sum(chunks) FILTER (WHERE field = 'A'), 0)::float8 AS df_a,
                   coalesce(sum(chunks) FILTER (WHERE field = 'B'), 0)::float8 AS df_b,
                   coalesce(sum(chunks) FILTER (WHERE field = 'C'), 0)::float8 AS df_c
              FROM whosaid_terms WHERE term = ANY($1::text[]) GROUP BY term) f ON f.term = q.term
     CROSS JOIN totals t),
  matched AS (
    SELECT c.document_id, c.position, k.*, c.text_length, c.speakers_length, c.title_length,
           CASE WHEN $3::float8 > 0 THEN cardinality(array_positions(u.weights, 'A')) ELSE 0 END AS tf_a,
           CASE WHEN $4::float8 > 0 THEN cardinality(array_positions(u.weights, 'B')) ELSE 0 END AS tf_b,
           CASE WHEN $5::float8 > 0 THEN cardinality(array_positions(u.weights, 'C')) ELSE 0 END AS tf_c
      FROM whosaid_chunks c
     CROSS JOIN LATERAL (SELECT * FROM unnest(c.lexical) WHERE lexeme = ANY($1::text[])) u
      JOIN terms k ON k.term = u.lexeme
     WHERE c.lexical @@ $6::tsquery ${filter}),
  ranked AS (
    SELECT c.document_id, c.position, array_agg(c.term) AS terms,
           sum(c.boost * (
             $3::float8 * ${fieldScore('c.tf_a', 'c.text_length', 'c.average_a', 'c.idf_a')} +
             $4::float8 * ${fieldScore('c.tf_b', 'c.speakers_length', 'c.average_b', 'c.idf_b')} +
             $5::float8 * ${fieldScore('c.tf_c', 'c.title_length', 'c.average_c', 'c.idf_c')}))
             * count(*) FILTER (WHERE c.tf_a + c.tf_b + c.tf_c > 0) AS score,
           min((c.ordinal - 1) * 3 + CASE WHEN c.tf_a > 0 THEN 0 WHEN c.tf_b > 0 THEN 1 ELSE 2 END) AS first_met
      FROM matched c
     WHERE c.tf_a + c.tf_b + c.tf_c > 0
     GROUP BY c.document_id, c.position)`;
}
