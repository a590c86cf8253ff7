-- The corpus-wide tables questions are read with (src/answer/corpus-tables.ts: the speaker
-- directory, the alias table, the vocabulary, the runs of capitalised names and what the documents
-- write around each speaker's name), computed by the writer from the whole index at publication and
-- written with the manifest in the same statement, so a replica reads them with the version they
-- describe instead of rebuilding them from every paragraph and quote. NULL for an index published
-- before them: a replica then builds them from the chunks, as it did.
ALTER TABLE whosaid_index ADD COLUMN corpus_tables jsonb;
