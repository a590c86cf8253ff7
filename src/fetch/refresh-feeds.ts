import type { Embedder } from '../index/embedder.js';
import { ingest } from '../index/ingest.js';
import type { FetchedItem } from './fetch-documents.js';
import type { FetchPolicy } from './fetch-url.js';
import { HostPacer } from './host-pacer.js';
import { type FeedReport, pullFeeds } from './pull-feeds.js';

export interface RefreshFeedsOptions {
  corpusDir: string;
  fetchedDir: string;
  indexDir: string;
  embedder: Embedder;
  maxBytes?: number;
  policy: FetchPolicy;
  maxItems: number;
  hostDelayMs: number;
}

export interface RefreshResult {
  feeds: FeedReport[];
  items: FetchedItem[];
  /** Whether the index on disk was rebuilt (only when an item was added or changed). */
  reindexed: boolean;
}

/**
 * One feed refresh, as `whosaid serve` runs it on WHOSAID_FEEDS_INTERVAL: pull the feeds, and when
 * something new arrived, bring the index on disk up to date (written atomically, so a reader never
 * sees half an index). Handing the new index to the running bot is the index-swap's work.
 */
export async function refreshFeeds(options: RefreshFeedsOptions): Promise<RefreshResult> {
  const { feeds, items } = await pullFeeds({
    fetchedDir: options.fetchedDir,
    corpusDir: options.corpusDir,
    policy: options.policy,
    maxItems: options.maxItems,
    pacer: new HostPacer(options.hostDelayMs),
  });
  const changed = items.some((item) => item.outcome === 'added' || item.outcome === 'updated');
  if (changed) {
    await ingest({
      corpusDir: options.corpusDir,
      fetchedDir: options.fetchedDir,
      indexDir: options.indexDir,
      embedder: options.embedder,
      maxBytes: options.maxBytes,
    });
  }
  return { feeds, items, reindexed: changed };
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
