import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/corpus/front-matter.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { serve, startWebStandIn, type WebStandIn } from '../support/web-stand-in.js';

const article = await readFile('test/fixtures/web/harbor-article.html', 'utf8');
const PAGE = '/news/harbor-tunnel-vote?utm_source=feed';
const scriptOnly =
  '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script src="/app.js"></script></body></html>';

describe('whosaid ingest URL', () => {
  let web: WebStandIn;
  let env: Record<string, string>;
  let fetchedDir: string;
  before(async () => {
    web = await startWebStandIn();
  });
  after(() => web.close());
  beforeEach(async () => {
    web.reset();
    const dir = await tempDir();
    fetchedDir = join(dir, 'index-fetched');
    env = { WHOSAID_INDEX_DIR: join(dir, 'index'), WHOSAID_ALLOW_PRIVATE_URLS: '1' };
  });

  it('stores the article with its metadata as a corpus file, indexes it, and cites its URL', async () => {
    web.routes.set(PAGE, serve('text/html; charset=utf-8', article));
    const corpusBefore = await readdir('corpus');
    const run = await runWhosaid(['ingest', web.url(PAGE), '--json'], env);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    const [item] = report.fetched;
    assert.equal(item.outcome, 'added');
    assert.ok(item.path.startsWith(fetchedDir), item.path);
    assert.deepEqual(await readdir('corpus'), corpusBefore, 'the corpus folder is never written');

    const file = await readFile(item.path, 'utf8');
    const { data } = parseFrontMatter(file);
    assert.deepEqual(data, {
      title: 'Harbor tunnel vote delayed after cost review',
      author: 'Priya Natarajan',
      publisher: 'The Coastline Ledger',
      date: '2026-03-04T09:30:00Z',
      url: web.url('/news/harbor-tunnel-vote'),
      fetched_from: web.url(PAGE),
    });
    assert.match(file, /said Mayor Ana Ortiz/);
    for (const chrome of ['Subscribe today', 'Most read', 'All rights reserved', 'analytics'])
      assert.ok(!file.includes(chrome), `page chrome "${chrome}" is left out`);

    assert.equal(item.summary.title, 'Harbor tunnel vote delayed after cost review');
    assert.ok(item.summary.quotes >= 2, JSON.stringify(item.summary));
    assert.equal(item.summary.topSpeaker.name, 'Ana Ortiz');

    const ask = await runWhosaid(
      ['ask', 'Who said the city would not sign a blank check for the tunnel?', '--json'],
      env,
    );
    assert.equal(ask.status, 0, ask.stderr);
    const answer = JSON.parse(ask.stdout);
    const citation = answer.citations.find(
      (c: { url: string }) => c.url === web.url('/news/harbor-tunnel-vote'),
    );
    assert.ok(citation, `a citation links to the article: ${ask.stdout}`);
    assert.ok(file.includes(citation.text), 'the cited passage is verbatim in the stored file');
    assert.equal(citation.speaker, 'Ana Ortiz');
  });

  it('updates a re-ingested URL only when its content changed', async () => {
    web.routes.set(PAGE, serve('text/html', article));
    const first = JSON.parse((await runWhosaid(['ingest', web.url(PAGE), '--json'], env)).stdout);
    const path = first.fetched[0].path;
    const before = await stat(path);

    const again = await runWhosaid(['ingest', web.url(PAGE)], env);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /^unchanged http:.*“Harbor tunnel vote delayed after cost review”/m);
    assert.equal((await stat(path)).mtimeMs, before.mtimeMs, 'the file is not rewritten');
    assert.match(again.stdout, /changed: 0/);

    web.routes.set(PAGE, serve('text/html', article.replace('end of April', 'middle of June')));
    const changed = JSON.parse((await runWhosaid(['ingest', web.url(PAGE), '--json'], env)).stdout);
    assert.equal(changed.fetched[0].outcome, 'updated');
    assert.equal(changed.fetched[0].path, path);
    assert.equal(changed.changed.length, 1);
    assert.match(await readFile(path, 'utf8'), /middle of June/);
  });

  it('reports each failed URL with its reason, exits 1, and keeps the others', async () => {
    web.routes.set(PAGE, serve('text/html', article));
    web.routes.set('/app', serve('text/html', scriptOnly));
    const run = await runWhosaid(
      ['ingest', web.url('/gone'), web.url('/app'), web.url(PAGE), 'not a url'],
      env,
    );
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^failed http:\S+\/gone: the server answered HTTP 404 Not Found$/m);
    assert.match(run.stdout, /^failed http:\S+\/app: no article text found on the page/m);
    assert.match(run.stdout, /^failed not a url: not a valid URL/m);
    assert.match(run.stdout, /^added http:\S+utm_source=feed → /m);
    assert.match(run.stdout, /Indexed 6 documents/);
  });

  it('refuses loopback addresses unless WHOSAID_ALLOW_PRIVATE_URLS=1', async () => {
    web.routes.set(PAGE, serve('text/html', article));
    const run = await runWhosaid(['ingest', web.url(PAGE)], { ...env, WHOSAID_ALLOW_PRIVATE_URLS: '0' });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^failed .*refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/m);
    assert.match(run.stdout, /WHOSAID_ALLOW_PRIVATE_URLS=1/);
    assert.equal(web.requests.length, 0);
  });

  it('never writes fetched documents into the corpus folder', async () => {
    web.routes.set(PAGE, serve('text/html', article));
    const run = await runWhosaid(['ingest', web.url(PAGE)], {
      ...env,
      WHOSAID_FETCHED_DIR: 'corpus/fetched',
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /overlap: whosaid never writes into your corpus\. Set WHOSAID_FETCHED_DIR/);
    assert.equal(web.requests.length, 0);
  });
});
