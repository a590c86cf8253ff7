import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { answerToJson } from '../answer/answer-json.js';
import { quoteToJson } from '../answer/quote-json.js';
import type { BotServices } from '../bot-services.js';
import { unquote } from '../check/find-claim.js';
import { parseScope, type Scope } from '../collections/scope.js';
import { WhosaidError } from '../errors.js';
import type { Logger } from '../logger.js';
import { packageVersion } from '../project-root.js';
import { dataResult, errorResult, runTool } from './tool-result.js';

/**
 * Bounds on what a client may send. Tool arguments come from a model that may have read anything, so
 * they are untrusted: each is capped well above any honest use (a question of a few sentences, a
 * name, a document id) and below what would make the work costly (matching a speaker name forgives
 * typos at a cost quadratic in its length).
 */
const LIMITS = {
  question: 2000,
  quote: 2000,
  speaker: 100,
  topic: 500,
  doc: 1000,
  paragraph: 1_000_000,
  quotes: 100,
  collection: 200,
};

/** The optional `collection` argument every tool takes. */
const COLLECTION = z
  .string()
  .max(LIMITS.collection)
  .optional()
  .describe('read only these collections, comma-separated (default: every collection this server reads)');

/** Every tool only reads the documents: clients may call them without asking the user each time. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/**
 * The MCP adapter: like the Slack one, it maps each tool call to one core call and returns what the core
 * returns, in the shapes of `ask --json` and `quotes --json` — quote text verbatim from the documents,
 * citations verified before they leave the core. It never retrieves or parses by itself.
 */
export function createMcpServer(
  services: BotServices,
  logger: Logger,
  options: { served?: Scope } = {},
): McpServer {
  const server = new McpServer({ name: 'whosaid', version: packageVersion() });
  // Scoped inside retrieval, as in Slack: nothing of another collection reaches the result. The
  // argument narrows what the server reads (`whosaid mcp --collection`), never widens it.
  const within = async (collection: string | undefined) => {
    const scoped =
      collection === undefined ? services : services.within(narrowed(options.served, collection));
    // Built before it answers, as the bot does (slack/channel-services.ts): an index read on demand
    // (PostgreSQL) reads a scope's paragraphs for its tables only here.
    await scoped.prepare();
    return scoped;
  };

  server.registerTool(
    'ask',
    {
      title: 'Ask the documents',
      description:
        'Answers a question from the indexed news documents only, with numbered citations [n] and who said ' +
        'what. Each citation carries the cited paragraph verbatim, its document, paragraph number, speaker, ' +
        'quote and URL. When the documents do not answer, "abstained" is true and the answer says so.',
      inputSchema: {
        question: z.string().min(1).max(LIMITS.question).describe('the question, in plain words'),
        collection: COLLECTION,
      },
      annotations: READ_ONLY,
    },
    ({ question, collection }) =>
      runTool(logger, 'ask', async () => {
        if (!question.trim()) return errorResult('The question is empty.');
        return dataResult(answerToJson(await (await within(collection)).ask(question)));
      }),
  );

  server.registerTool(
    'find_quotes',
    {
      title: 'Find quotes',
      description:
        'Verbatim quotes from the documents, each with its speaker (as the document attributes it), role, ' +
        'document, paragraph and character offsets. Filter by speaker (case, surname-only and small typos ' +
        'are forgiven), rank by topic, or both; with neither, every attributed quote.',
      inputSchema: {
        speaker: z.string().max(LIMITS.speaker).optional().describe('a person or organisation, e.g. "Meyer"'),
        topic: z.string().max(LIMITS.topic).optional().describe('what the quotes should be about'),
        limit: z.number().int().min(1).max(LIMITS.quotes).default(20).describe('at most this many quotes'),
        collection: COLLECTION,
      },
      annotations: READ_ONLY,
    },
    ({ speaker, topic, limit, collection }) =>
      runTool(logger, 'find_quotes', async () => {
        const result = await (await within(collection)).quotes({ speaker, topic });
        return dataResult({
          quotes: result.hits.slice(0, limit).map(quoteToJson),
          total: result.hits.length,
          speakers: result.speakers.map((entry) => entry.name),
          suggestions: result.suggestions,
          // A topic too common to weigh every quote: those of the newest documents were.
          ...(result.narrowed && { narrowed: result.narrowed }),
        });
      }),
  );

  server.registerTool(
    'check_quote',
    {
      title: 'Check a quote',
      description:
        'Judges a quotation against the documents, as `whosaid check --json` does: verdict (verbatim, ' +
        'shortened, altered, spliced, misattributed, paraphrase or not found), who the documents say said it, ' +
        'the original words with a word diff, and the citations.',
      inputSchema: {
        quote: z
          .string()
          .min(1)
          .max(LIMITS.quote)
          .describe('the quoted words (quote marks optional; mark cuts with "…")'),
        speaker: z.string().max(LIMITS.speaker).optional().describe('who is said to have said it'),
        collection: COLLECTION,
      },
      annotations: READ_ONLY,
    },
    ({ quote, speaker, collection }) =>
      runTool(logger, 'check_quote', async () =>
        dataResult({
          ...(await (
            await within(collection)
          ).checkQuote({ claim: unquote(quote), speaker: speaker ?? null })),
        }),
      ),
  );

  server.registerTool(
    'list_documents',
    {
      title: 'List documents',
      description:
        'The indexed documents (id, title, publisher, date, URL, attributed quotes) and the speakers quoted ' +
        'most, the collections they belong to (with their counts), and when the index was built.',
      inputSchema: { collection: COLLECTION },
      annotations: READ_ONLY,
    },
    ({ collection }) =>
      runTool(logger, 'list_documents', async () => {
        const knowledge = (await within(collection)).knowledge();
        return dataResult({
          documents: knowledge.documents,
          speakers: knowledge.speakers,
          collections: knowledge.collections,
          builtAt: knowledge.builtAt,
        });
      }),
  );

  server.registerTool(
    'get_passage',
    {
      title: 'Get a cited passage',
      description:
        'One paragraph of a document, verbatim, with its title, URL and the quotes attributed in it: pass ' +
        'the "doc" and "paragraph" of a citation from ask or find_quotes to check it against its source.',
      inputSchema: {
        doc: z
          .string()
          .min(1)
          .max(LIMITS.doc)
          .describe('the document id, e.g. "corpus/axios-musk-putin-spacex.md"'),
        paragraph: z.number().int().min(1).max(LIMITS.paragraph).describe('the paragraph number (1-based)'),
        collection: COLLECTION,
      },
      annotations: READ_ONLY,
    },
    ({ doc, paragraph, collection }) =>
      runTool(logger, 'get_passage', async () => {
        const passage = await (await within(collection)).passage(doc, paragraph);
        if (passage) return dataResult({ ...passage });
        return errorResult(
          `No paragraph ${paragraph} in "${doc}". Document ids are listed by list_documents; paragraph numbers come with each citation.`,
        );
      }),
  );

  return server;
}

/**
 * The collections a tool call reads: those its argument names, which must all be among those the
 * server was started with. A name outside them is an error rather than an empty result, so a client
 * is told why nothing came back instead of being told the documents never mention something.
 */
function narrowed(served: Scope | undefined, collection: string): Scope {
  const asked = parseScope(collection);
  if (!served) return asked;
  const outside = asked.collections.filter((name) => !served.collections.includes(name));
  if (outside.length > 0)
    throw new WhosaidError(
      'INPUT_INVALID',
      `This server reads only ${served.collections.join(', ')} (whosaid mcp --collection); ${outside.map((name) => `"${name}"`).join(', ')} is not among them.`,
    );
  return asked;
}
