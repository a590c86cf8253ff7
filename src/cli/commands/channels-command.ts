import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCorpusOptions } from './corpus-options.js';

const load = async () => await import('../actions/channels-action.js');

export function registerChannels(program: Command, io: CliIo): void {
  const channels = program
    .command('channels')
    .description(
      'which collections each Slack channel reads (unbound channels and DMs: WHOSAID_DEFAULT_COLLECTIONS)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ whosaid channels bind C0123ABCD legal news --team T0123ABCD\n' +
        '  $ whosaid channels bind C0123ABCD default\n' +
        '  $ whosaid channels list\n' +
        'The bot must be stopped (it holds the state folder); in Slack an admin can write `@whosaid use legal` instead.\n',
    );
  addCorpusOptions(
    channels
      .command('bind')
      .description(
        'bind a channel to collections (the first is where links added there go); `default` unbinds it',
      )
      .argument('<channel>', 'the channel id (C…, G…), from the channel’s About tab')
      .argument('<names...>', 'collections, or `default`'),
  )
    .option('--team <id>', 'the Slack team (or enterprise) id the channel belongs to')
    .action(lazyAction(io, async () => (await load()).channelsBindAction));
  addCorpusOptions(channels.command('list').description('every channel binding'))
    .option('--json', 'print the bindings as JSON')
    .action(lazyAction(io, async () => (await load()).channelsListAction));
}
