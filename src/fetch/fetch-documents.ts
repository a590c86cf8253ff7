import { isWhosaidError } from '../errors.js';
import { extractArticle } from './extract-article.js';
import { type FetchPolicy, fetchUrl } from './fetch-url.js';
import {
  articleText,
  checkFetchedLocation,
  fetchedPathFor,
  type StoreOutcome,
  storeFetched,
} from './fetched-store.js';

export interface FetchedItem {
  /** The URL as given. */
  url: string;
  outcome: StoreOutcome | 'failed';
  /** The stored file (absent when the item failed). */
  path?: string;
  title?: string;
  /** Why it failed. */
  reason?: string;
}

export interface FetchDocumentsOptions {
  urls: readonly string[];
  fetchedDir: string;
  corpusDir: string;
  policy: FetchPolicy;
}

/**
 * Fetches each URL and stores what it holds as a corpus file in the fetched-documents folder. Each URL
 * stands alone: one that fails is reported with its reason and leaves every other file as it was.
 * Indexing the stored files is the caller's next step (the ordinary incremental ingest).
 */
export async function fetchDocuments(options: FetchDocumentsOptions): Promise<FetchedItem[]> {
  checkFetchedLocation(options.fetchedDir, options.corpusDir);
  const items: FetchedItem[] = [];
  for (const url of options.urls) {
    try {
      items.push(await fetchOne(url, options));
    } catch (error) {
      if (!isWhosaidError(error)) throw error;
      items.push({ url, outcome: 'failed', reason: error.message.replace(`${url}: `, '') });
    }
  }
  return items;
}

async function fetchOne(url: string, options: FetchDocumentsOptions): Promise<FetchedItem> {
  const result = await fetchUrl({ url, accept: ['html'] }, options.policy);
  if (result.status !== 'ok') throw new Error('unreachable: no validators were sent');
  const article = await extractArticle(result.bytes, result.contentType, result.url);
  const path = fetchedPathFor(options.fetchedDir, article.url, '.md');
  const content = articleText({
    meta: {
      title: article.title,
      author: article.author,
      publisher: article.publisher,
      date: article.date,
      url: article.url,
      fetched_from: url === article.url ? null : url,
    },
    paragraphs: article.paragraphs,
  });
  return { url, outcome: await storeFetched(path, content, article.url), path, title: article.title };
}
