import { DEFAULT_COLLECTION } from '../collections/scope.js';
import type { IndexData } from './index-store.js';
import type { StoredDocument } from './types.js';

export function documentCollection(document: Pick<StoredDocument, 'collection'>): string {
  return document.collection ?? DEFAULT_COLLECTION;
}

/** The collections that have documents in the index, sorted. */
export function indexCollections(index: Pick<IndexData, 'documents'>): string[] {
  return [...new Set(index.documents.map(documentCollection))].sort();
}

/**
 * The index as a reader of only `collections` sees it: their documents, and vector and keyword
 * searches that never return another collection's chunk (the filter works inside each search).
 * `chunks` stays whole, because labels index into it; nothing reaches a chunk but through a search
 * or a document of the view. Shares every structure with `index`: cheap to make, never to be saved.
 */
export function restrictIndex(index: IndexData, collections: ReadonlySet<string>): IndexData {
  const documents = index.documents.filter((document) => collections.has(documentCollection(document)));
  const kept = new Set(documents.map((document) => document.id));
  const chunks = index.chunks.filter((chunk) => kept.has(chunk.doc));
  const labels = chunks.map((chunk) => chunk.label);
  return {
    ...index,
    documents,
    hnsw: index.hnsw.restrictedTo(labels, index.vectors),
    lexical: index.lexical.restrictedTo(labels, index.chunks.length),
  };
}
