import type pg from 'pg';
import { BoundedMap } from '../../bounded-map.js';
import type { Quote } from '../../quotes/types.js';
import { documentCollection } from '../collection-labels.js';
import {
  type DocumentQuote,
  type QuoteStore,
  type SpeakerNames,
  type SpeakerTally,
  tallyKey,
} from '../quote-store.js';
import type { StoredDocument } from '../types.js';
import { quotedLexeme } from './lexical-terms.js';
import { heldDocument } from './postgres-index-sql.js';

/** Documents whose quote lists are kept for the questions that come next (summaries, checks). */
const CACHED_DOCUMENTS = 256;
/** Documents whose quotes one query reads when every quote is walked. */
const DOCUMENTS_PER_BATCH = 200;

type QuoteRow = { document_id: string; position: number; quote: Quote; total?: string };
/** The quotes of one speaker and members in one document, counted by the server (tallies). */
type TallyRow = { speaker: string; members: string[]; document_id: string; count: number; position: number };

/** Joins quote rows (`q`) to their document as the publication read holds it, its time `$n`. */
const held = (n: number) =>
  `JOIN whosaid_documents d ON d.id = q.document_id AND ${heldDocument('d', `$${n}`)}`;

/**
 * The documents' quotes of an index published in PostgreSQL (whosaid_quotes, one row per quote in
 * its document's order), read when answering asks for them, so a replica holds no quote list but
 * those of a bounded number of documents, and a count of attributed quotes per document. Lookups by
 * speaker and by word are answered by the server's indexes (the speaker and members indexes, the
 * chunks' full-text index), so they read the quotes asked for, not every quote of the archive.
 */
export class PostgresQuoteStore implements QuoteStore {
  private readonly cache: BoundedMap<string, Quote[]>;
  /** Quote rows read so far (for tests: what a replica reads, and when). */
  rowsRead = 0;

  constructor(
    private readonly pool: Pick<pg.Pool, 'query'>,
    private readonly counts: ReadonlyMap<string, number>,
    /** `whosaid_index.updated_at` of the publication read: rows of documents rewritten since are not read. */
    private readonly publishedAt: string,
    capacity = CACHED_DOCUMENTS,
  ) {
    this.cache = new BoundedMap(capacity);
  }

  /** How many documents' quote lists are held now. */
  get cached(): number {
    return this.cache.size;
  }

  /** A property, not a method: it is passed on alone (collection-stats.ts). */
  readonly attributed = (document: StoredDocument): number => this.counts.get(document.id) ?? 0;

  async ofDocument(document: StoredDocument): Promise<Quote[]> {
    const cached = this.cache.get(document.id);
    if (cached) return cached;
    const quotes = (await this.read([document.id])).get(document.id) ?? [];
    this.cache.set(document.id, quotes);
    return quotes;
  }

  async *batches(documents: readonly StoredDocument[]): AsyncIterable<[StoredDocument, Quote[]][]> {
    for (let i = 0; i < documents.length; i += DOCUMENTS_PER_BATCH) {
      const batch = documents.slice(i, i + DOCUMENTS_PER_BATCH);
      const read = await this.read(batch.map((document) => document.id));
      yield batch.map((document): [StoredDocument, Quote[]] => [document, read.get(document.id) ?? []]);
    }
  }

  async bySpeakers(documents: readonly StoredDocument[], names: SpeakerNames): Promise<DocumentQuote[]> {
    if (names.speakers.length === 0 && names.members.length === 0) return [];
    // lower(speaker) is what the speaker index holds; the exact comparison keeps the names' case.
    // `?|` on the members array is answered by its GIN index (migration 005).
    const rows = await this.rows(
      `SELECT q.document_id, q.position, q.quote FROM whosaid_quotes q ${held(4)}
        WHERE (lower(q.speaker) = ANY($1::text[]) AND q.speaker = ANY($2::text[]))
           OR (q.quote->'members') ?| $3::text[]`,
      [names.speakers.map((name) => name.toLowerCase()), names.speakers, names.members, this.publishedAt],
    );
    return inOrder(documents, rows);
  }

