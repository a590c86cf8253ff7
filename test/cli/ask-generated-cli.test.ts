import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  faithfulReply,
  faultyReply,
  INJECTION_QUESTION,
  injectedReply,
  PLANTED_DOCUMENT,
  QUESTION,
} from '../support/generation-scenarios.js';
import { OpenAIStandIn } from '../support/openai-stand-in.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

describe('whosaid ask --json with an OpenAI-compatible server', () => {
  const server = new OpenAIStandIn();
  let env: Record<string, string>;

  before(async () => {
    const baseUrl = await server.start();
    const dir = await tempDir();
    await cp('corpus', join(dir, 'corpus'), { recursive: true });
    await writeFile(join(dir, 'corpus', 'planted.md'), PLANTED_DOCUMENT);
    env = {
      WHOSAID_CORPUS_DIR: join(dir, 'corpus'),
      OPENAI_API_KEY: 'sk-test-not-a-real-key',
      OPENAI_BASE_URL: baseUrl,
      OPENAI_TIMEOUT_MS: '2000',
      WHOSAID_INDEX_DIR: join(dir, 'index'),
      WHOSAID_LOG_LEVEL: 'silent',
    };
  });
  after(() => server.stop());
  beforeEach(() => server.reset());

  async function askJson(question = QUESTION, overrides: Record<string, string> = {}) {
    const { stdout, stderr, status } = await runWhosaid(['ask', question, '--json'], {
      ...env,
      ...overrides,
    });
    assert.equal(status, 0, stderr);
    return JSON.parse(stdout) as {
      answer: string;
      abstained: boolean;
      mode: string;
      notes: string[];
      removed: { kind: string; text: string; reason: string }[];
      citations: { n: number; speaker: string | null }[];
    };
  }

  it('embeds the corpus through the server (base64 float32) and keeps a faithful answer', async () => {
    server.enqueue({ reply: faithfulReply });
    const answer = await askJson();
    assert.equal(answer.mode, 'generated');
    assert.deepEqual(answer.removed, []);
    assert.match(answer.answer, /only one provider/);
    const embeddingCalls = server.requests.filter((request) => request.path.endsWith('/embeddings'));
    assert.ok(embeddingCalls.length >= 2, 'the corpus and the question were embedded by the server');
    assert.equal(embeddingCalls[0]?.body.encoding_format, 'base64');
  });

  it('reports a fabricated quote, a bad citation and a misattribution in "removed"', async () => {
    server.enqueue({ reply: faultyReply });
    const answer = await askJson();
    const kinds = answer.removed.map((removal) => removal.kind).sort();
    assert.deepEqual(kinds, ['attribution', 'citation', 'quote']);
    assert.doesNotMatch(answer.answer, /Isaacson|run the Pentagon|\[12\]/);
    assert.match(
      answer.answer,
      /^Dan Meyer, a national security attorney, said: “This is why/,
      JSON.stringify(answer, null, 1),
    );
  });

  it('keeps a planted instruction in a document from changing the answer', async () => {
    server.enqueue({ reply: injectedReply });
    const answer = await askJson(INJECTION_QUESTION);
    assert.doesNotMatch(JSON.stringify(answer.citations.map((c) => c.n)) + answer.answer, /evil\.example/);
    assert.match(answer.answer, /ended on Monday/);
    assert.ok(answer.removed.some((removal) => removal.text.includes('evil.example')));
  });

  it('falls back to the extractive answer when the server keeps failing', async () => {
    server.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const answer = await askJson();
    assert.equal(answer.mode, 'extractive');
    assert.equal(answer.abstained, false);
    assert.match(answer.notes.join(' '), /language model/);
  });

  it('answers after a 429 followed by success', async () => {
    server.enqueue({ status: 429, retryAfterSeconds: 0 }, { reply: faithfulReply });
    // langchain's backoff before the retry is about a second, with jitter: under the 2 s deadline the
    // other tests use, this test would depend on timing. Its deadline is far away instead.
    const answer = await askJson(QUESTION, { OPENAI_TIMEOUT_MS: '30000' });
    assert.equal(answer.mode, 'generated');
  });

  it('falls back when the server hangs past the deadline', async () => {
    server.enqueue({ hang: true }, { hang: true }, { hang: true });
    const answer = await askJson();
    assert.equal(answer.mode, 'extractive');
    assert.match(answer.notes.join(' '), /did not answer in time/);
  });
});
