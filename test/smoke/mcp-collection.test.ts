import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { upsertCollection } from '../../src/collections/collection-registry.js';
import { loadConfig } from '../../src/config.js';
import { folderOf, LEGAL_FACT } from '../support/collection-fixtures.js';
import { bundledIndexCopy } from '../support/shared-index.js';

// `whosaid mcp --collection legal`, spawned by the SDK's real client over stdio: every tool reads only
// `legal`, and a tool's own `collection` argument may narrow that but never reach `news`.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'whosaid.js');
const LEGAL_QUESTION = `What did ${LEGAL_FACT.surname} say about the ${LEGAL_FACT.topic}?`;
const NEWS_QUESTION = 'Who warned about relying on one provider?';

let client: Client;
const stderr: string[] = [];

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, { timeout: 30_000 })) as CallToolResult;
}

async function data(name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await call(name, args);
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as Record<string, unknown>;
}

before(async () => {
  const env = { WHOSAID_INDEX_DIR: await bundledIndexCopy(), WHOSAID_LOG_LEVEL: 'info' };
  const config = loadConfig({ env, dotenvPath: null });
  await upsertCollection(config.collectionsDir, {
    name: 'legal',
    team: null,
    folders: [await folderOf([LEGAL_FACT])],
  });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--collection', 'legal'],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stderr: 'pipe',
  });
  (transport.stderr as PassThrough | null)?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  client = new Client({ name: 'whosaid-smoke', version: '0.0.0' });
  await client.connect(transport, { timeout: 60_000 });
});

after(async () => {
  await client.close();
});

describe('whosaid mcp --collection', () => {
  it('scopes every tool to the collections named, and a tool argument narrows but never widens', async () => {
    const legal = (await data('ask', { question: LEGAL_QUESTION })) as {
      abstained: boolean;
      citations: { doc: string }[];
    };
    assert.equal(legal.abstained, false, stderr.join(''));
    assert.ok(legal.citations.every((citation) => citation.doc.startsWith('legal:')));

    const news = (await data('ask', { question: NEWS_QUESTION })) as { abstained: boolean; citations: [] };
    assert.equal(news.abstained, true, 'the bundled corpus is not served');
    assert.deepEqual(news.citations, []);

    const quotes = (await data('find_quotes', { speaker: 'Meyer' })) as { total: number };
    assert.equal(quotes.total, 0, 'speakers of other collections are not found');

    const listed = (await data('list_documents')) as {
      documents: { id: string }[];
      collections: { name: string }[];
    };
    assert.deepEqual(
      listed.documents.map((document) => document.id),
      ['legal:docs/quitclaim.md'],
    );
    assert.deepEqual(
      listed.collections.map((entry) => entry.name),
      ['legal'],
    );

    const passage = await call('get_passage', { doc: 'corpus/axios-musk-putin-spacex.md', paragraph: 11 });
    assert.equal(passage.isError, true, 'a passage outside the served collections is not there');

    // The argument may name the served collection…
    const narrowed = (await data('ask', { question: LEGAL_QUESTION, collection: 'legal' })) as {
      abstained: boolean;
    };
    assert.equal(narrowed.abstained, false);
    // …but not one outside it, alone or beside it: an error saying what the server reads.
    for (const collection of ['news', 'legal,news']) {
      const widened = await call('ask', { question: NEWS_QUESTION, collection });
      assert.equal(widened.isError, true, collection);
      const text = (widened.content as { text: string }[])[0]?.text ?? '';
      assert.match(text, /reads only legal/);
    }
  });
});