  /**
   * Quotes in the paragraphs whose chunks hold one of the terms, by the chunks' full-text index: a
   * chunk's terms are `contentTerms` of its text (weight A) and of its quotes' speakers, roles and
   * members (B) (lexical-terms.ts), and a quote is a verbatim span of its paragraph that begins and
   * ends at quotation marks, not inside a word, so every term of its words, its speaker and its role
   * is among its paragraph's chunks' terms. With those credited to `speakers`, by the speaker index.
   */
  async mayMention(
    documents: readonly StoredDocument[],
    terms: readonly string[],
    speakers: readonly string[],
    limit: number,
  ): Promise<{ quotes: DocumentQuote[]; total: number }> {
    const rows: QuoteRow[] = [];
    let total = 0;
    // Appended row by row: a common word's quotes may be more than a call's arguments can spread.
    const add = (found: readonly QuoteRow[]) => {
      for (const row of found) rows.push(row);
      total += Number(found[0]?.total ?? 0);
    };
    // Only the view's collections compete for the limit; the newest documents' quotes are kept (news is
    // asked about what was said lately), the server counting all of them.
    const collections = [...new Set(documents.map(documentCollection))];
    const newest = `AND q.collection = ANY($COLLECTIONS::text[])
      ORDER BY d.stored->'meta'->>'date' DESC NULLS LAST, d.ordinal, q.position LIMIT $LIMIT`;
    const numbered = (sql: string, first: number) =>
      sql.replace('$COLLECTIONS', `$${first}`).replace('$LIMIT', `$${first + 1}`);
    const wanted = [...new Set(terms)];
    if (wanted.length > 0)
      add(
        await this.rows(
          `SELECT q.document_id, q.position, q.quote, count(*) OVER () AS total FROM whosaid_quotes q
             JOIN (SELECT DISTINCT document_id, (chunk->>'paragraph')::int AS paragraph
                     FROM whosaid_chunks WHERE lexical @@ $1::tsquery) p
               ON q.document_id = p.document_id AND q.paragraph = p.paragraph
             ${held(2)}
            WHERE q.speaker IS NOT NULL ${numbered(newest, 3)}`,
          [
            wanted.map((term) => `${quotedLexeme(term)}:AB`).join(' | '),
            this.publishedAt,
            collections,
            limit,
          ],
        ),
      );
    if (speakers.length > 0)
      add(
        await this.rows(
          `SELECT q.document_id, q.position, q.quote, count(*) OVER () AS total FROM whosaid_quotes q ${held(3)}
            WHERE lower(q.speaker) = ANY($1::text[]) AND q.speaker = ANY($2::text[]) ${numbered(newest, 4)}`,
          [speakers.map((name) => name.toLowerCase()), speakers, this.publishedAt, collections, limit],
        ),
      );
    const all = inOrder(documents, rows);
    // Each read kept its newest `limit`; together, the newest `limit` of both. The two may share
    // quotes (one credited to a speaker named like the topic), so the server's counts, less the
    // repeats among the rows read, bound the total from above.
    const date = (quote: DocumentQuote) => quote.document.meta.date ?? '';
    const cut =
      all.length > limit
        ? new Set(
            [...all].sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : 0)).slice(0, limit),
          )
        : null;
    const quotes = cut ? all.filter((quote) => cut.has(quote)) : all;
    return { quotes, total: Math.max(all.length, total - (rows.length - all.length)) };
  }

  /**
   * Tallied by the server: one row per speaker, members and document (the speaker index finds the
   * speakers' quotes), then the first quote of each tally read by its key — so what is read grows with
   * the documents the speakers are quoted in, not with their quotes or the archive's.
   */
  async tallies(documents: readonly StoredDocument[], speakers: readonly string[]): Promise<SpeakerTally[]> {
    if (speakers.length === 0) return [];
    const { rows } = await this.pool.query<TallyRow>(
      `SELECT q.speaker, q.quote->'members' AS members, q.document_id, count(*)::int AS count,
              min(q.position) AS position
         FROM whosaid_quotes q ${held(3)}
        WHERE lower(q.speaker) = ANY($1::text[]) AND q.speaker = ANY($2::text[])
        GROUP BY q.speaker, q.quote->'members', q.document_id`,
      [speakers.map((name) => name.toLowerCase()), speakers, this.publishedAt],
    );
    const place = new Map(documents.map((document, index) => [document.id, index]));
    const byKey = new Map<string, { at: number; row: TallyRow; count: number; documents: number }>();
    for (const row of rows) {
      const at = place.get(row.document_id);
      if (at === undefined) continue;
      const key = tallyKey(row);
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { at, row, count: row.count, documents: 1 });
      else {
        seen.count += row.count;
        seen.documents += 1;
        // One row per speaker, members and document: the first document holds the first quote.
        if (at < seen.at) Object.assign(seen, { at, row });
      }
    }
    const tallied = [...byKey.values()].sort((a, b) => a.at - b.at || a.row.position - b.row.position);
    const firsts = await this.rows(
      `SELECT q.document_id, q.position, q.quote FROM whosaid_quotes q
         JOIN unnest($1::text[], $2::int[]) AS k(document_id, position)
           ON q.document_id = k.document_id AND q.position = k.position
         ${held(3)}`,
      [tallied.map(({ row }) => row.document_id), tallied.map(({ row }) => row.position), this.publishedAt],
    );
    const quoteAt = new Map(firsts.map((row) => [`${row.document_id}#${row.position}`, row.quote]));
    return tallied.flatMap(({ at, row, count, documents: seenIn }) => {
      const quote = quoteAt.get(`${row.document_id}#${row.position}`);
      const document = documents[at];
      return quote && document ? [{ first: { document, quote }, count, documents: seenIn }] : [];
    });
  }

  private async read(ids: readonly string[]): Promise<Map<string, Quote[]>> {
    const rows = await this.rows(
      `SELECT q.document_id, q.position, q.quote FROM whosaid_quotes q ${held(2)}
        WHERE q.document_id = ANY($1::text[]) ORDER BY q.document_id, q.position`,
      [ids, this.publishedAt],
    );
    const byDocument = new Map<string, Quote[]>();
    for (const { document_id, quote } of rows) {
      const list = byDocument.get(document_id);
      if (list) list.push(quote);
      else byDocument.set(document_id, [quote]);
    }
    return byDocument;
  }

  private async rows(sql: string, values: unknown[]): Promise<QuoteRow[]> {
    const { rows } = await this.pool.query<QuoteRow>(sql, values);
    this.rowsRead += rows.length;
    return rows;
  }
}

/**
 * The rows of `documents`, each once, in the documents' order and by position within each: the order
 * the files backend walks them in. Rows of other documents (outside a restricted view) are left out.
 */
function inOrder(documents: readonly StoredDocument[], rows: readonly QuoteRow[]): DocumentQuote[] {
  const place = new Map(documents.map((document, index) => [document.id, index]));
  const seen = new Set<string>();
  const kept: { at: number; row: QuoteRow }[] = [];
  for (const row of rows) {
    const at = place.get(row.document_id);
    const key = `${row.document_id}#${row.position}`;
    if (at === undefined || seen.has(key)) continue;
    seen.add(key);
    kept.push({ at, row });
  }
  kept.sort((a, b) => a.at - b.at || a.row.position - b.row.position);
  return kept.map(({ at, row }) => ({ document: documents[at] as StoredDocument, quote: row.quote }));
}
