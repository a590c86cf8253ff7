import { Command } from 'commander';
import { packageVersion } from '../project-root.js';
import { registerAsk } from './commands/ask-command.js';
import { registerChannels } from './commands/channels-command.js';
import { registerCheck } from './commands/check-command.js';
import { registerCollections } from './commands/collections-command.js';
import { registerDb } from './commands/db-command.js';
import { registerExtract } from './commands/extract-command.js';
import { registerFeedback } from './commands/feedback-command.js';
import { registerFeeds } from './commands/feeds-command.js';
import { registerIngest } from './commands/ingest-command.js';
import { registerManifest } from './commands/manifest-command.js';
import { registerMcp } from './commands/mcp-command.js';
import { registerQuotes } from './commands/quotes-command.js';
import { registerServe } from './commands/serve-command.js';
import { registerSummarize } from './commands/summarize-command.js';
import { type CliIo, processIo } from './io.js';

/**
 * Declares the commands, and nothing more: each action imports its module only when it runs, so
 * `whosaid --help` loads no NLP, model or Slack library (test/cli/module-loading.test.ts checks).
 * Help, usage errors and command output all go to `io`; `runCli` turns Commander's exits into codes.
 */
export function buildProgram(io: CliIo = processIo()): Command {
  const program = new Command()
    .name('whosaid')
    .description(
      'Answers questions about a corpus of news articles with verbatim quotes: who said what, with sources.',
    )
    .version(packageVersion())
    .option('--debug', 'print stack traces of unexpected errors')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nWorks offline with no keys. Set OPENAI_API_KEY for generated answers (see .env.example).\n' +
        'Examples:\n' +
        '  $ whosaid ask "Who warned about relying on one provider?"\n' +
        '  $ whosaid quotes --speaker meyer\n' +
        '  $ whosaid check "you could lose control of your company that way" --speaker Meyer\n' +
        '  $ whosaid extract corpus/axios-musk-putin-spacex.md --json\n',
    );
  registerIngest(program, io);
  registerFeeds(program, io);
  registerCollections(program, io);
  registerChannels(program, io);
  registerAsk(program, io);
  registerQuotes(program, io);
  registerCheck(program, io);
  registerExtract(program, io);
  registerSummarize(program, io);
  registerServe(program, io);
  registerManifest(program, io);
  registerMcp(program, io);
  registerFeedback(program, io);
  registerDb(program, io);
  return program;
}
