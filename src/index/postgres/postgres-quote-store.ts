import type pg from 'pg';
import { BoundedMap } from '../../bounded-map.js';
import type { Quote } from '../../quotes/types.js';
import type { QuoteStore } from '../quote-store.js';
import type { StoredDocument } from '../types.js';

/** Documents whose quote lists are kept for the questions that come next (summaries, checks). */
const CACHED_DOCUMENTS = 256;
/** Documents whose quotes one query reads when every quote is walked (`/quote`). */
const DOCUMENTS_PER_BATCH = 200;

/**
 * The documents' quotes of an index published in PostgreSQL (whosaid_quotes, one row per quote in
 * its document's order), read when answering asks for them, so a replica holds no quote list but
 * those of a bounded number of documents, and a count of attributed quotes per document.
 */
export class PostgresQuoteStore implements QuoteStore {
  private readonly cache: BoundedMap<string, Quote[]>;
  /** Quote rows read so far (for tests: what a replica reads, and when). */
  rowsRead = 0;

  constructor(
    private readonly pool: Pick<pg.Pool, 'query'>,
    private readonly counts: ReadonlyMap<string, number>,
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

  private async read(ids: readonly string[]): Promise<Map<string, Quote[]>> {
    const { rows } = await this.pool.query<{ document_id: string; quote: Quote }>(
      'SELECT document_id, quote FROM whosaid_quotes WHERE document_id = ANY($1::text[]) ORDER BY document_id, position',
      [ids],
    );
    this.rowsRead += rows.length;
    const byDocument = new Map<string, Quote[]>();
    for (const { document_id, quote } of rows) {
      const list = byDocument.get(document_id);
      if (list) list.push(quote);
      else byDocument.set(document_id, [quote]);
    }
    return byDocument;
  }
}
