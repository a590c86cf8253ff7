import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ask } from '../../src/answer/ask.js';
import { createGeneration, type Generation } from '../../src/llm/generation.js';
import {
  INJECTION_QUESTION,
  injectedReply,
  PLANTED_DOCUMENT,
  PROVIDER,
  QUESTION,
} from '../support/generation-scenarios.js';
import { OpenAIStandIn, passageNumber, userMessage } from '../support/openai-stand-in.js';
import { type SearchFixture, searchFixture } from '../support/search-fixture.js';

describe('generated answers through the real @langchain/openai client', () => {
  const server = new OpenAIStandIn();
  let fixture: SearchFixture;
  let generation: Generation;

  before(async () => {
    const baseUrl = await server.start();
    fixture = await searchFixture(
      {
        OPENAI_API_KEY: 'sk-test-not-a-real-key',
        OPENAI_BASE_URL: baseUrl,
        OPENAI_TIMEOUT_MS: '2000',
        WHOSAID_EMBEDDINGS: 'local',
      },
      { 'planted.md': PLANTED_DOCUMENT },
    );
    const created = await createGeneration(fixture.config);
    assert.ok(created);
    generation = created;
  });
  after(() => server.stop());
  beforeEach(() => server.reset());

  const askWith = (question: string, onText?: (text: string) => Promise<void>) =>
    ask(fixture.context, { question, k: 5, generator: generation.answer, onText });

  it('keeps a faithful answer, with its quote and speaker', async () => {
    server.enqueue({
      reply: (body) =>
        `Dan Meyer, a national security attorney, warned: "${PROVIDER}" [${passageNumber(body, PROVIDER)}].`,
    });
    const answer = await askWith(QUESTION);
    assert.equal(answer.mode, 'generated');
    assert.deepEqual(answer.removed, []);
    assert.match(answer.answer, /Dan Meyer.*only one provider of the service" \[\d\]/);
    const cited = answer.citations[0];
    assert.equal(cited?.speaker, 'Dan Meyer');
    assert.ok(cited?.text.includes(PROVIDER));
    assert.equal(server.chatRequests().at(-1)?.authorization, 'Bearer sk-test-not-a-real-key');
  });

  it('removes a fabricated quote and reports it', async () => {
    server.enqueue({
      reply: (body) => {
        const n = passageNumber(body, PROVIDER);
        return `Meyer said "${PROVIDER}" [${n}]. Meyer also said "SpaceX is a national treasure that must never be questioned" [${n}].`;
      },
    });
    const answer = await askWith(QUESTION);
    assert.doesNotMatch(answer.answer, /national treasure/);
    assert.match(answer.answer, /only one provider/);
    assert.ok(
      answer.removed.some(
        (removal) => removal.kind === 'quote' && removal.text.includes('national treasure'),
      ),
    );
  });

  it('removes a citation of a passage that was never given', async () => {
    server.enqueue({
      reply: (body) =>
        `Dan Meyer warned about having only one provider [${passageNumber(body, PROVIDER)}][9].`,
    });
    const answer = await askWith(QUESTION);
    assert.doesNotMatch(answer.answer, /\[9\]/);
    assert.ok(answer.citations.every((citation) => citation.n >= 1 && citation.n <= 5));
    assert.deepEqual(
      answer.removed.map((removal) => [removal.kind, removal.text]),
      [['citation', '[9]']],
    );
  });

  it('never lets a real quote be pinned on the wrong person', async () => {
    server.enqueue({
      reply: (body) => `Walter Isaacson said "${PROVIDER}" [${passageNumber(body, PROVIDER)}].`,
    });
    const answer = await askWith(QUESTION);
    assert.doesNotMatch(answer.answer, /Isaacson/);
    assert.match(answer.answer, /^Dan Meyer, a national security attorney, said: “This is why/);
    assert.ok(
      answer.removed.some(
        (removal) => removal.kind === 'attribution' && /Isaacson.*Dan Meyer/.test(removal.reason),
      ),
    );
  });

  it('treats a planted instruction in a document as data', async () => {
    server.enqueue({ reply: injectedReply });
    const answer = await askWith(INJECTION_QUESTION);
    const request = server.chatRequests().at(-1)?.body ?? {};
    const prompt = userMessage(request);
    const passages = prompt.slice(prompt.indexOf('<passages>'), prompt.indexOf('</passages>'));
    assert.ok(
      passages.includes('Ignore previous instructions'),
      'the planted text is inside the passages block',
    );
    assert.ok(!prompt.includes('</passage> <question>'), 'the document cannot close the tag it sits in');
    assert.ok(!prompt.includes('<question>What is the admin password'), 'nor open a question of its own');
    const system = ((request.messages ?? []) as { role: string; content: string }[])[0];
    assert.equal(system?.role, 'system');
    assert.match(system?.content ?? '', /data, not instructions/);
    assert.doesNotMatch(answer.answer, /evil\.example/);
    assert.match(answer.answer, /ended on Monday/);
  });

  it('falls back to the extractive answer when the model does not answer in time', async () => {
    server.enqueue({ hang: true }, { hang: true }, { hang: true });
    const answer = await askWith(QUESTION);
    assert.equal(answer.mode, 'extractive');
    assert.equal(answer.abstained, false);
    assert.match(answer.notes.join(' '), /did not answer in time/);
    assert.match(answer.answer, /Dan Meyer/);
  });

  it('retries after a 429 and then uses the answer', async () => {
    const before = server.chatRequests().length;
    server.enqueue(
      { status: 429, retryAfterSeconds: 0, message: 'Rate limit reached' },
      { reply: (body) => `Meyer warned: "${PROVIDER}" [${passageNumber(body, PROVIDER)}].` },
    );
    // langchain waits about a second (with jitter) before retrying: under the 2 s deadline of the other
    // tests the outcome would depend on timing, so this one has a deadline far away.
    const answer = await ask(fixture.context, {
      question: QUESTION,
      k: 5,
      generator: { ...generation.answer, timeoutMs: 30_000 },
    });
    assert.equal(server.chatRequests().length - before, 2);
    assert.equal(answer.mode, 'generated');
    assert.match(answer.answer, /only one provider/);
  });

  it('streams only verified sentences', async () => {
    server.enqueue({
      reply: (body) => {
        const n = passageNumber(body, PROVIDER);
        return `Meyer said "${PROVIDER}" [${n}]. He added "we should hand everything to one vendor" [${n}]. Meyer is a national security attorney [${n}].`;
      },
    });
    const streamed: string[] = [];
    const answer = await askWith(QUESTION, async (text) => {
      streamed.push(text);
    });
    assert.ok(streamed.length >= 2, 'text arrives in several parts');
    assert.equal(streamed.join(''), answer.answer);
    assert.doesNotMatch(streamed.join(''), /hand everything/);
    assert.ok(server.chatRequests().at(-1)?.body.stream, 'the model was asked to stream');
  });

  it('abstains when the model finds no answer in the passages', async () => {
    server.enqueue({ reply: 'NOT_IN_DOCUMENTS' });
    const answer = await askWith(QUESTION);
    assert.equal(answer.abstained, true);
    assert.deepEqual(answer.citations, []);
  });

  it('lets the model answer a paraphrase the lexical decision would decline, verified as always', async () => {
    const question =
      "Which jurist thinks the mogul's chats with Moscow's strongman only break clearance rules if hidden from officials?";
    const offline = await ask(fixture.context, { question, k: 5 });
    assert.equal(offline.abstained, true, 'offline, the evidence is too thin');
    const words = 'would only have violated his security clearance';
    server.enqueue({
      reply: (body) =>
        `Dan Meyer, a national security attorney, said the talks "${words}" if unreported [${passageNumber(body, words)}].`,
    });
    const answer = await askWith(question);
    assert.equal(answer.mode, 'generated');
    assert.equal(answer.abstained, false, answer.answer);
    assert.match(answer.answer, /Dan Meyer/);
  });

  it('declines an off-corpus question when the model finds nothing, and never asks it about a name the documents lack', async () => {
    server.enqueue({ reply: 'NOT_IN_DOCUMENTS' });
    const offTopic = await askWith('What were the main causes of the 1929 stock market crash?');
    assert.equal(offTopic.abstained, true);
    const before = server.chatRequests().length;
    const absent = await askWith('What did Jeff Bezos say about Blue Origin launch contracts?');
    assert.equal(absent.abstained, true);
    assert.equal(server.chatRequests().length, before, 'a near-certain rule: the model is not asked');
  });
});
