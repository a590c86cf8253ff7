import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCollectionOption, addCorpusOptions } from './corpus-options.js';

export function registerCheck(program: Command, io: CliIo): void {
  const command = program
    .command('check')
    .description(
      'check a quotation against the documents: verbatim, shortened, altered, spliced, misattributed, paraphrase or not found',
    )
    .argument('<quote>', 'the quoted words (quote marks optional; mark cuts with "…")')
    .option('-s, --speaker <name>', 'who is said to have said it')
    .option(
      '--json',
      'print the quote_check object: {verdict, said_by, claimed_speaker, original, diff, citations, …}',
    );
  addCorpusOptions(addCollectionOption(command))
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ whosaid check "you could lose control of your company that way" --speaker "Dan Meyer"\n' +
        '  $ whosaid check "no other company has been able to make reusable rockets" --json\n' +
        '\nExit status is 0 whatever the verdict; read the verdict from the output.\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/check-action.js')).checkAction));
}
