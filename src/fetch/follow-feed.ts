import { decodeMarkup } from './decode-markup.js';
import { newFeed, readFeeds, writeFeeds } from './feed-list.js';
import { type FetchPolicy, fetchUrl } from './fetch-url.js';
import { parseFeed } from './pull-feeds.js';

export interface FollowFeedResult {
  outcome: 'followed' | 'already';
  title: string | null;
  /** Items the feed lists now (for a feed already followed: none counted). */
  items: number;
  /** The collection its articles go into. */
  collection: string;
}

/**
 * Follows a feed, its articles going into `collection` (`news`: the fetched-documents folder). It is
 * fetched and parsed once now, so a typo or a page that is not a feed is found when it is added, not at
 * every run. No validators are kept yet: the first refresh must get the items, not a 304. A feed
 * followed already keeps its collection (one feed, one place for its articles).
 */
export async function followFeed(options: {
  /** The folder whose feed list is kept (the fetched-documents folder). */
  fetchedDir: string;
  policy: FetchPolicy;
  url: string;
  collection: string;
}): Promise<FollowFeedResult> {
  const feeds = await readFeeds(options.fetchedDir);
  const known = feeds.find((feed) => feed.url === options.url);
  if (known)
    return { outcome: 'already', title: known.title, items: 0, collection: known.collection ?? 'news' };
  const result = await fetchUrl({ url: options.url, accept: ['feed'] }, options.policy);
  if (result.status !== 'ok') throw new Error('unreachable: no validators were sent');
  const parsed = await parseFeed(decodeMarkup(result.bytes, result.contentType), result.url);
  await writeFeeds(options.fetchedDir, [...feeds, newFeed(options.url, parsed.title, options.collection)]);
  return {
    outcome: 'followed',
    title: parsed.title,
    items: parsed.items.length,
    collection: options.collection,
  };
}
