import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { lazyAction } from '../run-action.js';
import { addCollectionOption, addCorpusOptions } from './corpus-options.js';

export function registerMcp(program: Command, io: CliIo): void {
  const command = program
    .command('mcp')
    .description(
      'serve the documents to MCP clients (desktop assistants, IDEs, agents) over stdio: ' +
        'tools ask, find_quotes, check_quote, list_documents, get_passage',
    );
  addCorpusOptions(addCollectionOption(command))
    .addHelpText(
      'after',
      '\nAn MCP client starts it and talks to it over stdin/stdout; it stops when the client closes stdin.\n' +
        'With --collection every tool reads only those collections (a tool\'s own "collection" argument may\n' +
        'narrow that, never widen it).\n' +
        'Logs go to stderr. Register it with a client as: {"command": "node", "args": ["/path/to/whosaid/bin/whosaid.js", "mcp"]}\n' +
        '(see "Use it from an MCP client" in the README).\n',
    )
    .action(lazyAction(io, async () => (await import('../actions/mcp-action.js')).mcpAction));
}
