import type { Chunk } from './types.js';

/**
 * How answering reads chunks and whole paragraphs: asked for by label or key, and awaited, so a
 * backend may fetch them when asked (from PostgreSQL, for an archive larger than memory) instead of
 * holding every one. Answering asks for the few a question needs — the labels retrieval returned, the
 * paragraphs of the documents it cites — and never walks them all.
 */
export interface ChunkStore {
  /** The document a label's chunk belongs to, known without reading the chunk. */
  documentOf(label: number): string | undefined;
  /** The chunks of these labels (those that exist). */
  byLabel(labels: readonly number[]): Promise<Map<number, Chunk>>;
  /** The whole paragraphs of these keys, `${doc}#${paragraph}` (those that exist). */
  paragraphs(keys: readonly string[]): Promise<Map<string, Chunk>>;
  /** Every whole paragraph of a document, in order. */
  documentParagraphs(doc: string, paragraphCount: number): Promise<Chunk[]>;
}

/** The store of an index held in memory: its chunks, and its paragraphs joined whole. */
export function residentChunkStore(
  chunks: readonly Chunk[],
  paragraphs: ReadonlyMap<string, Chunk>,
): ChunkStore {
  const pick = <K, V>(keys: readonly K[], get: (key: K) => V | undefined): Map<K, V> => {
    const found = new Map<K, V>();
    for (const key of keys) {
      const value = get(key);
      if (value !== undefined) found.set(key, value);
    }
    return found;
  };
  return {
    documentOf: (label) => chunks[label]?.doc,
    byLabel: async (labels) => pick(labels, (label) => chunks[label]),
    paragraphs: async (keys) => pick(keys, (key) => paragraphs.get(key)),
    documentParagraphs: async (doc, paragraphCount) => {
      const found: Chunk[] = [];
      for (let n = 1; n <= paragraphCount; n++) {
        const paragraph = paragraphs.get(`${doc}#${n}`);
        if (paragraph) found.push(paragraph);
      }
      return found;
    },
  };
}

/**
 * Adds a chunk to the whole paragraphs being joined, by `${doc}#${paragraph}`: the first part of a
 * paragraph as it is, a later one joined to it. Parts are contiguous slices of the paragraph
 * (chunk-document.ts), so joined they are verbatim; a part that does not touch the others is left out.
 */
export function addPart(paragraphs: Map<string, Chunk>, chunk: Chunk): void {
  const key = `${chunk.doc}#${chunk.paragraph}`;
  const first = paragraphs.get(key);
  if (!first) {
    paragraphs.set(key, chunk);
    return;
  }
  const [a, b] = first.start <= chunk.start ? [first, chunk] : [chunk, first];
  if (a.end !== b.start) return;
  const quotes = [...a.quotes, ...b.quotes.filter((quote) => !a.quotes.some((q) => q.start === quote.start))];
  paragraphs.set(key, { ...a, text: a.text + b.text, end: b.end, quotes });
}
