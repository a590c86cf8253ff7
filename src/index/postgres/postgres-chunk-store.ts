import type pg from 'pg';
import { BoundedMap } from '../../bounded-map.js';
import { addPart, type ChunkStore } from '../chunk-store.js';
import type { Chunk, StoredDocument } from '../types.js';
import { heldDocument } from './postgres-index-sql.js';

/** Where a document's chunks sit among the labels: `first` … `first + count − 1`, by position. */
export interface LabelRange {
  document: StoredDocument;
  first: number;
  count: number;
}

/**
 * Whole paragraphs and chunks kept for the questions that come next: a question reads a few dozen,
 * a document summary one document's, so this holds many questions' worth while a replica's memory
 * stays the same whatever the size of the corpus.
 */
const CACHED_PARAGRAPHS = 4_000;

type Row = { document_id: string; position: number; chunk: Omit<Chunk, 'label'> };

/** Joins chunk rows (`c`) to their document as the publication read holds it, its time `$n`. */
const held = (n: number) =>
  `JOIN whosaid_documents d ON d.id = c.document_id AND ${heldDocument('d', `$${n}`)}`;

/**
 * The chunks of an index published in PostgreSQL, read when answering asks for them (by label, by
 * paragraph, or a document's) rather than all at start-up: a replica holds one label range per
 * document and a bounded cache, not the corpus's text. Each chunk comes back as the files backend
 * holds it — its label, its document's id, its quotes — and paragraphs
 * split in parts are joined as the files backend joins them (addPart). The ranges are those of the
 * publication the index was read in, and so are the rows read: those of a document a newer
 * publication rewrote are not read (heldDocument), so no answer mixes two versions of a document;
 * the next generation (read at once: serve-published-index.ts) has the new one.
 */
export class PostgresChunkStore implements ChunkStore {
  private readonly ranges: readonly LabelRange[];
  private readonly byDocument: ReadonlyMap<string, LabelRange>;
  private readonly chunkCache: BoundedMap<number, Chunk>;
  private readonly paragraphCache: BoundedMap<string, Chunk>;
  /** Chunk rows read from PostgreSQL so far (for tests: what a replica reads, and when). */
  rowsRead = 0;

  constructor(
    private readonly pool: Pick<pg.Pool, 'query'>,
    ranges: readonly LabelRange[],
    /** `whosaid_index.updated_at` of the publication read (as text: microseconds kept). */
    private readonly publishedAt: string,
    /** How many chunks, and how many whole paragraphs, are kept (each). */
    readonly capacity = CACHED_PARAGRAPHS,
  ) {
    this.chunkCache = new BoundedMap(capacity);
    this.paragraphCache = new BoundedMap(capacity);
    this.ranges = ranges;
    this.byDocument = new Map(ranges.map((range) => [range.document.id, range]));
  }

  /** How many chunks and paragraphs are held now: never more than twice `capacity`. */
  get cached(): number {
    return this.chunkCache.size + this.paragraphCache.size;
  }

  documentOf(label: number): string | undefined {
    return this.rangeOf(label)?.document.id;
  }

  async byLabel(labels: readonly number[]): Promise<Map<number, Chunk>> {
    const found = new Map<number, Chunk>();
    const missing: { document: string; position: number }[] = [];
    for (const label of labels) {
      const cached = this.chunkCache.get(label);
      if (cached) found.set(label, cached);
      else {
        const range = this.rangeOf(label);
        if (range) missing.push({ document: range.document.id, position: label - range.first });
      }
    }
    if (missing.length > 0) {
      const rows = await this.read(
        `SELECT c.document_id, c.position, c.chunk FROM whosaid_chunks c
           JOIN unnest($1::text[], $2::int[]) AS k(document_id, position)
             ON c.document_id = k.document_id AND c.position = k.position
           ${held(3)}`,
        [missing.map((key) => key.document), missing.map((key) => key.position), this.publishedAt],
      );
      for (const chunk of rows) {
        this.chunkCache.set(chunk.label, chunk);
        found.set(chunk.label, chunk);
      }
    }
    return found;
  }

  async paragraphs(keys: readonly string[]): Promise<Map<string, Chunk>> {
    const found = new Map<string, Chunk>();
    const missing: { document: string; paragraph: number }[] = [];
    for (const key of new Set(keys)) {
      const cached = this.paragraphCache.get(key);
      if (cached) found.set(key, cached);
      else {
        const at = key.lastIndexOf('#');
        const document = key.slice(0, at);
        const paragraph = Number(key.slice(at + 1));
        if (this.byDocument.has(document) && Number.isInteger(paragraph))
          missing.push({ document, paragraph });
      }
    }
    if (missing.length > 0) {
      const rows = await this.read(
        `SELECT c.document_id, c.position, c.chunk FROM whosaid_chunks c
           JOIN unnest($1::text[], $2::int[]) AS k(document_id, paragraph)
             ON c.document_id = k.document_id AND (c.chunk->>'paragraph')::int = k.paragraph
           ${held(3)}
          ORDER BY c.document_id, c.position`,
        [missing.map((key) => key.document), missing.map((key) => key.paragraph), this.publishedAt],
      );
      for (const [key, paragraph] of this.joined(rows)) found.set(key, paragraph);
    }
    return found;
  }

  async documentParagraphs(doc: string, paragraphCount: number): Promise<Chunk[]> {
    if (!this.byDocument.has(doc)) return [];
    const keys = Array.from({ length: paragraphCount }, (_, i) => `${doc}#${i + 1}`);
    const cached = keys.map((key) => this.paragraphCache.get(key));
    let byKey: Map<string, Chunk>;
    if (cached.every(Boolean)) byKey = new Map(keys.map((key, i) => [key, cached[i] as Chunk]));
    else
      byKey = this.joined(
        await this.read(
          `SELECT c.document_id, c.position, c.chunk FROM whosaid_chunks c ${held(2)}
            WHERE c.document_id = $1 ORDER BY c.position`,
          [doc, this.publishedAt],
        ),
      );
    return keys.flatMap((key) => {
      const paragraph = byKey.get(key);
      return paragraph ? [paragraph] : [];
    });
  }

  /** Chunk rows as the files backend holds them, rows of documents this index does not hold left out. */
  private async read(sql: string, values: unknown[]): Promise<Chunk[]> {
    const { rows } = await this.pool.query<Row>(sql, values);
    this.rowsRead += rows.length;
    return rows.flatMap((row) => {
      const range = this.byDocument.get(row.document_id);
      if (!range || row.position >= range.count) return [];
      return [{ ...row.chunk, doc: range.document.id, label: range.first + row.position }];
    });
  }

  /** Whole paragraphs of chunks read in label order, each kept in the cache. */
  private joined(chunks: readonly Chunk[]): Map<string, Chunk> {
    const paragraphs = new Map<string, Chunk>();
    for (const chunk of [...chunks].sort((a, b) => a.label - b.label)) addPart(paragraphs, chunk);
    for (const [key, paragraph] of paragraphs) this.paragraphCache.set(key, paragraph);
    return paragraphs;
  }

  /** The range holding `label`: ranges are in label order, so a binary search. */
  private rangeOf(label: number): LabelRange | undefined {
    let low = 0;
    let high = this.ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = this.ranges[middle] as LabelRange;
      if (label < range.first) high = middle - 1;
      else if (label >= range.first + range.count) low = middle + 1;
      else return range;
    }
    return undefined;
  }
}
