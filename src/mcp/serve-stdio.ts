import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/**
 * The largest message read from the client. Tool arguments are a few kilobytes at most (mcp-server.ts caps
 * them); the SDK's default of 10 MB would let one line hold that much memory before it is refused.
 */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Serves MCP over this process's stdin and stdout until the client closes stdin (how MCP clients stop a
 * stdio server: https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#stdio).
 * Stdout then carries protocol messages only; everything else (logs, notices) goes to stderr.
 */
export async function serveOverStdio(server: McpServer): Promise<void> {
  const transport = new StdioServerTransport(process.stdin, process.stdout, {
    maxBufferSize: MAX_MESSAGE_BYTES,
  });
  const closed = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    transport.onclose = resolve;
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
