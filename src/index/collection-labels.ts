import { DEFAULT_COLLECTION } from '../collections/scope.js';
import type { Chunk, StoredDocument } from './types.js';

export function documentCollection(document: Pick<StoredDocument, 'collection'>): string {
  return document.collection ?? DEFAULT_COLLECTION;
}

/** The labels of the chunks of `collections`' documents. */
export function labelsOf(
  index: { documents: readonly StoredDocument[]; chunks: readonly Chunk[] },
  collections: readonly string[],
): number[] {
  const wanted = new Set(collections);
  const kept = new Set(
    index.documents
      .filter((document) => wanted.has(documentCollection(document)))
      .map((document) => document.id),
  );
  return index.chunks.filter((chunk) => kept.has(chunk.doc)).map((chunk) => chunk.label);
}
