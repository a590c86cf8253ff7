import type { AddLinkResult, BotServices, BotServicesOptions } from '../../bot-services.js';
import { createBotServices } from '../../bot-services.js';
import type { Config } from '../../config.js';
import { describeError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { CliIo } from '../io.js';
import { publishIndex } from '../postgres-index.js';
import { openLiveSearch } from '../runtime.js';

/**
 * The bot's services over an index that can grow while it runs (src/index/serving-index.ts): it starts
 * on the newest complete index, stale or not, and every update — a stale index at start-up, "add"
 * from Slack, the feed refresh — is built by the same background rebuild (one at a time, in a worker
 * thread) and swapped in as a new generation. Adds and feed refreshes also go through one queue.
 */
export async function createLiveServices(
  config: Config,
  io: CliIo,
  logger: Logger,
  options: Omit<BotServicesOptions, 'addLink' | 'feeds'>,
): Promise<BotServices> {
  const { createEmbedder } = await import('../../index/embedder.js');
  const embedder = await createEmbedder(config);
  // Answers start from the newest complete index; a stale one is rebuilt in the background (logged).
  const served = await openLiveSearch(config, (message, level) => logger[level](message), io);
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };
  const canAdd = config.admins.users.length > 0 || config.admins.channel !== undefined;
  const addLink = canAdd ? (url: string) => serialized(() => add(url)) : undefined;
  const feeds = async () => {
    const { readFeeds } = await import('../../fetch/feed-list.js');
    return (await readFeeds(config.fetchedDir)).map(({ url, title, lastCheckedAt }) => ({
      url,
      title,
      lastCheckedAt,
    }));
  };
  const services = createBotServices(served.live, {
    ...options,
    addLink,
    feeds,
    refreshIndex: served.refresh,
  });
  const paths = {
    corpusDir: config.corpusDir,
    fetchedDir: config.fetchedDir,
    indexDir: config.indexDir,
    embedder,
    maxBytes: config.maxFileBytes,
    policy: config.fetch,
    // Stored documents reach the bot through its background rebuild, which swaps them in.
    reindex: async () => {
      await served.refresh();
      return served.live.index;
    },
  };

  /**
   * With the index in PostgreSQL, the generation just swapped in is published too, so the other
   * replicas get it when they next open the index. A failed publish is logged, not the add's failure:
   * the document is stored and answered from here, and the next `ingest` publishes it.
   */
  async function publish(): Promise<void> {
    await publishIndex(config, served.live.index, (message) => logger.info(message)).catch((error: unknown) =>
      logger.warn({ error: describeError(error) }, 'publishing the index to PostgreSQL failed'),
    );
  }

  // The generation served at start-up is published as well (changed documents only), so replicas that
  // open the index from PostgreSQL see what this one answers from. (This bot itself serves from files:
  // the background rebuild and swap work on the files backend.)
  await publish();

  async function add(url: string): Promise<AddLinkResult> {
    const { addDocument } = await import('../../fetch/add-document.js');
    const result = await addDocument({ ...paths, url });
    if (!result.ok) return result;
    if (result.outcome !== 'unchanged') await publish();
    return { ok: true, outcome: result.outcome, summary: result.summary };
  }

  if (config.feeds.intervalMinutes > 0) {
    const { refreshFeeds, scheduleRefresh } = await import('../../fetch/refresh-feeds.js');
    const refresh = async () => {
      try {
        const result = await refreshFeeds({
          ...paths,
          maxItems: config.feeds.maxItems,
          hostDelayMs: config.feeds.hostDelayMs,
        });
        if (result.index) await publish();
        const failed = [
          ...result.feeds.filter((feed) => feed.status === 'failed'),
          ...result.items.filter((item) => item.outcome === 'failed'),
        ];
        for (const entry of failed)
          logger.warn({ url: entry.url, reason: entry.reason }, 'feed refresh: item failed');
        logger.info(
          {
            feeds: result.feeds.length,
            items: result.items.length,
            failed: failed.length,
            reindexed: result.index !== null,
          },
          result.index
            ? 'feeds refreshed: new articles are answered from now'
            : 'feeds refreshed: nothing new',
        );
      } catch (error) {
        logger.error({ error: describeError(error) }, 'feed refresh failed');
      }
    };
    scheduleRefresh(config.feeds.intervalMinutes * 60_000, () => serialized(refresh));
    logger.info({ minutes: config.feeds.intervalMinutes }, 'feeds are refreshed on an interval');
  }
  return services;
}
