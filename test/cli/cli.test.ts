import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

let indexDir: string;

function whosaid(args: string[], env: Record<string, string> = {}) {
  return runWhosaid(args, { WHOSAID_INDEX_DIR: indexDir, ...env });
}

describe('whosaid CLI', () => {
  before(async () => {
    indexDir = join(await tempDir(), 'index');
  });

  it('ask --json follows the contract, builds the index on first use, and cites verbatim passages', async () => {
    const run = await whosaid(['ask', 'Who warned about relying on one provider?', '--json']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /No index yet: building it/);
    const answer = JSON.parse(run.stdout);
    assert.equal(typeof answer.answer, 'string');
    assert.equal(answer.abstained, false);
    assert.ok(answer.citations.length > 0);
    for (const citation of answer.citations) {
      assert.deepEqual(Object.keys(citation).sort(), [
        'doc',
        'n',
        'paragraph',
        'quote',
        'speaker',
        'text',
        'title',
        'url',
      ]);
      assert.equal(typeof citation.n, 'number');
      assert.equal(typeof citation.paragraph, 'number');
      const file = readFileSync(citation.doc, 'utf8');
      assert.ok(file.includes(citation.text), `citation [${citation.n}] is verbatim in ${citation.doc}`);
      if (citation.quote !== null) assert.ok(citation.text.includes(citation.quote));
    }
    assert.equal(answer.citations[0].speaker, 'Dan Meyer');
    assert.match(answer.answer, /Dan Meyer, a national security attorney, said: “This is why/);
  });

  it('ask abstains plainly when the documents do not answer', async () => {
    const run = await whosaid(['ask', 'What is the population of Lancaster, Pennsylvania?', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const answer = JSON.parse(run.stdout);
    assert.equal(answer.abstained, true);
    assert.deepEqual(answer.citations, []);
    assert.match(answer.answer, /can't answer that from the indexed documents/);
  });

  it('ask prints a readable answer with sources', async () => {
    const run = await whosaid([
      'ask',
      'What did the NASA administrator say about the reported conversations?',
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Bill Nelson/);
    assert.match(run.stdout, /Sources:\n {2}\[1\]/);
  });

  it('rejects bad input with a clear message and no stack trace', async () => {
    const badK = await whosaid(['ask', 'Who said it?', '-k', 'zero']);
    assert.equal(badK.status, 1);
    assert.match(badK.stderr, /-k must be a whole number/);
    const badEnv = await whosaid(['ask', 'Who said it?'], { WHOSAID_EMBEDDINGS: 'magic' });
    assert.equal(badEnv.status, 1);
    assert.match(badEnv.stderr, /Invalid configuration:\n {2}WHOSAID_EMBEDDINGS/);
    assert.doesNotMatch(badEnv.stderr, /\n\s+at /);
  });

  it('quotes --speaker lists every quote of a speaker, forgiving case and typos', async () => {
    const run = await whosaid(['quotes', '--speaker', 'meyer', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const quotes = JSON.parse(run.stdout);
    const extracted = JSON.parse(
      (await whosaid(['extract', 'corpus/axios-musk-putin-spacex.md', '--json'])).stdout,
    );
    const meyers = extracted.filter((quote: { speaker: string }) => quote.speaker === 'Dan Meyer');
    assert.ok(meyers.length >= 10);
    assert.deepEqual(
      quotes.map((quote: { text: string }) => quote.text),
      meyers.map((quote: { text: string }) => quote.text),
      'every Dan Meyer quote in the corpus, and nothing else',
    );
    const typo = JSON.parse((await whosaid(['quotes', '--speaker', 'Dan Meyr', '--json'])).stdout);
    assert.equal(typo.length, quotes.length);
    const unknown = await whosaid(['quotes', '--speaker', 'Jeff Bezos']);
    assert.equal(unknown.status, 0);
    assert.match(unknown.stdout, /No quotes from "Jeff Bezos"\. Closest known names: /);
  });

  it('quotes TOPIC finds quotes about a topic, best first', async () => {
    const quotes = JSON.parse((await whosaid(['quotes', 'security clearance', '--json'])).stdout);
    assert.ok(quotes.length > 0);
    assert.match(quotes[0].text, /security clearance/);
    assert.ok(quotes.every((quote: { speaker: string | null }) => quote.speaker !== null));
  });

  it('quotes --speaker for a member of a group lists only the joint statements that person signed', async () => {
    const kaine = JSON.parse((await whosaid(['quotes', '--speaker', 'Kaine', '--json'])).stdout);
    assert.ok(kaine.length > 0);
    assert.ok(kaine.every((quote: { members: string[] }) => quote.members.includes('Tim Kaine')));
    const reed = JSON.parse((await whosaid(['quotes', '--speaker', 'Sen. Reed', '--json'])).stdout);
    assert.ok(reed.some((quote: { speaker: string }) => quote.speaker === 'Jack Reed'));
    assert.ok(
      reed.every(
        (quote: { speaker: string; members: string[] }) =>
          quote.speaker === 'Jack Reed' || quote.members.includes('Jack Reed'),
      ),
    );
  });

  it('extract --json returns verbatim spans with file offsets', async () => {
    const path = 'corpus/axios-musk-putin-spacex.md';
    const run = await whosaid(['extract', path, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const file = readFileSync(path, 'utf8');
    const quotes = JSON.parse(run.stdout);
    assert.ok(quotes.length >= 15);
    for (const quote of quotes) {
      assert.equal(file.slice(quote.start, quote.end), quote.text);
      assert.ok(['direct', 'indirect'].includes(quote.kind));
    }
    const missing = await whosaid(['extract', 'no/such/file.md']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no\/such\/file\.md: unreadable/);
  });

  it('summarize --json follows the contract and leaves the bot and joins out', async () => {
    const run = await whosaid(['summarize', 'test/fixtures/thread-replies.json', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout);
    assert.equal(typeof summary.summary, 'string');
    assert.deepEqual(
      summary.participants.map((participant: { name: string }) => participant.name),
      ['Ana Ortiz', 'Ben Walsh', 'Carla Novak'],
    );
    for (const participant of summary.participants) {
      assert.ok(participant.points.length > 0);
      for (const point of participant.points) assert.match(point.ts, /^\d+\.\d+$/);
    }
  });

  it('ingest reports a malformed file and --strict fails on it', async () => {
    const corpus = await tempDir();
    writeFileSync(join(corpus, 'good.md'), '---\ntitle: Good\n---\n"We are ready," said Mayor Ana Ortiz.\n');
    writeFileSync(join(corpus, 'bad.md'), '---\ntitle: [oops\n---\nText.\n');
    const env = { WHOSAID_INDEX_DIR: join(corpus, '.index') };
    const run = await whosaid(['ingest', '--corpus', corpus], env);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /warning: skipped .*bad\.md: front matter is not valid YAML/);
    assert.match(run.stdout, /Indexed 1 document /);
    const strict = await whosaid(['ingest', '--corpus', corpus, '--strict'], env);
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /bad\.md/);
  });

  it('every command has --help', async () => {
    for (const command of ['ingest', 'ask', 'quotes', 'extract', 'summarize']) {
      const run = await whosaid([command, '--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, new RegExp(`Usage: whosaid ${command}`));
    }
  });
});
