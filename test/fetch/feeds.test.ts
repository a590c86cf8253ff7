import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { HostPacer } from '../../src/fetch/host-pacer.js';
import { refreshFeeds, scheduleRefresh } from '../../src/fetch/refresh-feeds.js';
import { readIndex } from '../../src/index/index-store.js';
import { countingEmbedder } from '../support/counting-embedder.js';
import { runWhosaid } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { serve, startWebStandIn, type WebHandler, type WebStandIn } from '../support/web-stand-in.js';

const template = await readFile('test/fixtures/web/harbor-article.html', 'utf8');

/** A distinct article per path: its own headline and canonical URL. */
function articlePage(path: string, headline: string): string {
  return template
    .replaceAll('Harbor tunnel vote delayed after cost review', headline)
    .replace('href="/news/harbor-tunnel-vote"', `href="${path}"`);
}

function rss(items: FeedItem[], base: string): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${base}${item.path}</link><guid>${base}${item.path}</guid><pubDate>${item.date}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Coastline Ledger</title><link>${base}/</link>${entries}</channel></rss>`;
}

interface FeedItem {
  path: string;
  title: string;
  date: string;
}

/** The feed answers 304 to its current ETag, and its ETag changes with its items. */
function feedRoute(list: () => FeedItem[], base: string): WebHandler {
  return (request, response) => {
    const etag = `"${list().length}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag });
    response.end(rss(list(), base));
  };
}

