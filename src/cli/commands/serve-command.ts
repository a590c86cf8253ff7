import type { Command } from 'commander';
import { EVENTS_PATH } from '../../slack/events-path.js';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

export function registerServe(program: Command, io: CliIo): void {
  const command = program
    .command('serve')
    .description(
      `run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at ${EVENTS_PATH}`,
    );
  addCorpusOptions(command)
    .addHelpText(
      'after',
      '\nNeeds SLACK_BOT_TOKEN, plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP).\n' +
        'Create the app from manifest.json: see "Set up in Slack" in the README.\n' +
        'Answers start from the newest complete index; a stale one (the corpus or the processing code\n' +
        'changed) is rebuilt in the background and swapped in when ready, without a restart.\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/serve-action.js')).serveAction));
}
