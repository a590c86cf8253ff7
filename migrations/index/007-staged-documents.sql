-- A document rewritten for the next publication is written beside the version replicas read, not
-- over it: its new rows are staged under a key of their own (`replaces` names the document they are
-- the next version of), and the publication swaps them in — the old rows deleted, the staged key
-- renamed to the document's id, its chunks and quotes following through ON UPDATE CASCADE — in the
-- same transaction as the manifest. So a replica answers from every document of the publication it
-- holds for the whole of a long writer run, and after a run that stopped short of publishing, instead
-- of without the documents rewritten so far.
ALTER TABLE whosaid_documents ADD COLUMN replaces text;
CREATE UNIQUE INDEX whosaid_documents_replaces ON whosaid_documents (replaces) WHERE replaces IS NOT NULL;

ALTER TABLE whosaid_chunks
  DROP CONSTRAINT whosaid_chunks_document_id_fkey,
  ADD CONSTRAINT whosaid_chunks_document_id_fkey FOREIGN KEY (document_id)
    REFERENCES whosaid_documents (id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE whosaid_quotes
  DROP CONSTRAINT whosaid_quotes_document_id_fkey,
  ADD CONSTRAINT whosaid_quotes_document_id_fkey FOREIGN KEY (document_id)
    REFERENCES whosaid_documents (id) ON DELETE CASCADE ON UPDATE CASCADE;