describe('feeds', () => {
  let web: WebStandIn;
  let env: Record<string, string>;
  let base: string;
  const items = [
    { path: '/news/one', title: 'One', date: 'Mon, 02 Mar 2026 08:00:00 GMT' },
    { path: '/news/two', title: 'Two', date: 'Tue, 03 Mar 2026 08:00:00 GMT' },
  ];
  const third = { path: '/news/three', title: 'Three', date: 'Wed, 04 Mar 2026 08:00:00 GMT' };

  const feed = (list: FeedItem[]) => feedRoute(() => list, base);

  before(async () => {
    web = await startWebStandIn();
    base = web.url('');
  });
  after(() => web.close());
  beforeEach(async () => {
    web.reset();
    for (const item of [...items, third])
      web.routes.set(item.path, serve('text/html', articlePage(item.path, `Council story ${item.title}`)));
    const dir = await tempDir();
    env = {
      WHOSAID_INDEX_DIR: join(dir, 'index'),
      WHOSAID_ALLOW_PRIVATE_URLS: '1',
      WHOSAID_FEED_HOST_DELAY_MS: '0',
    };
  });

  const articleRequests = () => web.requests.filter((request) => request.path.startsWith('/news/')).length;

  it('brings in new items, gets 304 when nothing changed, and only the new item after the feed grows', async () => {
    web.routes.set('/feed.xml', feed(items));
    const added = await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Following .*feed\.xml \(“Coastline Ledger”\): 2 items now/);

    const first = await runWhosaid(['ingest', '--feeds'], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^feed .* \(“Coastline Ledger”\): 2 new items$/m);
    assert.match(first.stdout, /^added .*\/news\/two .*“Council story Two”/m);
    assert.match(first.stdout, /^added .*\/news\/one .*“Council story One”/m);
    assert.match(first.stdout, /Indexed 7 documents/);
    assert.equal(articleRequests(), 2);

    const second = await runWhosaid(['ingest', '--feeds'], env);
    assert.match(second.stdout, /: not modified since the last run$/m);
    assert.equal(web.requests.at(-1)?.headers['if-none-match'], '"2"');
    assert.equal(articleRequests(), 2, 'no article is fetched again');

    web.routes.set('/feed.xml', feed([...items, third]));
    const grown = JSON.parse((await runWhosaid(['ingest', '--feeds', '--json'], env)).stdout);
    assert.equal(grown.feeds[0].newItems, 1);
    assert.deepEqual(
      grown.fetched.map((item: { url: string; outcome: string }) => [item.url, item.outcome]),
      [[web.url('/news/three'), 'added']],
    );
    assert.equal(articleRequests(), 3);

    const list = await runWhosaid(['feeds', 'list'], env);
    assert.match(list.stdout, /feed\.xml “Coastline Ledger” → news: last checked \S+, 3 items done/);
  });

  it('brings a feed followed into a collection into that collection only', async () => {
    web.routes.set('/feed.xml', feed(items));
    const missing = await runWhosaid(['feeds', 'add', web.url('/feed.xml'), '--collection', 'desk'], env);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /No collection "desk"/);
    const folder = await tempDir();
    const made = await runWhosaid(['ingest', folder, '--collection', 'desk'], env);
    assert.equal(made.status, 0, made.stderr);
    const added = await runWhosaid(['feeds', 'add', web.url('/feed.xml'), '--collection', 'desk'], env);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /2 items now, into collection desk/);
    const listed = JSON.parse((await runWhosaid(['feeds', 'list', '--json'], env)).stdout);
    assert.equal(listed[0].collection, 'desk');

    const run = await runWhosaid(['ingest', '--feeds'], env);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /^added .*\/news\/one .*-collections\/desk\//m,
      'stored in the collection’s folder',
    );
    const inDesk = JSON.parse(
      (await runWhosaid(['quotes', '--speaker', 'Ortiz', '--json', '--collection', 'desk'], env)).stdout,
    );
    assert.ok(inDesk.length > 0);
    assert.ok(inDesk.every((quote: { doc: string }) => quote.doc.startsWith('desk:')));
    const inNews = JSON.parse(
      (await runWhosaid(['quotes', '--speaker', 'Ortiz', '--json', '--collection', 'news'], env)).stdout,
    );
    assert.deepEqual(inNews, []);
  });

  it('caps the items per run and brings the rest in on the next run', async () => {
    web.routes.set('/feed.xml', feed(items));
    await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env);
    const capped = { ...env, WHOSAID_FEED_MAX_ITEMS: '1' };
    const first = await runWhosaid(['ingest', '--feeds'], capped);
    assert.match(first.stdout, /: 2 new items \(1 left for the next run\)$/m);
    assert.match(first.stdout, /^added .*\/news\/two/m, 'newest first');
    const second = await runWhosaid(['ingest', '--feeds'], capped);
    assert.match(second.stdout, /: 1 new item$/m, 'no 304: the left-over item is still to come');
    assert.match(second.stdout, /^added .*\/news\/one/m);
  });

  it('reports a broken feed and goes on with the others; the index is kept', async () => {
    web.routes.set('/feed.xml', feed(items));
    web.routes.set('/broken.xml', serve('application/rss+xml', '<rss><channel><item><title>oops'));
    await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env);
    const refused = await runWhosaid(['feeds', 'add', web.url('/broken.xml')], env);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /not a readable RSS or Atom feed/);
    const page = await runWhosaid(['feeds', 'add', web.url('/news/one')], env);
    assert.match(page.stderr, /is a web page \(text\/html\), not an RSS or Atom feed/);

    const run = await runWhosaid(['ingest', '--feeds'], env);
    assert.equal(run.status, 0, 'only the valid feed was added');
    web.routes.set('/feed.xml', serve('application/rss+xml', 'not xml at all <'));
    const broken = await runWhosaid(['ingest', '--feeds'], env);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /^failed feed .*feed\.xml.*: not a readable RSS or Atom feed/m);
    assert.match(broken.stdout, /Indexed 7 documents/, 'what the feed brought before stays indexed');
  });

  it('tries an item that failed for a passing reason again, and one that will always fail never again', async () => {
    const list: FeedItem[] = [
      { path: '/news/gone', title: 'Gone', date: 'Mon, 02 Mar 2026 08:00:00 GMT' },
      { path: '/news/busy', title: 'Busy', date: 'Tue, 03 Mar 2026 08:00:00 GMT' },
    ];
    web.routes.set('/feed.xml', feed(list));
    web.routes.set('/news/busy', (_request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('try later');
    });
    await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env);
    const first = await runWhosaid(['ingest', '--feeds'], env);
    assert.equal(first.status, 1);
    assert.match(first.stdout, /^failed .*\/news\/gone: the server answered HTTP 404/m);
    assert.match(first.stdout, /^failed .*\/news\/busy: the server answered HTTP 503/m);

    web.routes.set('/news/busy', serve('text/html', articlePage('/news/busy', 'Council story Busy')));
    const requestsOf = (path: string) => web.requests.filter((request) => request.path === path).length;
    const second = await runWhosaid(['ingest', '--feeds'], env);
    assert.match(second.stdout, /: 1 new item$/m, 'no 304 while an item is still to come');
    assert.match(second.stdout, /^added .*\/news\/busy/m);
    assert.equal(requestsOf('/news/gone'), 1, 'the 404 is not asked again');
    assert.equal(requestsOf('/news/busy'), 2);

    const third = await runWhosaid(['ingest', '--feeds'], env);
    assert.match(third.stdout, /: not modified since the last run$/m);
  });

  it('lists and removes feeds, and says when a feed is not followed', async () => {
    web.routes.set('/feed.xml', feed(items));
    assert.match((await runWhosaid(['feeds', 'list'], env)).stdout, /No feeds yet/);
    await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env);
    assert.match((await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env)).stdout, /Already following/);
    const listed = JSON.parse((await runWhosaid(['feeds', 'list', '--json'], env)).stdout);
    assert.deepEqual(
      listed.map((entry: { url: string; items: number }) => [entry.url, entry.items]),
      [[web.url('/feed.xml'), 0]],
    );
    const removed = await runWhosaid(['feeds', 'remove', web.url('/feed.xml')], env);
    assert.match(removed.stdout, /Stopped following .* stay indexed/);
    const again = await runWhosaid(['feeds', 'remove', web.url('/feed.xml')], env);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /Not following .*whosaid feeds list/);
  });
});

