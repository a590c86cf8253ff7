-- What made each document's rows: the embedder of its vectors and the processing fingerprint of its
-- chunks and quotes. A writer streaming the corpus one document at a time (stream-postgres-ingest.ts)
-- decides "unchanged" per document from these and the content hash, so a run stopped half way
-- resumes where it stopped instead of redoing every document; and a document's vectors are reused
-- for an edited version only when the same embedder made them. Null for rows written before.
ALTER TABLE whosaid_documents ADD COLUMN embedder_id text, ADD COLUMN pipeline text;
