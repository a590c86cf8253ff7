import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../config.js';
import { registerAsk } from './commands/ask-command.js';
import { registerExtract } from './commands/extract-command.js';
import { registerIngest } from './commands/ingest-command.js';
import { registerQuotes } from './commands/quotes-command.js';
import { registerServe } from './commands/serve-command.js';
import { registerSummarize } from './commands/summarize-command.js';

const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

export function buildProgram(): Command {
  const program = new Command()
    .name('whosaid')
    .description(
      'Answers questions about a corpus of news articles with verbatim quotes: who said what, with sources.',
    )
    .version(version)
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nWorks offline with no keys. Set OPENAI_API_KEY for generated answers (see .env.example).\n' +
        'Examples:\n' +
        '  $ whosaid ask "Who warned about relying on one provider?"\n' +
        '  $ whosaid quotes --speaker meyer\n' +
        '  $ whosaid extract corpus/axios-musk-putin-spacex.md --json\n',
    );
  registerIngest(program);
  registerAsk(program);
  registerQuotes(program);
  registerExtract(program);
  registerSummarize(program);
  registerServe(program);
  return program;
}
