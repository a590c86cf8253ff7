import type { Quote } from '../quotes/types.js';
import type { StoredDocument } from './types.js';

/**
 * How answering reads the documents' quote lists: a document's, or every document's a batch at a
 * time, awaited, so a backend may read them when asked (PostgreSQL, for an archive larger than
 * memory) instead of holding every quote of the corpus. What is shown about a document without its
 * quotes — how many of them name a speaker — is known without reading them.
 */
export interface QuoteStore {
  /** The document's quotes, in its order. */
  ofDocument(document: StoredDocument): Promise<Quote[]>;
  /** Each document's quotes, in the order given, a batch of documents at a time. */
  batches(documents: readonly StoredDocument[]): AsyncIterable<[StoredDocument, Quote[]][]>;
  /** How many of the document's quotes name their speaker. */
  attributed(document: StoredDocument): number;
}

/** The quote store of documents that hold their quotes (the files backend). */
export const residentQuotes: QuoteStore = {
  ofDocument: async (document) => document.quotes,
  async *batches(documents) {
    yield documents.map((document): [StoredDocument, Quote[]] => [document, document.quotes]);
  },
  attributed: (document) => document.quotes.filter((quote) => quote.speaker !== null).length,
};
