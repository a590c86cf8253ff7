import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';

export function registerManifest(program: Command, io: CliIo): void {
  program
    .command('manifest')
    .description('print the Slack app manifest to create the app from (Socket Mode, or HTTP with --url)')
    .option(
      '--url <https-url>',
      "the bot's public HTTPS address: request URLs at /slack/events, Socket Mode off",
    )
    .option('--oauth', 'with --url: many workspaces, the install redirect URL at /slack/oauth_redirect')
    .addHelpText(
      'after',
      '\nPaste the output into https://api.slack.com/apps → Create New App → From a manifest (JSON).\n' +
        'Examples:\n' +
        '  $ whosaid manifest                                  # one workspace, Socket Mode\n' +
        '  $ whosaid manifest --url https://whosaid.example.com --oauth   # a team: HTTP, many workspaces\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/manifest-action.js')).manifestAction));
}
