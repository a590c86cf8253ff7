import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeError, isWhosaidError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * A tool's data as MCP wants it: `structuredContent` for clients that read structured results, and the
 * same JSON as text for those that only show text (the spec asks servers to send both).
 * https://modelcontextprotocol.io/specification/2025-11-25/server/tools#structured-content
 */
export function dataResult(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 2) }], structuredContent: data };
}

/** A failure the calling model should see and can act on (a tool error, not a protocol error). */
export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * Runs a tool's work: a known error becomes its message; anything else is logged (stderr) and reported
 * without its details, which may name paths or internals the caller has no business seeing.
 */
export async function runTool(
  logger: Logger,
  tool: string,
  work: () => CallToolResult | Promise<CallToolResult>,
): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (isWhosaidError(error)) return errorResult(error.message);
    logger.error({ tool, error: describeError(error) }, 'MCP tool failed (a bug: please report it)');
    return errorResult(`${tool} failed unexpectedly; the server's log (stderr) says why.`);
  }
}
