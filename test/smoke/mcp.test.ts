import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bundledIndexCopy } from '../support/shared-index.js';

// A real MCP client (the SDK's, over stdio) spawning the built `whosaid mcp` as an MCP client would, and
// calling each tool once. What each tool returns in detail is tested in-process (test/mcp/).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'whosaid.js');

let client: Client;
let transport: StdioClientTransport;
const stderr: string[] = [];
const clientErrors: Error[] = [];

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, { timeout: 30_000 })) as CallToolResult;
}

before(async () => {
  transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp'],
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      WHOSAID_INDEX_DIR: await bundledIndexCopy(),
      WHOSAID_LOG_LEVEL: 'info',
    },
    stderr: 'pipe',
  });
  const errors = transport.stderr as PassThrough | null;
  errors?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  client = new Client({ name: 'whosaid-smoke', version: '0.0.0' });
  // A line on stdout that is not a protocol message reaches the client as an error.
  client.onerror = (error) => clientErrors.push(error);
  await client.connect(transport, { timeout: 60_000 });
});

after(async () => {
  await client.close();
});

describe('whosaid mcp over stdio', () => {
  it('lists its tools and answers a call to each, with nothing but protocol messages on stdout', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [
      'ask',
      'check_quote',
      'find_quotes',
      'get_passage',
      'list_documents',
    ]);

    const asked = (await call('ask', { question: 'Who warned about relying on one provider?' }))
      .structuredContent as {
      abstained: boolean;
      citations: { doc: string; paragraph: number; speaker: string }[];
    };
    assert.equal(asked.abstained, false);
    const cited = asked.citations.find((citation) => citation.speaker === 'Dan Meyer');
    assert.ok(cited, 'Meyer is credited');

    const quotes = (await call('find_quotes', { speaker: 'Meyer', limit: 2 })).structuredContent as {
      quotes: { speaker: string }[];
    };
    assert.equal(quotes.quotes.length, 2);
    assert.ok(quotes.quotes.every((quote) => quote.speaker === 'Dan Meyer'));

    const checked = (
      await call('check_quote', { quote: 'only one provider of the service', speaker: 'Meyer' })
    ).structuredContent as { said_by: string | null };
    assert.equal(checked.said_by, 'Dan Meyer');

    const listed = (await call('list_documents')).structuredContent as { documents: { id: string }[] };
    assert.ok(listed.documents.some((document) => document.id === cited.doc));

    const passage = await call('get_passage', { doc: cited.doc, paragraph: cited.paragraph });
    assert.equal(passage.isError, undefined);
    assert.equal((passage.structuredContent as { doc: string }).doc, cited.doc);

    assert.deepEqual(clientErrors, [], `stdout carried only protocol messages; stderr:\n${stderr.join('')}`);
  });

  it('exits by itself, with code 0, when the client closes its stdin', async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        WHOSAID_INDEX_DIR: await bundledIndexCopy(),
        WHOSAID_LOG_LEVEL: 'silent',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stdin.end();
    assert.deepEqual(await exited, { code: 0, signal: null });
    assert.equal(Buffer.concat(output).length, 0, 'nothing on stdout without a request');
  });
});
