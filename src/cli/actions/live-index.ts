import type { SearchContext } from '../../answer/search-context.js';
import type {
  AddLinkResult,
  BotServices,
  BotServicesOptions,
  FollowFeedOutcome,
} from '../../bot-services.js';
import { createBotServices } from '../../bot-services.js';
import {
  collectionOwnDir,
  readCollections,
  upsertCollection,
} from '../../collections/collection-registry.js';
import { DEFAULT_COLLECTION } from '../../collections/scope.js';
import type { Config } from '../../config.js';
import { describeError, isWhosaidError } from '../../errors.js';
import type { IndexedDocuments } from '../../fetch/fetch-into-index.js';
import type { Embedder } from '../../index/embedder.js';
import type { IngestReport } from '../../index/ingest.js';
import type { Logger } from '../../logger.js';
import { indexSources } from '../index-sources.js';
import type { CliIo } from '../io.js';
import { openPublishedServing } from '../postgres-index.js';
import { feedFolder, openLiveSearch } from '../runtime.js';

/**
 * The bot's services over an index that can grow while it runs (src/index/serving-index.ts): it starts
 * on the newest complete index, stale or not, and every update — a stale index at start-up, "add"
 * from Slack, the feed refresh — is built by the same background rebuild (one at a time, in a worker
 * thread; with the index in PostgreSQL, streamed in on this thread a document at a time, each step
 * awaited) and swapped in as a new generation. Adds and feed refreshes also go through one queue.
 *
 * With the index in PostgreSQL every bot answers from the index published there, following newer
 * publications (src/index/postgres/serve-published-index.ts). A bot that adds documents or refreshes
 * feeds (WHOSAID_ADMINS, WHOSAID_FEEDS_INTERVAL) is also a writer: it streams its documents into the
 * published index as `whosaid ingest` does (one document at a time, no files index), then answers
 * from the new publication like every replica. Any other bot is a plain replica once an index is
 * published: it builds nothing and holds no vectors.
 */
