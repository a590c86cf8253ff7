import type { DocumentSummary } from '../fetch/document-summary.js';
import type { FetchedItem } from '../fetch/fetch-documents.js';
import type { FeedReport } from '../fetch/pull-feeds.js';
import { displayPath } from './runtime.js';

export type FetchedReport = FetchedItem & { summary?: DocumentSummary };

/** One line per URL: what happened, where the file is, and what the index found in it. */
export function fetchedLine(item: FetchedReport): string {
  if (item.outcome === 'failed') return `failed ${item.url}: ${item.reason}`;
  const where = item.path ? ` → ${displayPath(item.path)}` : '';
  const summary = item.summary;
  if (!summary) return `${item.outcome} ${item.url}${where}`;
  const quoted = summary.topSpeaker
    ? `; quoted most: ${summary.topSpeaker.name} (${summary.topSpeaker.quotes})`
    : '; nobody quoted by name';
  return (
    `${item.outcome} ${item.url}${where}: “${summary.title}”, ${plural(summary.paragraphs, 'paragraph')}, ` +
    `${plural(summary.quotes, 'attributed quote')}${quoted}`
  );
}

/** One line per feed, before the lines of the items it brought. */
export function feedLine(feed: FeedReport): string {
  const name = `feed ${feed.url}${feed.title ? ` (“${feed.title}”)` : ''}`;
  if (feed.status === 'failed') return `failed ${name}: ${feed.reason}`;
  if (feed.status === 'not-modified') return `${name}: not modified since the last run`;
  const later = feed.leftForLater > 0 ? ` (${feed.leftForLater} left for the next run)` : '';
  return `${name}: ${plural(feed.newItems, 'new item')}${later}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
