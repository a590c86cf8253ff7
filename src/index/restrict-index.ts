import { documentCollection, labelsOf } from './collection-labels.js';
import type { ServedIndex } from './served-index.js';

/** The collections that have documents in the index, sorted. */
export function indexCollections(index: Pick<ServedIndex, 'documents'>): string[] {
  return [...new Set(index.documents.map(documentCollection))].sort();
}

/**
 * The index as a reader of only `collections` sees it: their documents, and vector and keyword
 * searches that never return another collection's chunk (the filter works inside each search: hnswlib's
 * filter or an exact scan of the allowed rows, `collection = ANY(…)` in PostgreSQL, MiniSearch's
 * filter). `chunks` stays whole, because labels index into it; nothing reaches a chunk but through a
 * search or a document of the view. Shares every structure with `index`: cheap to make.
 */
export function restrictIndex(index: ServedIndex, collections: ReadonlySet<string>): ServedIndex {
  const documents = index.documents.filter((document) => collections.has(documentCollection(document)));
  const allowed = [...collections];
  const labels = labelsOf(index, allowed);
  // The writer's tables describe every collection: the view's are built from its own documents.
  const { tables: _whole, ...shared } = index;
  return {
    ...shared,
    documents,
    vectorSearch: {
      nearest: (query, k, options) =>
        index.vectorSearch.nearest(query, k, {
          collections: options?.collections
            ? options.collections.filter((name) => collections.has(name))
            : allowed,
        }),
    },
    lexical: index.lexical.restrictedTo({ labels, size: index.chunks.length, collections: allowed }),
  };
}
