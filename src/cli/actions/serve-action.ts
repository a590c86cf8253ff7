import { type Config, requireSlackSettings, type TokenKeys } from '../../config.js';
import { describeError } from '../../errors.js';
import { createGeneration } from '../../llm/generation.js';
import { loadPrompts } from '../../llm/prompt-template.js';
import type { Logger } from '../../logger.js';
import { createLogger } from '../../logger.js';
import { checkBotToken, createSlackApp, type SlackBot } from '../../slack/create-slack-app.js';
import { EVENTS_PATH } from '../../slack/events-path.js';
import { INSTALL_PATH } from '../../slack/oauth-install.js';
import { openInstallationStore } from '../../store/open-installation-store.js';
import { openStateStore } from '../../store/open-state-store.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor } from '../runtime.js';
import { prepareDatabaseAtStart } from './database-at-start.js';
import { createLiveServices } from './live-index.js';

export async function serveAction(io: CliIo, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  // Checked before the index is opened, so a missing token fails at once and says where to find it.
  const settings = requireSlackSettings(config);
  const logger = createLogger(config.logLevel);
  // Prompts are checked now, not on the first question — even offline, so a broken prompt file is
  // found before someone adds a key.
  await loadPrompts(config.promptsDir);
  const generation = await createGeneration(config);
  await prepareDatabaseAtStart(config, logger);
  // One workspace: its token is checked now. Many (OAuth): each installation brings its own.
  const identity = settings.oauth ? undefined : await checkBotToken(settings, logger);
  // Opened before the index, so a second bot over the same state folder stops at once (the lock says
  // who); in PostgreSQL (WHOSAID_DATABASE_URL) every replica shares one state instead.
  const { store: state, skipped } = await openStateStore(config);
  if (skipped > 0) logger.warn({ skipped }, 'skipped unreadable lines in the bot state');
  const installations = settings.oauth
    ? await openInstallations(config, settings.oauth.tokenKeys, logger).catch(async (error: unknown) => {
        await state.close();
        throw error;
      })
    : undefined;
  const closeStores = async () => {
    await installations?.close();
    await state.close();
  };
  const { bot, mode, port } = await startBot().catch(async (error: unknown) => {
    // A failed start (the index, the port) releases the state folder for the next try.
    await closeStores();
    throw error;
  });
  async function startBot() {
    const services = await createLiveServices(config, io, logger, { k: config.topK, generation });
    const bot = await createSlackApp({
      settings,
      services,
      logger,
      ...(identity ? { identity } : {}),
      ...(installations ? { installations } : {}),
      state,
      autoAnswerChannels: config.autoAnswerChannels,
      botChannels: config.botChannels,
      admins: config.admins,
      collections: { dir: config.collectionsDir, defaults: config.defaultCollections },
    });
    return { bot, ...(await bot.start()) };
  }
  logger.info(
    {
      mode,
      port,
      autoAnswerChannels: config.autoAnswerChannels.length,
      model: generation?.model ?? 'none (extractive)',
    },
    mode === 'socket'
      ? 'whosaid is connected to Slack (Socket Mode)'
      : `whosaid is listening on port ${port} at ${EVENTS_PATH}` +
          (settings.oauth ? `; workspaces install it at ${INSTALL_PATH}` : ''),
  );
  stopOnSignal(bot, closeStores, logger);
  reportStrayErrors(logger);
}

/**
 * The OAuth installations, encrypted with WHOSAID_TOKEN_KEY. With WHOSAID_TOKEN_KEY_PREVIOUS set (a key
 * rotation), every installation still sealed with an old key is sealed again with the new one now, so
 * the old key can be dropped after this start.
 */
async function openInstallations(config: Config, keys: TokenKeys, logger: Logger) {
  const store = await openInstallationStore(config, keys);
  if (keys.previous.length === 0) return store;
  try {
    const resealed = await store.reseal();
    logger.info(
      { resealed },
      'sealed the installations again with WHOSAID_TOKEN_KEY; WHOSAID_TOKEN_KEY_PREVIOUS can go',
    );
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
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

/**
 * Ctrl-C / SIGTERM: stop receiving, let answers under way finish, write the state, then exit. Replies
 * still waiting for Slack stay in the outbox and go out after the next start.
 */
function stopOnSignal(bot: SlackBot, closeStores: () => Promise<void>, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    bot
      .stop()
      .then(closeStores)
      .then(
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
