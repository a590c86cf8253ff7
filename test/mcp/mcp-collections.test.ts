import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createBotServices } from '../../src/bot-services.js';
import { openSearchContext } from '../../src/cli/runtime.js';
import { upsertCollection } from '../../src/collections/collection-registry.js';
import { loadConfig } from '../../src/config.js';
import { folderOf, LEGAL_FACT } from '../support/collection-fixtures.js';
import { connectMcpClient } from '../support/mcp-client.js';
import { bundledIndexCopy } from '../support/shared-index.js';

// The MCP tools' optional `collection` argument: the same scope as Slack's channels and `--collection`.
let client: Client;

async function call(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  assert.ok(!result.isError, JSON.stringify(result.content));
  return result.structuredContent as Record<string, unknown>;
}

before(async () => {
  const config = loadConfig({
    env: { WHOSAID_INDEX_DIR: await bundledIndexCopy(), WHOSAID_LOG_LEVEL: 'silent' },
    dotenvPath: null,
  });
  await upsertCollection(config.collectionsDir, {
    name: 'legal',
    team: null,
    folders: [await folderOf([LEGAL_FACT])],
  });
  const services = createBotServices(await openSearchContext(config), { k: config.topK });
  client = await connectMcpClient(services);
});

after(async () => {
  await client.close();
});

describe('MCP tools with a collection', () => {
  it('ask, find_quotes, get_passage and list_documents read only the collections named', async () => {
    const question = `What did ${LEGAL_FACT.surname} say about the quitclaim?`;
    const inLegal = await call('ask', { question, collection: 'legal' });
    assert.equal(inLegal.abstained, false);
    const inNews = await call('ask', { question, collection: 'news' });
    assert.equal(inNews.abstained, true);
    assert.deepEqual(inNews.citations, []);
    const quotes = await call('find_quotes', { speaker: LEGAL_FACT.surname, collection: 'news' });
    assert.equal(quotes.total, 0);
    const listed = await call('list_documents', { collection: 'legal' });
    assert.deepEqual(
      (listed.documents as { id: string }[]).map((document) => document.id),
      ['legal:docs/quitclaim.md'],
    );
    assert.deepEqual(
      (listed.collections as { name: string; documents: number }[]).map((entry) => [
        entry.name,
        entry.documents,
      ]),
      [['legal', 1]],
    );
    const passage = (await client.callTool({
      name: 'get_passage',
      arguments: { doc: 'legal:docs/quitclaim.md', paragraph: 2, collection: 'news' },
    })) as CallToolResult;
    assert.equal(passage.isError, true, 'a passage of another collection is not there');
    const everything = await call('list_documents', {});
    assert.ok((everything.collections as unknown[]).length === 2, 'no collection: every collection');
  });
});
