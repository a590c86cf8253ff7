import { type DocumentSummary, summarizeDocument } from './document-summary.js';
import { fetchDocuments } from './fetch-documents.js';
import { type FetchIntoIndexOptions, type IndexedDocuments, reindexAfterFetch } from './fetch-into-index.js';

export interface AddDocumentOptions extends FetchIntoIndexOptions {
  url: string;
}

export type AddDocumentResult =
  | {
      ok: true;
      outcome: 'added' | 'updated' | 'unchanged';
      summary: DocumentSummary;
      index: IndexedDocuments;
    }
  | { ok: false; reason: string };

/**
 * Adds one link (Slack's "add"): fetch and store it, bring the index up to date, and say what the
 * document holds. A failure leaves the stored files and the index as they were.
 */
export async function addDocument(options: AddDocumentOptions): Promise<AddDocumentResult> {
  const [item] = await fetchDocuments({ ...options, urls: [options.url] });
  if (!item || item.outcome === 'failed' || !item.path)
    return { ok: false, reason: item?.reason ?? 'nothing was fetched' };
  const index = await reindexAfterFetch(options, [item.path]);
  const stored = index.documents.find((document) => document.path === item.path);
  if (!stored) return { ok: false, reason: 'the document was stored but could not be indexed (see the log)' };
  return { ok: true, outcome: item.outcome, summary: summarizeDocument(stored), index };
}
