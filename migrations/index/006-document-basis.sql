-- What made each document's rows: the identity of the embedder of its vectors (its id and, for the
-- local embedder, its code) and the processing fingerprint of its chunks and quotes. A writer
-- streaming the corpus one document at a time (stream-postgres-ingest.ts) decides "unchanged" per
-- document from these and the content hash, so a run stopped half way resumes where it stopped
-- instead of redoing every document; and a document's vectors are reused for an edited version only
-- when the same embedder made them.
ALTER TABLE whosaid_documents ADD COLUMN embedder_id text, ADD COLUMN pipeline text;

-- Rows already published were made by what the publication's manifest names: they keep their
-- vectors and count as unchanged where nothing else changed (rows written after it stay unknown).
UPDATE whosaid_documents d
   SET embedder_id = coalesce(i.manifest->'embedder'->>'identity', i.manifest->'embedder'->>'id'),
       pipeline = i.manifest->>'pipeline'
  FROM whosaid_index i
 WHERE d.updated_at <= i.updated_at;
