import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { BotServices } from '../../src/bot-services.js';
import { createMcpServer } from '../../src/mcp/mcp-server.js';
import { memoryLogger } from './slack-test-bot.js';

/** The MCP adapter over `services`, in-process, with the SDK's own client over its in-memory transport. */
export async function connectMcpClient(services: BotServices): Promise<Client> {
  const server = createMcpServer(services, memoryLogger().logger);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'whosaid-test', version: '0.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}
