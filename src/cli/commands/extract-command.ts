import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';

export function registerExtract(program: Command, io: CliIo): void {
  program
    .command('extract')
    .description('attribute the quotes of one file (no index needed): who said what, verbatim, with offsets')
    .argument('<file>', 'a .md, .txt, .html, .pdf or .docx file')
    .option('--json', 'print an array of {paragraph, kind, text, speaker, role, start, end, …}')
    .addHelpText(
      'after',
      '\nOffsets are character offsets into the file (for HTML: into its extracted text).\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/extract-action.js')).extractAction));
}
