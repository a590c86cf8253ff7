import { createBotServices } from '../../bot-services.js';
import { parseScope } from '../../collections/scope.js';
import { createLogger } from '../../logger.js';
import { createMcpServer } from '../../mcp/mcp-server.js';
import { serveOverStdio } from '../../mcp/serve-stdio.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

/**
 * `whosaid mcp`: the same core as `ask` and `quotes`, served to an MCP client over stdio. The index is
 * opened (built if missing) before the first message is read, with its notices on stderr. With
 * `--collection` every tool reads only those collections.
 */
export async function mcpAction(io: CliIo, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  const logger = createLogger(config.logLevel);
  // Offline, nothing of the model code is loaded.
  const generation = config.openai
    ? await (await import('../../llm/generation.js')).createGeneration(config)
    : null;
  // `--collection`: the context holds only those collections, so no tool argument can reach others.
  const context = await openSearchContext(config, io, flags.collection);
  const services = createBotServices(context, { k: config.topK, generation });
  const served = flags.collection ? parseScope(flags.collection) : undefined;
  await serveOverStdio(createMcpServer(services, logger, served ? { served } : {}));
}
