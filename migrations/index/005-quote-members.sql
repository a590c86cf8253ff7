-- Quotes by a member of a group speaker ("Reed" among "the Senators" of a letter) are looked up by
-- the server (src/index/postgres/postgres-quote-store.ts: `quote->'members' ?| names`) rather than by
-- reading every quote: a GIN index over the members array answers that operator.
CREATE INDEX whosaid_quotes_members ON whosaid_quotes USING gin ((quote->'members'));
