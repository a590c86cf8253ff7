import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalHashEmbeddings } from '../../src/index/local-embeddings.js';

/** One scripted behaviour of the chat endpoint. */
export type ChatStep =
  /** A reply, or a function of the request body (to cite passages by the numbers the prompt gave them). */
  | { reply: string | ((body: Record<string, unknown>) => string) }
  | { status: number; retryAfterSeconds?: number; message?: string }
  /** Never answers (until the client gives up): a model that hangs. */
  | { hang: true };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/**
 * A local OpenAI-compatible HTTP server for tests: chat completions (plain and streamed as server-sent
 * events) following a script, and embeddings returned as base64 float32 when the client asks for them
 * (the OpenAI client does by default). It lets the real @langchain/openai client run end to end offline.
 */
export class OpenAIStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly script: ChatStep[] = [];
  private readonly server: Server;
  private readonly embedder = new LocalHashEmbeddings(64);
  /** What the chat endpoint answers once the script is used up. */
  fallbackReply = 'NOT_IN_DOCUMENTS';

  constructor() {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queue behaviours for the next chat requests, in order. */
  enqueue(...steps: ChatStep[]): void {
    this.script.push(...steps);
  }

  /** Forget queued behaviours (a test that ends early must not leave its script to the next one). */
  reset(): void {
    this.script.length = 0;
  }

  /** The texts of every embeddings request so far, request by request. */
  embeddingInputs(): string[][] {
    return this.requests
      .filter((request) => request.path.endsWith('/embeddings'))
      .map(({ body }) => (Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)]));
  }

  chatRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.path.endsWith('/chat/completions'));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const path = request.url ?? '';
    this.requests.push({ path, authorization: request.headers.authorization, body });
    if (path.endsWith('/embeddings')) return this.embeddings(body, response);
    if (path.endsWith('/chat/completions')) return this.chat(body, response);
    response
      .writeHead(404, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { message: 'not found' } }));
  }

  private embeddings(body: Record<string, unknown>, response: ServerResponse): void {
    const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
    const data = inputs.map((input, index) => {
      const vector = this.embedder.embedText(input);
      const embedding =
        body.encoding_format === 'base64'
          ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
          : vector;
      return { object: 'embedding', index, embedding };
    });
    json(response, 200, {
      object: 'list',
      data,
      model: body.model,
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
  }

  private chat(body: Record<string, unknown>, response: ServerResponse): void {
    const step = this.script.shift() ?? { reply: this.fallbackReply };
    if ('hang' in step) return;
    if ('status' in step) {
      const headers: Record<string, string> =
        step.retryAfterSeconds === undefined ? {} : { 'retry-after': String(step.retryAfterSeconds) };
      json(
        response,
        step.status,
        { error: { message: step.message ?? `status ${step.status}`, type: 'test' } },
        headers,
      );
      return;
    }
    const base = { id: 'chatcmpl-test', created: 1_700_000_000, model: String(body.model) };
    const reply = typeof step.reply === 'function' ? step.reply(body) : step.reply;
    if (body.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      for (const piece of reply.match(/[\s\S]{1,12}/g) ?? []) {
        const chunk = {
          ...base,
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
        };
        response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      }
      const last = {
        ...base,
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      };
      response.end(`data: ${JSON.stringify(last)}\n\ndata: [DONE]\n\n`);
      return;
    }
    json(response, 200, {
      ...base,
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** The user message of a recorded chat request. */
export function userMessage(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  return messages.find((message) => message.role === 'user')?.content ?? '';
}

/** The number the prompt gave the passage containing `snippet` (throws when none does). */
export function passageNumber(body: Record<string, unknown>, snippet: string): number {
  for (const match of userMessage(body).matchAll(/<passage n="(\d+)"[^>]*>([\s\S]*?)<\/passage>/g)) {
    if ((match[2] ?? '').includes(snippet)) return Number(match[1]);
  }
  throw new Error(`no passage in the prompt contains "${snippet}"`);
}
