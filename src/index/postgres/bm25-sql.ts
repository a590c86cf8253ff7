/**
 * MiniSearch's BM25+ parameters (its defaults, which the files backend uses): term-frequency
 * saturation k, length normalisation b, and the lower bound d every matching term adds.
 */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

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
export function rankingSql(filter: string): string {
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
