import type { FetchedItem } from './fetch-documents.js';
import { type FetchIntoIndexOptions, type IndexedDocuments, reindexAfterFetch } from './fetch-into-index.js';
import { HostPacer } from './host-pacer.js';
import { type FeedReport, pullFeeds } from './pull-feeds.js';

export interface RefreshFeedsOptions extends FetchIntoIndexOptions {
  maxItems: number;
  hostDelayMs: number;
  /** Where a feed's articles go, by its collection (see PullFeedsOptions.folderFor). */
  folderFor?: (collection: string) => string;
}

export interface RefreshResult {
  feeds: FeedReport[];
  items: FetchedItem[];
  /** The rebuilt index, when an item was added or changed (else the index was left alone). */
  index: IndexedDocuments | null;
}

/**
 * One feed refresh, as `whosaid serve` runs it on WHOSAID_FEEDS_INTERVAL: pull the feeds, and when
 * something new arrived, bring the index on disk up to date (written atomically, so a reader never
 * sees half an index). The caller hands the new index to the running bot.
 */
export async function refreshFeeds(options: RefreshFeedsOptions): Promise<RefreshResult> {
  const { feeds, items } = await pullFeeds({
    fetchedDir: options.fetchedDir,
    corpusDir: options.corpusDir,
    policy: options.policy,
    maxItems: options.maxItems,
    pacer: new HostPacer(options.hostDelayMs),
    ...(options.folderFor ? { folderFor: options.folderFor } : {}),
  });
  const stored = items.flatMap((item) =>
    (item.outcome === 'added' || item.outcome === 'updated') && item.path ? [item.path] : [],
  );
  const index = stored.length > 0 ? await reindexAfterFetch(options, stored) : null;
  return { feeds, items, index };
}

/**
 * Runs `refresh` every `intervalMs`, never two at once (a slow run makes the next tick skip rather than
 * pile up), and never keeps the process alive by itself. Returns the function that stops it.
 */
export function scheduleRefresh(intervalMs: number, refresh: () => Promise<void>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    refresh().finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
