import type { AddLinkResult, BotServices, BotServicesOptions } from '../../bot-services.js';
import { createBotServices } from '../../bot-services.js';
import type { Config } from '../../config.js';
import { describeError } from '../../errors.js';
import type { IndexData } from '../../index/index-store.js';
import type { Logger } from '../../logger.js';
import { swappableServices } from '../../swappable-services.js';
import type { CliIo } from '../io.js';
import { publishIndex } from '../postgres-index.js';
import { openSearchContext } from '../runtime.js';

/**
 * The bot's services over an index that can grow while it runs: "add" from Slack and the feed
 * refresh each update the index on disk and then swap the services to the new index. Both go through
 * one queue, so two updates never write the index at the same time.
 */
export async function createLiveServices(
  config: Config,
  io: CliIo,
  logger: Logger,
  options: Omit<BotServicesOptions, 'addLink'>,
): Promise<BotServices> {
  const [{ createSearchContext }, { createEmbedder }, { Wordnet }] = await Promise.all([
    import('../../answer/search-context.js'),
    import('../../index/embedder.js'),
    import('../../text/wordnet.js'),
  ]);
  const embedder = await createEmbedder(config);
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };
  const canAdd = config.admins.users.length > 0 || config.admins.channel !== undefined;
  const addLink = canAdd ? (url: string) => serialized(() => add(url)) : undefined;
  const build = (index: IndexData) =>
    createBotServices(createSearchContext(index, embedder, new Wordnet()), { ...options, addLink });
  const live = swappableServices(
    createBotServices(await openSearchContext(config, io), { ...options, addLink }),
  );
  const paths = {
    corpusDir: config.corpusDir,
    fetchedDir: config.fetchedDir,
    indexDir: config.indexDir,
    embedder,
    maxBytes: config.maxFileBytes,
    policy: config.fetch,
  };

  /**
   * Answers from `index` at once; with the index in PostgreSQL it is published too, so the other
   * replicas get it when they next open the index. A failed publish is logged, not the add's failure:
   * the document is stored and answered from here, and the next `ingest` publishes it.
   */
  async function swapTo(index: IndexData): Promise<void> {
    live.swap(build(index));
    await publishIndex(config, index, (message) => logger.info(message)).catch((error: unknown) =>
      logger.warn({ error: describeError(error) }, 'publishing the index to PostgreSQL failed'),
    );
  }

  async function add(url: string): Promise<AddLinkResult> {
    const { addDocument } = await import('../../fetch/add-document.js');
    const result = await addDocument({ ...paths, url });
    if (!result.ok) return result;
    if (result.outcome !== 'unchanged') await swapTo(result.index);
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
        if (result.index) await swapTo(result.index);
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
  return live.services;
}
