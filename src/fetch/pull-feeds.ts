import { describeError, isWhosaidError } from '../errors.js';
import { decodeMarkup } from './decode-markup.js';
import { type FeedEntry, readFeeds, writeFeeds } from './feed-list.js';
import { type FetchedItem, fetchDocuments } from './fetch-documents.js';
import { FetchError } from './fetch-error.js';
import type { FetchPolicy } from './fetch-url.js';
import { fetchUrl } from './fetch-url.js';
import type { HostPacer } from './host-pacer.js';
import { plainLine } from './plain-text.js';

export interface FeedReport {
  url: string;
  title: string | null;
  status: 'not-modified' | 'checked' | 'failed';
  /** Items not seen before, found in this run. */
  newItems: number;
  /** New items left for a later run by the cap. */
  leftForLater: number;
  reason?: string;
}

export interface PullFeedsOptions {
  fetchedDir: string;
  corpusDir: string;
  policy: FetchPolicy;
  /** New items fetched per feed and run at most. */
  maxItems: number;
  pacer: HostPacer;
  /**
   * The folder a feed's articles are stored in: its collection's (see FeedEntry.collection). Absent:
   * every feed's go into `fetchedDir`.
   */
  folderFor?: (collection: string) => string;
}

/**
 * `whosaid ingest --feeds`: for every feed, a conditional GET (ETag / Last-Modified); the items it has
 * not brought in before, newest first and at most `maxItems`, fetched like any URL. A broken feed or
 * item is reported and the others go on; an item that failed for a passing reason is tried again next
 * run. The validators are kept only when no item is left for later: otherwise the next run would get a
 * 304 and never see the items left over.
 */
export async function pullFeeds(
  options: PullFeedsOptions,
): Promise<{ feeds: FeedReport[]; items: FetchedItem[] }> {
  const feeds = await readFeeds(options.fetchedDir);
  const reports: FeedReport[] = [];
  const items: FetchedItem[] = [];
  for (const feed of feeds) {
    const { report, fetched } = await pullFeed(feed, options);
    reports.push(report);
    items.push(...fetched);
    // Saved after each feed, so an interruption loses at most the feed under way.
    await writeFeeds(options.fetchedDir, feeds);
  }
  return { feeds: reports, items };
}

async function pullFeed(
  feed: FeedEntry,
  options: PullFeedsOptions,
): Promise<{ report: FeedReport; fetched: FetchedItem[] }> {
  const report: FeedReport = {
    url: feed.url,
    title: feed.title,
    status: 'checked',
    newItems: 0,
    leftForLater: 0,
  };
  try {
    await options.pacer.wait(feed.url);
    const result = await fetchUrl(
      { url: feed.url, accept: ['feed'], etag: feed.etag, lastModified: feed.lastModified },
      options.policy,
    );
    feed.lastCheckedAt = new Date().toISOString();
    if (result.status === 'not-modified')
      return { report: { ...report, status: 'not-modified' }, fetched: [] };
    const parsed = await parseFeed(decodeMarkup(result.bytes, result.contentType), result.url);
    feed.title = parsed.title ?? feed.title;
    report.title = feed.title;
    const seen = new Set(feed.seen);
    const fresh = parsed.items.filter((item) => !seen.has(item.key));
    const now = fresh.slice(0, options.maxItems);
    report.newItems = fresh.length;
    report.leftForLater = fresh.length - now.length;
    const fetched: FetchedItem[] = [];
    for (const item of now) {
      await options.pacer.wait(item.url);
      const fetchedDir = options.folderFor?.(feed.collection ?? 'news') ?? options.fetchedDir;
      const [done] = await fetchDocuments({ ...options, fetchedDir, urls: [item.url] });
      if (!done) continue;
      fetched.push(done);
      // A lasting failure (404, no article text, refused) is not retried on every run: it would hold a
      // place under the cap and keep the feed from ever being answered with a 304.
      if (done.outcome !== 'failed' || !done.transient) feed.seen.push(item.key);
    }
    const complete = report.leftForLater === 0 && fetched.every((item) => !item.transient);
    feed.etag = complete ? result.etag : null;
    feed.lastModified = complete ? result.lastModified : null;
    return { report, fetched };
  } catch (error) {
    if (!isWhosaidError(error)) throw error;
    return {
      report: { ...report, status: 'failed', reason: error.message.replace(`${feed.url}: `, '') },
      fetched: [],
    };
  }
}

export interface ParsedFeed {
  title: string | null;
  /** Newest first; `key` is the item's guid, else its link. */
  items: { key: string; url: string; date: string | null }[];
}

/** RSS 2.0, RSS 1.0 and Atom through rss-parser, over text we fetched ourselves (never its own HTTP). */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  const { default: Parser } = await import('rss-parser');
  let output: Awaited<ReturnType<InstanceType<typeof Parser>['parseString']>>;
  try {
    output = await new Parser().parseString(xml);
  } catch (error) {
    throw new FetchError(feedUrl, `not a readable RSS or Atom feed (${describeError(error).split('\n')[0]})`);
  }
  const items = output.items.flatMap((item) => {
    const link = item.link?.trim();
    if (!link || !URL.canParse(link, feedUrl)) return [];
    const url = new URL(link, feedUrl).href;
    return [{ key: item.guid?.trim() || url, url, date: item.isoDate ?? null }];
  });
  // Feeds list newest first by convention, but not all do: order by date where every item has one.
  if (items.every((item) => item.date)) items.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return { title: output.title ? plainLine(output.title) || null : null, items };
}
