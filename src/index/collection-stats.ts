import { documentCollection } from './collection-labels.js';
import { residentQuotes } from './quote-store.js';
import type { StoredDocument } from './types.js';

/** What `collections list`, the App Home and MCP say about one collection. */
export interface CollectionStats {
  name: string;
  documents: number;
  paragraphs: number;
  /** Attributed quotes (a speaker named). */
  quotes: number;
  /** The newest modification time of its documents' files (ISO), or null when it has none. */
  updatedAt: string | null;
}

/** Per collection of these documents, sorted by name; `names` adds collections with no documents yet. */
export function collectionStats(
  documents: readonly StoredDocument[],
  names: readonly string[] = [],
  attributed: (document: StoredDocument) => number = residentQuotes.attributed,
): CollectionStats[] {
  const stats = new Map<string, CollectionStats & { newest: number }>();
  const entry = (name: string) => {
    let found = stats.get(name);
    if (!found) {
      found = { name, documents: 0, paragraphs: 0, quotes: 0, updatedAt: null, newest: 0 };
      stats.set(name, found);
    }
    return found;
  };
  for (const name of names) entry(name);
  for (const document of documents) {
    const found = entry(documentCollection(document));
    found.documents += 1;
    found.paragraphs += document.paragraphCount;
    found.quotes += attributed(document);
    found.newest = Math.max(found.newest, document.mtimeMs);
  }
  return [...stats.values()]
    .map(({ newest, ...rest }) => ({
      ...rest,
      updatedAt: newest > 0 ? new Date(newest).toISOString() : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
