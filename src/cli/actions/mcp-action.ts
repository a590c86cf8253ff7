import { createBotServices } from '../../bot-services.js';
import { createLogger } from '../../logger.js';
import { createMcpServer } from '../../mcp/mcp-server.js';
import { serveOverStdio } from '../../mcp/serve-stdio.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

/**
 * `whosaid mcp`: the same core as `ask` and `quotes`, served to an MCP client over stdio. The index is
 * opened (built if missing) before the first message is read, with its notices on stderr.
 */
export async function mcpAction(io: CliIo, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  const logger = createLogger(config.logLevel);
  // Offline, nothing of the model code is loaded.
  const generation = config.openai
    ? await (await import('../../llm/generation.js')).createGeneration(config)
    : null;
  const context = await openSearchContext(config, io);
  const services = createBotServices(context, { k: config.topK, generation });
  await serveOverStdio(createMcpServer(services, logger));
}
