-- The corpus index in PostgreSQL (WHOSAID_INDEX_STORE=postgres): documents, their chunks with one
-- vector each (pgvector) and a full-text vector (tsvector), and their attributed quotes.
CREATE EXTENSION IF NOT EXISTS vector;

-- What the whole index was built with (embedder, processing fingerprint, corpus folder, problems):
-- the manifest of the files backend, without its per-document list. One row.
CREATE TABLE whosaid_index (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  manifest jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per document; `stored` is the StoredDocument (path, metadata, quotes, aliases). A document
-- is replaced with its chunks and quotes in one transaction, so readers never see half of one.
-- `ordinal` is the document's place in the index: chunk labels follow it, as in the files backend.
CREATE TABLE whosaid_documents (
  id text PRIMARY KEY,
  ordinal integer NOT NULL,
  content_hash text NOT NULL,
  stored jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- `embedding` has no fixed dimension here: the embedder decides it (384 local, 1536 OpenAI). The
-- HNSW index is made for the configured dimension at ingest, over `embedding::vector(N)`.
CREATE TABLE whosaid_chunks (
  document_id text NOT NULL REFERENCES whosaid_documents (id) ON DELETE CASCADE,
  position integer NOT NULL,
  chunk jsonb NOT NULL,
  text text NOT NULL,
  speakers text NOT NULL,
  title text NOT NULL,
  embedding vector NOT NULL,
  -- Weights mirror the files backend's field boosts: text and speakers count fully, the title least.
  lexical tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', text), 'A') ||
    setweight(to_tsvector('english', speakers), 'A') ||
    setweight(to_tsvector('english', title), 'D')
  ) STORED,
  PRIMARY KEY (document_id, position)
);
CREATE INDEX whosaid_chunks_lexical ON whosaid_chunks USING gin (lexical);

CREATE TABLE whosaid_quotes (
  document_id text NOT NULL REFERENCES whosaid_documents (id) ON DELETE CASCADE,
  position integer NOT NULL,
  paragraph integer NOT NULL,
  speaker text,
  kind text NOT NULL,
  quote jsonb NOT NULL,
  PRIMARY KEY (document_id, position)
);
CREATE INDEX whosaid_quotes_speaker ON whosaid_quotes (lower(speaker));