export async function createLiveServices(
  config: Config,
  io: CliIo,
  logger: Logger,
  options: Omit<BotServicesOptions, 'addLink' | 'followFeed' | 'feeds'>,
): Promise<BotServices> {
  const { createEmbedder } = await import('../../index/embedder.js');
  const { createSearchContext } = await import('../../answer/search-context.js');
  const { Wordnet } = await import('../../text/wordnet.js');
  const embedder = await createEmbedder(config);
  const wordnet = new Wordnet();
  const notify = (message: string, level: 'info' | 'warn') => logger[level](message);
  const canAdd = config.admins.users.length > 0 || config.admins.channel !== undefined;
  const writes = canAdd || config.feeds.intervalMinutes > 0;
  const published = await openPublishedServing(
    config,
    embedder.id,
    (index) => createSearchContext(index, embedder, wordnet),
    notify,
  );
  if (published && !writes) {
    const replica = await published.open();
    if (replica) {
      logger.info(
        'answering from the index published in PostgreSQL, following newer publications; documents are published by `whosaid ingest` or by the bot that adds them (WHOSAID_ADMINS, WHOSAID_FEEDS_INTERVAL)',
      );
      return createBotServices(replica.live, options);
    }
  }
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };
  const updater = published
    ? await postgresWriter(config, embedder, published, logger, serialized)
    : await filesWriter(config, io, notify);
  const addLink = canAdd
    ? (url: string, collection?: string) => serialized(() => add(url, collection))
    : undefined;
  const followFeed = canAdd
    ? (url: string, collection?: string) => serialized(() => follow(url, collection))
    : undefined;
  const feeds = async () => {
    const { readFeeds } = await import('../../fetch/feed-list.js');
    return (await readFeeds(config.fetchedDir)).map(({ url, title, lastCheckedAt, collection }) => ({
      url,
      title,
      lastCheckedAt,
      collection: collection ?? DEFAULT_COLLECTION,
    }));
  };
  const paths = { ...indexSources(config), embedder, policy: config.fetch, reindex: updater.reindex };
  const services = createBotServices(updater.live, {
    ...options,
    addLink,
    followFeed,
    feeds,
    refreshIndex: updater.refresh,
  });

  /** Follows a feed into `collection`; its articles come with the next refresh of the feeds. */
  async function follow(url: string, collection = DEFAULT_COLLECTION): Promise<FollowFeedOutcome> {
    const into = await fetchedDirOf(config, collection);
    if (!into.ok) return into;
    const { followFeed: followOne } = await import('../../fetch/follow-feed.js');
    try {
      const result = await followOne({
        fetchedDir: config.fetchedDir,
        policy: config.fetch,
        url,
        collection,
      });
      return { ok: true, refreshMinutes: config.feeds.intervalMinutes, ...result };
    } catch (error) {
      if (!isWhosaidError(error)) throw error;
      return { ok: false, reason: error.message.replace(`${url}: `, '') };
    }
  }

  async function add(url: string, collection = DEFAULT_COLLECTION): Promise<AddLinkResult> {
    const { addDocument } = await import('../../fetch/add-document.js');
    const into = await fetchedDirOf(config, collection);
    if (!into.ok) return into;
    const result = await addDocument({ ...paths, fetchedDir: into.dir, url });
    if (result.ok && collection !== DEFAULT_COLLECTION)
      await upsertCollection(config.collectionsDir, { name: collection, team: into.team });
    if (!result.ok) return result;
    return { ok: true, outcome: result.outcome, summary: result.summary };
  }

  if (config.feeds.intervalMinutes > 0) {
    const { refreshFeeds, scheduleRefresh } = await import('../../fetch/refresh-feeds.js');
    const refresh = async () => {
      try {
        const result = await refreshFeeds({
          ...paths,
          folderFor: feedFolder(config),
          maxItems: config.feeds.maxItems,
          hostDelayMs: config.feeds.hostDelayMs,
        });
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

/** Where a link added into `collection` is stored: the fetched-documents folder for `news`, else the collection's own. */
async function fetchedDirOf(
  config: Config,
  collection: string,
): Promise<{ ok: true; dir: string; team: string | null } | { ok: false; reason: string }> {
  if (collection === DEFAULT_COLLECTION) return { ok: true, dir: config.fetchedDir, team: null };
  const record = (await readCollections(config.collectionsDir)).find((other) => other.name === collection);
  if (!record) return { ok: false, reason: `there is no collection "${collection}"` };
  return { ok: true, dir: collectionOwnDir(config.collectionsDir, collection), team: record.team };
}

/** How a bot that adds documents keeps its index current, and what it answers from meanwhile. */
interface IndexWriter {
  live: Parameters<typeof createBotServices>[0];
  reindex: (stored: readonly string[]) => Promise<IndexedDocuments>;
  refresh: () => Promise<IngestReport>;
}

/**
 * The files index: answers start from the newest complete one; a stale one is rebuilt in the
 * background (logged), and so is every update, each swapped in as a new generation.
 */
async function filesWriter(
  config: Config,
  io: CliIo,
  notify: (message: string, level: 'info' | 'warn') => void,
): Promise<IndexWriter> {
  const served = await openLiveSearch(config, notify, io);
  return {
    live: served.live,
    reindex: async () => {
      await served.refresh();
      return served.live.index;
    },
    refresh: () => served.refresh(),
  };
}

/**
 * The index in PostgreSQL: every update streams the bot's documents into the publication one at a
 * time (only new and changed ones are embedded and written: stream-postgres-ingest.ts), and the bot
 * then answers from the new publication, as every replica does. Nothing published yet: it is built
 * first. Already published: brought up to date with this bot's documents in the background, so a
 * document stored while the bot was down is published too. The same lock as `whosaid ingest`'s makes
 * writers take turns, so a bot writer and a scheduled ingest may share one database.
 */
async function postgresWriter(
  config: Config,
  embedder: Embedder,
  published: NonNullable<Awaited<ReturnType<typeof openPublishedServing<SearchContext>>>>,
  logger: Logger,
  serialized: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<IndexWriter> {
  const notify = (message: string) => logger.info(message);
  const ingestNow = (keep: readonly string[] = []) =>
    published.ingest({ ...indexSources(config), embedder, notify, keep: new Set(keep) });
  let serving = await published.open();
  const built = !serving;
  if (!serving) {
    notify('No index in PostgreSQL yet: building and publishing it…');
    await ingestNow();
    serving = await published.open();
    if (!serving) throw new Error('the index published to PostgreSQL could not be read back');
  }
  const current = serving;
  const update = async (keep: readonly string[] = []) => {
    const result = await ingestNow(keep);
    // Published: a failure to read it back here is this bot's to retry (it follows publications),
    // not the add's failure.
    await current
      .reload()
      .catch((error: unknown) =>
        logger.warn(
          { error: describeError(error) },
          'reading back the index just published failed; answering from the previous one until the next publication',
        ),
      );
    logger.info(
      {
        written: result.written,
        unchanged: result.report.documents - result.written,
        removed: result.report.removed.length,
      },
      'published the index to PostgreSQL',
    );
    return result;
  };
  if (!built)
    void serialized(() => update()).catch((error: unknown) =>
      logger.warn(
        { error: describeError(error) },
        'bringing the index in PostgreSQL up to date with the stored documents failed; answering from the last publication',
      ),
    );
  return {
    live: current.live,
    // Already inside the queue (adds and feed refreshes run there).
    reindex: async (stored) => ({ documents: (await update(stored)).kept }),
    refresh: () => serialized(async () => (await update()).report),
  };
}
