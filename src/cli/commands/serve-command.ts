import type { Command } from 'commander';
import { createBotServices } from '../../bot-services.js';
import { requireSlackSettings } from '../../config.js';
import { createGeneration } from '../../llm/generation.js';
import { loadPrompts } from '../../llm/prompt-template.js';
import type { Logger } from '../../logger.js';
import { createLogger } from '../../logger.js';
import { checkBotToken, createSlackApp, EVENTS_PATH, type SlackBot } from '../../slack/create-slack-app.js';
import { runAction } from '../run-action.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      `run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at ${EVENTS_PATH}`,
    )
    .option('--corpus <dir>', 'corpus folder (default: WHOSAID_CORPUS_DIR or ./corpus of the project)')
    .option('--index <dir>', 'index folder (default: WHOSAID_INDEX_DIR or .whosaid/ of the project)')
    .addHelpText(
      'after',
      '\nNeeds SLACK_BOT_TOKEN, plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).\n' +
        'Create the app from manifest.json: see "Set up in Slack" in the README.\n',
    )
    .action(
      runAction(async (flags: CorpusFlags) => {
        const config = configFor(flags);
        // Checked before the index is opened, so a missing token fails at once and says where to find it.
        const settings = requireSlackSettings(config);
        const logger = createLogger(config.logLevel);
        // Prompts are checked now, not on the first question — even offline, so a broken prompt file is
        // found before someone adds a key.
        await loadPrompts(config.promptsDir);
        const generation = await createGeneration(config);
        const identity = await checkBotToken(settings, logger);
        const services = createBotServices(await openSearchContext(config), { k: config.topK, generation });
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
      }),
    );
}

/** Ctrl-C / SIGTERM: stop receiving, let answers under way finish, then exit. */
function stopOnSignal(bot: SlackBot, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          'error while stopping',
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