describe('HostPacer', () => {
  it('spaces requests to one host by the delay and does not hold up other hosts', async () => {
    let now = 1000;
    const sleeps: number[] = [];
    const pacer = new HostPacer(500, {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    await pacer.wait('https://a.example/feed');
    await pacer.wait('https://b.example/x');
    now += 100;
    await pacer.wait('https://a.example/article');
    await pacer.wait('https://a.example/other');
    assert.deepEqual(sleeps, [400, 500]);
  });
});

describe('feed refresh (serve)', () => {
  let web: WebStandIn;
  before(async () => {
    web = await startWebStandIn();
  });
  after(() => web.close());

  it('pulls the feeds and updates the index on disk only when something new arrived', async () => {
    const base = web.url('');
    let list: FeedItem[] = [{ path: '/news/one', title: 'One', date: 'Mon, 02 Mar 2026 08:00:00 GMT' }];
    web.routes.set(
      '/feed.xml',
      feedRoute(() => list, base),
    );
    for (const path of ['/news/one', '/news/two'])
      web.routes.set(path, serve('text/html', articlePage(path, `Council story ${path}`)));
    const dir = await tempDir();
    const env = { WHOSAID_INDEX_DIR: join(dir, 'index'), WHOSAID_ALLOW_PRIVATE_URLS: '1' };
    await runWhosaid(['feeds', 'add', web.url('/feed.xml')], env);
    const config = loadConfig({ env, dotenvPath: null });
    const options = {
      corpusDir: config.corpusDir,
      fetchedDir: config.fetchedDir,
      indexDir: config.indexDir,
      embedder: countingEmbedder(),
      policy: config.fetch,
      maxItems: 10,
      hostDelayMs: 0,
    };
    const first = await refreshFeeds(options);
    assert.ok(first.index, 'reindexed');
    const index = await readIndex(config.indexDir, { embedderId: options.embedder.id });
    assert.ok(index.documents.some((document) => document.meta.title === 'Council story /news/one'));

    const unchanged = await refreshFeeds(options);
    assert.equal(unchanged.feeds[0]?.status, 'not-modified');
    assert.equal(unchanged.index, null);

    list = [...list, { path: '/news/two', title: 'Two', date: 'Tue, 03 Mar 2026 08:00:00 GMT' }];
    assert.ok((await refreshFeeds(options)).index);
    const grown = await readIndex(config.indexDir, { embedderId: options.embedder.id });
    assert.equal(grown.documents.length, index.documents.length + 1);
  });

  it('runs on its interval and never runs twice at once', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    let runs = 0;
    let finish: () => void = () => {};
    const stop = scheduleRefresh(60_000, () => {
      runs++;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    t.mock.timers.tick(60_000);
    t.mock.timers.tick(60_000);
    assert.equal(runs, 1, 'the second tick skips while the first run is under way');
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    t.mock.timers.tick(60_000);
    assert.equal(runs, 2);
    stop();
    t.mock.timers.tick(120_000);
    assert.equal(runs, 2, 'stopped');
  });
});
