import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';

export function registerSummarize(program: Command, io: CliIo): void {
  program
    .command('summarize')
    .description('summarize a Slack thread: a short summary, then who said what with links to each message')
    .argument('<thread.json>', 'a conversations.replies response saved as JSON')
    .option('--json', 'print {summary, participants: [{user, name, points: [{text, ts}]}]}')
    .action(lazyAction(io, async () => (await import('../actions/summarize-action.js')).summarizeAction));
}
