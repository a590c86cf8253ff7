import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCollectionOption, addCorpusOptions } from './corpus-options.js';

export function registerAsk(program: Command, io: CliIo): void {
  const command = program
    .command('ask')
    .description('answer a question from the documents, with cited passages and who said what')
    .argument('<question>', 'the question, in quotes')
    .option('--json', 'print the answer as JSON (see the README for the shape)')
    .option('-k, --k <n>', 'how many passages to retrieve and cite (default: WHOSAID_TOP_K or 5)');
  addCorpusOptions(addCollectionOption(command))
    .addHelpText('after', '\nExample:\n  $ whosaid ask "Who warned about relying on one provider?"\n')
    .action(lazyAction(io, async () => (await import('../actions/ask-action.js')).askAction));
}
