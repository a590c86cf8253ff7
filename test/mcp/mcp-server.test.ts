import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { answerToJson } from '../../src/answer/answer-json.js';
import { connectMcpClient } from '../support/mcp-client.js';
import { realServices } from '../support/slack-test-bot.js';

// The MCP adapter in-process, driven by the SDK's own client over its in-memory transport (as the SDK's
// tests do); test/smoke/mcp.test.ts runs the built `whosaid mcp` over real stdio.
const services = await realServices();
const QUESTION = 'Who warned about relying on one provider?';
let client: Client;

interface QuoteJson {
  text: string;
  speaker: string | null;
  doc: string;
  paragraph: number;
  start: number;
  end: number;
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function textOf(result: CallToolResult): string {
  const [first] = result.content;
  return first?.type === 'text' ? first.text : '';
}

before(async () => {
  client = await connectMcpClient(services);
});

after(async () => {
  await client.close();
});

describe('the MCP server (in-process)', () => {
  it('lists five read-only tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [
      'ask',
      'check_quote',
      'find_quotes',
      'get_passage',
      'list_documents',
    ]);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
    }
    const ask = tools.find((tool) => tool.name === 'ask');
    assert.deepEqual(ask?.inputSchema.required, ['question']);
  });

  it('ask returns exactly what ask --json prints: the answer and its verified citations', async () => {
    const result = await call('ask', { question: QUESTION });
    assert.equal(result.isError, undefined);
    const expected = JSON.parse(JSON.stringify(answerToJson(await services.ask(QUESTION))));
    assert.deepEqual(result.structuredContent, expected);
    assert.deepEqual(JSON.parse(textOf(result)), expected, 'the text content carries the same JSON');
    const cited = expected.citations as { speaker: string | null; quote: string | null; text: string }[];
    assert.ok(cited.some((citation) => citation.speaker === 'Dan Meyer' && citation.quote));
    for (const citation of cited) if (citation.quote) assert.ok(citation.text.includes(citation.quote));
  });

  it('find_quotes by speaker and topic gives verbatim spans of the source files, with speakers', async () => {
    const result = await call('find_quotes', { speaker: 'meyer', topic: 'provider', limit: 3 });
    const data = result.structuredContent as { quotes: QuoteJson[]; total: number; speakers: string[] };
    assert.ok(data.quotes.length >= 1 && data.quotes.length <= 3);
    assert.ok(data.total >= data.quotes.length);
    assert.deepEqual(data.speakers, ['Dan Meyer']);
    for (const quote of data.quotes) {
      assert.equal(quote.speaker, 'Dan Meyer');
      assert.equal(readFileSync(quote.doc, 'utf8').slice(quote.start, quote.end), quote.text);
    }
    const unknown = (await call('find_quotes', { speaker: 'Nobody Knownname' })).structuredContent as {
      quotes: unknown[];
    };
    assert.deepEqual(unknown.quotes, []);
  });

  it('check_quote judges a quotation as whosaid check --json does, naming who really said it', async () => {
    const quote = '“This is why you don’t let yourself get into a position where there’s only one provider”';
    const result = await call('check_quote', { quote, speaker: 'Nelson' });
    const expected = JSON.parse(
      JSON.stringify(
        await services.checkQuote({
          claim: 'This is why you don’t let yourself get into a position where there’s only one provider',
          speaker: 'Nelson',
        }),
      ),
    );
    assert.deepEqual(result.structuredContent, expected);
    const verdict = result.structuredContent as { verdict: string; said_by: string };
    assert.equal(verdict.verdict, 'misattributed');
    assert.equal(verdict.said_by, 'Dan Meyer');
  });

  it('list_documents lists every indexed document and the speakers', async () => {
    const data = (await call('list_documents')).structuredContent as {
      documents: { id: string }[];
      speakers: { name: string }[];
    };
    assert.deepEqual(
      data.documents.map((document) => document.id),
      services.knowledge().documents.map((document) => document.id),
    );
    assert.ok(data.speakers.some((speaker) => speaker.name === 'Dan Meyer'));
  });

  it('get_passage returns the paragraph a citation points at, verbatim', async () => {
    const answer = answerToJson(await services.ask(QUESTION));
    const [citation] = answer.citations;
    assert.ok(citation);
    const result = await call('get_passage', { doc: citation.doc, paragraph: citation.paragraph });
    const passage = result.structuredContent as {
      text: string;
      title: string;
      quotes: { speaker: string }[];
    };
    assert.equal(passage.text, citation.text);
    assert.equal(passage.title, citation.title);
    const missing = await call('get_passage', { doc: citation.doc, paragraph: 99_999 });
    assert.equal(missing.isError, true);
    assert.match(textOf(missing), /No paragraph 99999/);
  });

  it('refuses arguments outside their bounds, and an empty question, as tool errors', async () => {
    const long = await call('ask', { question: 'why '.repeat(1000) });
    assert.equal(long.isError, true);
    assert.match(textOf(long), /question/);
    const blank = await call('ask', { question: '   ' });
    assert.equal(blank.isError, true);
    const typed = await call('get_passage', { doc: 'corpus/x.md', paragraph: 'one' });
    assert.equal(typed.isError, true);
    const longName = await call('find_quotes', { speaker: 'x'.repeat(101) });
    assert.equal(longName.isError, true);
  });
});
