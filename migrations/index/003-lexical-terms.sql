-- Keyword search runs in PostgreSQL and ranks as the files backend's BM25+ (MiniSearch) does, so no
-- replica keeps an inverted index of the corpus in memory (issue 12, point 4).
--
-- The full-text vector of migration 001 used the 'english' configuration: Snowball stems, its own
-- stopwords and its parser's idea of a word, so its terms were not the files backend's. `terms` is a
-- tsvector literal of our own terms (src/index/postgres/lexical-terms.ts: our tokenizer, stopwords
-- and Porter stemmer), written at publication; the generated column parses it, so the GIN index
-- holds exactly the terms the files backend indexes, with a weight per field (A text, B speakers,
-- C title) and one position per occurrence, from which term frequencies are read back.
ALTER TABLE whosaid_chunks DROP COLUMN lexical;
ALTER TABLE whosaid_chunks
  ADD COLUMN terms text NOT NULL DEFAULT '',
  -- Distinct words per field, stopwords included: BM25's field length, as MiniSearch counts it.
  ADD COLUMN text_length integer NOT NULL DEFAULT 0,
  ADD COLUMN speakers_length integer NOT NULL DEFAULT 0,
  ADD COLUMN title_length integer NOT NULL DEFAULT 0;
ALTER TABLE whosaid_chunks ADD COLUMN lexical tsvector GENERATED ALWAYS AS (terms::tsvector) STORED;
CREATE INDEX whosaid_chunks_lexical ON whosaid_chunks USING gin (lexical);

-- Corpus statistics BM25 needs, per collection so a restricted view counts only its own: in how many
-- chunks each term occurs in each field, and how many chunks and words each field has. Kept by the
-- triggers below in the same transaction as the chunks, so a reader's snapshot always sees
-- statistics that match the chunks it sees. Replicas hold the text-field counts in memory (word
-- statistics are read synchronously, many times per answer); that grows with the vocabulary, far
-- slower than the corpus.
CREATE TABLE whosaid_terms (
  term text NOT NULL,
  field "char" NOT NULL,
  collection text NOT NULL,
  chunks integer NOT NULL,
  PRIMARY KEY (term, field, collection)
);
CREATE TABLE whosaid_field_lengths (
  collection text PRIMARY KEY,
  chunks bigint NOT NULL,
  text_length bigint NOT NULL,
  speakers_length bigint NOT NULL,
  title_length bigint NOT NULL
);

-- Statement-level, over the transition tables: one update of the statistics per statement, however
-- many rows it wrote (a batch insert, a document's cascade delete, a collection change). Rows taken
-- away (`removed`) count -1, rows added (`added`) +1. (A transition table is visible only to the
-- trigger's own function, so the statements are here rather than in a helper.)
CREATE FUNCTION whosaid_chunks_counted() RETURNS trigger LANGUAGE plpgsql AS $$
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
       GROUP BY 1, 2, 3
      ON CONFLICT (term, field, collection) DO UPDATE SET chunks = t.chunks + EXCLUDED.chunks
    $sql$, source, sign);
    EXECUTE format($sql$
      INSERT INTO whosaid_field_lengths AS f (collection, chunks, text_length, speakers_length, title_length)
      SELECT collection, %2$s * count(*), %2$s * sum(text_length), %2$s * sum(speakers_length),
             %2$s * sum(title_length)
        FROM %1$I r GROUP BY collection
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
CREATE TRIGGER whosaid_chunks_inserted AFTER INSERT ON whosaid_chunks
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION whosaid_chunks_counted();
CREATE TRIGGER whosaid_chunks_deleted AFTER DELETE ON whosaid_chunks
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION whosaid_chunks_counted();
CREATE TRIGGER whosaid_chunks_updated AFTER UPDATE ON whosaid_chunks
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION whosaid_chunks_counted();

-- Rows written before this migration have no terms: the index is derived data, so it is emptied and
-- the next `whosaid ingest` (or the first replica to start) builds and publishes it again.
DELETE FROM whosaid_documents;
DELETE FROM whosaid_index;
