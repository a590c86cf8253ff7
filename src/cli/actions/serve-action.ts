import { createBotServices } from '../../bot-services.js';
import { type Config, requireSlackSettings } from '../../config.js';
import { describeError } from '../../errors.js';
import { createGeneration } from '../../llm/generation.js';
import { loadPrompts } from '../../llm/prompt-template.js';
import type { Logger } from '../../logger.js';
import { createLogger } from '../../logger.js';
import { checkBotToken, createSlackApp, type SlackBot } from '../../slack/create-slack-app.js';
import { EVENTS_PATH } from '../../slack/events-path.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

export async function serveAction(io: CliIo, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  // Checked before the index is opened, so a missing token fails at once and says where to find it.
  const settings = requireSlackSettings(config);
  const logger = createLogger(config.logLevel);
  // Prompts are checked now, not on the first question — even offline, so a broken prompt file is
  // found before someone adds a key.
  await loadPrompts(config.promptsDir);
  const generation = await createGeneration(config);
  const identity = await checkBotToken(settings, logger);
  const services = createBotServices(await openSearchContext(config, io), { k: config.topK, generation });
  const bot = await createSlackApp({
    settings,
    services,
    logger,
    identity,
    autoAnswerChannels: config.autoAnswerChannels,
  });
  const { mode, port } = await bot.start();
  logger.info(
    {
      mode,
      port,
      autoAnswerChannels: config.autoAnswerChannels.length,
      model: generation?.model ?? 'none (extractive)',
    },
    mode === 'socket'
      ? 'whosaid is connected to Slack (Socket Mode)'
      : `whosaid is listening on port ${port} at ${EVENTS_PATH}`,
  );
  stopOnSignal(bot, logger);
  reportStrayErrors(logger);
  if (config.feeds.intervalMinutes > 0) await startFeedRefresh(config, logger);
}

/**
 * WHOSAID_FEEDS_INTERVAL: feeds are pulled and the index on disk updated in the background; answers go
 * on meanwhile from the index in memory. Until the running bot swaps indexes by itself, new articles
 * are answered from after a restart (the log says so).
 */
async function startFeedRefresh(config: Config, logger: Logger): Promise<void> {
  const [{ refreshFeeds, scheduleRefresh }, { createEmbedder }] = await Promise.all([
    import('../../fetch/refresh-feeds.js'),
    import('../../index/embedder.js'),
  ]);
  const embedder = await createEmbedder(config);
  scheduleRefresh(config.feeds.intervalMinutes * 60_000, async () => {
    try {
      const result = await refreshFeeds({
        corpusDir: config.corpusDir,
        fetchedDir: config.fetchedDir,
        indexDir: config.indexDir,
        embedder,
        maxBytes: config.maxFileBytes,
        policy: config.fetch,
        maxItems: config.feeds.maxItems,
        hostDelayMs: config.feeds.hostDelayMs,
      });
      const failed = [
        ...result.feeds.filter((feed) => feed.status === 'failed'),
        ...result.items.filter((item) => item.outcome === 'failed'),
      ];
      logger.info(
        {
          feeds: result.feeds.length,
          items: result.items.length,
          failed: failed.length,
          reindexed: result.reindexed,
        },
        result.reindexed
          ? 'feeds refreshed: new articles indexed on disk (answered from after the next restart)'
          : 'feeds refreshed: nothing new',
      );
      for (const entry of failed)
        logger.warn({ url: entry.url, reason: entry.reason }, 'feed refresh: item failed');
    } catch (error) {
      logger.error({ error: describeError(error) }, 'feed refresh failed');
    }
  });
  logger.info({ minutes: config.feeds.intervalMinutes }, 'feeds are refreshed on an interval');
}

/**
 * An error no listener caught is a bug: logged, never silently ignored. A rejected promise leaves the
 * bot able to serve, so it goes on; an uncaught exception may have left it in any state, so it exits
 * (a supervisor restarts it; Slack retries what was not acknowledged).
 */
function reportStrayErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ error: describeError(reason) }, 'unhandled promise rejection (a bug: please report it)');
  });
  process.on('uncaughtException', (error: Error) => {
    logger.fatal({ error: describeError(error) }, 'uncaught exception (a bug: please report it); stopping');
    process.exit(1);
  });
}

/** Ctrl-C / SIGTERM: stop receiving, let answers under way finish, then exit. */
function stopOnSignal(bot: SlackBot, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ error: describeError(error) }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
