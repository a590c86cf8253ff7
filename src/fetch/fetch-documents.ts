import { sidecarPath } from '../corpus/binary-document.js';
import { CorpusFileError } from '../corpus/corpus-file-error.js';
import { isWhosaidError, WhosaidError } from '../errors.js';
import { extractArticle } from './extract-article.js';
import { FetchError } from './fetch-error.js';
import { type FetchPolicy, type FetchResult, fetchUrl } from './fetch-url.js';
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
  /** A failure that may pass (timeout, 5xx…): worth trying again later. */
  transient?: boolean;
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
      const transient = error instanceof FetchError && error.transient;
      items.push({ url, outcome: 'failed', reason: error.message.replace(`${url}: `, ''), transient });
    }
  }
  return items;
}

async function fetchOne(url: string, options: FetchDocumentsOptions): Promise<FetchedItem> {
  const result = await fetchUrl({ url, accept: ['html', 'pdf', 'docx'] }, options.policy);
  if (result.status !== 'ok') throw new Error('unreachable: no validators were sent');
  if (result.kind === 'pdf' || result.kind === 'docx') return storeFile(url, result, options.fetchedDir);
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

/**
 * A PDF or Word file is kept as it came (its text is read from it like any corpus file) with its URL
 * in a hidden sidecar. It is read once before it is stored: a damaged file or a scan without text is
 * reported now, and never lands in the folder.
 */
async function storeFile(
  url: string,
  result: Extract<FetchResult, { status: 'ok' }>,
  dir: string,
): Promise<FetchedItem> {
  const extension = result.kind === 'pdf' ? '.pdf' : '.docx';
  const path = fetchedPathFor(dir, result.url, extension);
  let title: string | null = null;
  try {
    if (result.kind === 'pdf')
      title = (await (await import('../corpus/pdf-text.js')).readPdf(url, result.bytes)).title;
    else await (await import('../corpus/docx-text.js')).readDocx(url, result.bytes);
  } catch (error) {
    if (error instanceof CorpusFileError) throw new WhosaidError('FETCH_FAILED', `${url}: ${error.reason}`);
    throw error;
  }
  const sidecar = `${JSON.stringify({ url: result.url, ...(url === result.url ? {} : { fetched_from: url }) }, null, 2)}\n`;
  const outcome = await storeFetched(path, result.bytes, result.url);
  await storeFetched(sidecarPath(path), sidecar, result.url);
  return { url, outcome, path, title: title ?? undefined };
}
