-- Collections (issue 16): every document, chunk and quote belongs to one; searches may be limited to
-- some of them. The column is repeated on chunks and quotes (not only joined from documents) so the
-- filter is applied in the same scan as the HNSW, full-text or speaker lookup that ranks the rows.
ALTER TABLE whosaid_documents ADD COLUMN collection text NOT NULL DEFAULT 'news';
ALTER TABLE whosaid_chunks ADD COLUMN collection text NOT NULL DEFAULT 'news';
ALTER TABLE whosaid_quotes ADD COLUMN collection text NOT NULL DEFAULT 'news';
CREATE INDEX whosaid_documents_collection ON whosaid_documents (collection);
CREATE INDEX whosaid_chunks_collection ON whosaid_chunks (collection);
CREATE INDEX whosaid_quotes_collection ON whosaid_quotes (collection);
