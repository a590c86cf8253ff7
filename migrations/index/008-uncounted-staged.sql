-- Staged versions (migration 007) are not counted in the corpus statistics: a rewritten document staged
-- beside its published rows would otherwise count twice in every BM25 score replicas compute for as
-- long as it stays staged. Its rows count when the publication's swap renames them to the document's
-- id (the UPDATE takes nothing away for the staged key and adds them under the real one) and the
-- published rows they replace are deleted. A staged key is the document's id after "\x01staged\x01"
-- (stagedKey in src/index/postgres/postgres-index-sql.ts).
--
-- Versions staged before this migration were counted: they are dropped first, under the old
-- counting, so the statistics are exact again (a writer's next run stages them anew).
DELETE FROM whosaid_documents WHERE replaces IS NOT NULL;

CREATE OR REPLACE FUNCTION whosaid_chunks_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text;
  sign integer;
BEGIN
  FOREACH source IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY['added'] WHEN 'DELETE' THEN ARRAY['removed']
                                     ELSE ARRAY['removed', 'added'] END LOOP
    sign := CASE source WHEN 'added' THEN 1 ELSE -1 END;
    EXECUTE format($sql$
      INSERT INTO whosaid_terms AS t (term, field, collection, chunks)
      SELECT u.lexeme, w.field::"char", r.collection, %2$s * count(*)
        FROM %1$I r
        CROSS JOIN LATERAL unnest(r.lexical) u
        CROSS JOIN LATERAL (SELECT DISTINCT unnest(u.weights) AS field) w
       WHERE left(r.document_id, 8) IS DISTINCT FROM E'\001staged\001'
       GROUP BY 1, 2, 3
      ON CONFLICT (term, field, collection) DO UPDATE SET chunks = t.chunks + EXCLUDED.chunks
    $sql$, source, sign);
    EXECUTE format($sql$
      INSERT INTO whosaid_field_lengths AS f (collection, chunks, text_length, speakers_length, title_length)
      SELECT collection, %2$s * count(*), %2$s * sum(text_length), %2$s * sum(speakers_length),
             %2$s * sum(title_length)
        FROM %1$I r WHERE left(r.document_id, 8) IS DISTINCT FROM E'\001staged\001' GROUP BY collection
      ON CONFLICT (collection) DO UPDATE SET chunks = f.chunks + EXCLUDED.chunks,
        text_length = f.text_length + EXCLUDED.text_length,
        speakers_length = f.speakers_length + EXCLUDED.speakers_length,
        title_length = f.title_length + EXCLUDED.title_length
    $sql$, source, sign);
    IF sign < 0 THEN
      -- Only the terms of the rows taken away can have reached zero.
      EXECUTE format($sql$
        DELETE FROM whosaid_terms t
         USING (SELECT DISTINCT u.lexeme, r.collection FROM %1$I r CROSS JOIN LATERAL unnest(r.lexical) u) g
         WHERE t.term = g.lexeme AND t.collection = g.collection AND t.chunks <= 0
      $sql$, source);
      DELETE FROM whosaid_field_lengths WHERE chunks <= 0;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
