import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { nonPublicReason } from '../../src/fetch/address-policy.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { type FetchPolicy, fetchUrl } from '../../src/fetch/fetch-url.js';
import type { FetchNetwork } from '../../src/fetch/open-connection.js';
import { redirect, serve, startWebStandIn, type WebStandIn } from '../support/web-stand-in.js';

const open: FetchPolicy = { allowPrivate: true, timeoutMs: 5000, maxBytes: 64 * 1024, maxRedirects: 5 };
const guarded: FetchPolicy = { ...open, allowPrivate: false };
const page = '<!doctype html><html><head><title>T</title></head><body><p>Hello.</p></body></html>';

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}

describe('fetchUrl', () => {
  let web: WebStandIn;
  before(async () => {
    web = await startWebStandIn();
  });
  after(() => web.close());
  beforeEach(() => web.reset());

  it('reads a page and reports its kind and validators', async () => {
    web.routes.set('/a', serve('text/html; charset=utf-8', page, { etag: '"v1"' }));
    const result = await fetchUrl({ url: web.url('/a'), accept: ['html'] }, open);
    assert.equal(result.status, 'ok');
    assert.ok(result.status === 'ok');
    assert.equal(result.kind, 'html');
    assert.equal(result.etag, '"v1"');
    assert.equal(result.bytes.toString('utf8'), page);
  });

  it('refuses loopback, private and link-local addresses unless private URLs are allowed', async () => {
    web.routes.set('/a', serve('text/html', page));
    const port = new URL(web.url('/')).port;
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]', '0x7f.0.0.1']) {
      const error = await failure(fetchUrl({ url: `http://${host}:${port}/a`, accept: ['html'] }, guarded));
      assert.equal(error.code, 'FETCH_REFUSED', host);
      assert.match(error.message, /loopback address.*WHOSAID_ALLOW_PRIVATE_URLS=1/, host);
    }
    assert.equal(web.requests.length, 0, 'no request reached the server');
  });

  it('refuses a redirect from a public address to a private one, checking every hop', async () => {
    // A test network: these names resolve to the addresses given, which the guard checks as it
    // checks DNS; every socket then goes to the stand-in on loopback.
    const names: Record<string, LookupAddress[]> = {
      'public.test': [{ address: '93.184.215.14', family: 4 }],
      'second.test': [{ address: '2606:4700:4700::1111', family: 6 }],
      'internal.test': [{ address: '10.0.0.7', family: 4 }],
      'metadata.test': [{ address: '169.254.169.254', family: 4 }],
      'mixed.test': [
        { address: '1.1.1.1', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
      'local6.test': [{ address: '::1', family: 6 }],
    };
    const network: FetchNetwork = {
      resolve: async (hostname) => {
        const found = names[hostname];
        if (!found) throw Object.assign(new Error(`unknown test host ${hostname}`), { code: 'ENOTFOUND' });
        return found;
      },
      route: () => ({ address: '127.0.0.1', family: 4 }),
    };
    const policy: FetchPolicy = { ...guarded, network };
    const port = new URL(web.url('/')).port;
    const at = (host: string, path: string) => `http://${host}:${port}${path}`;
    web.routes.set('/a', serve('text/html', page));
    const served = await fetchUrl({ url: at('public.test', '/a'), accept: ['html'] }, policy);
    assert.equal(served.status, 'ok', 'a public first hop is fetched (from loopback, by the test network)');
    const privateTargets: [string, RegExp][] = [
      [at('127.0.0.1', '/a'), /127\.0\.0\.1, a loopback address/],
      [at('[::1]', '/a'), /::1, a loopback address/],
      [at('[::ffff:127.0.0.1]', '/a'), /a loopback address/],
      [at('2130706433', '/a'), /127\.0\.0\.1, a loopback address/], // decimal form
      [at('0x7f.1', '/a'), /127\.0\.0\.1, a loopback address/], // hex and short forms
      [at('0.0.0.0', '/a'), /0\.0\.0\.0, a "this network" address/],
      [at('[::]', '/a'), /the unspecified address/],
      [at('internal.test', '/a'), /internal\.test resolves to 10\.0\.0\.7, a private address/],
      [at('metadata.test', '/a'), /169\.254\.169\.254, a link-local address/],
      [at('mixed.test', '/a'), /mixed\.test resolves to 127\.0\.0\.1/],
      [at('mapped.test', '/a'), /::ffff:127\.0\.0\.1, a loopback address/],
      [at('local6.test', '/a'), /::1, a loopback address/],
    ];
    for (const [target, why] of privateTargets) {
      web.reset();
      web.routes.set('/a', serve('text/html', page));
      web.routes.set('/start', redirect(target));
      const error = await failure(fetchUrl({ url: at('public.test', '/start'), accept: ['html'] }, policy));
      assert.equal(error.code, 'FETCH_REFUSED', target);
      assert.match(error.message, why, target);
      assert.match(error.message, /WHOSAID_ALLOW_PRIVATE_URLS=1/, target);
      assert.deepEqual(
        web.requests.map((request) => request.path),
        ['/start'],
        `only the public hop was requested before ${target}`,
      );
    }
    // Every hop, not only the first and the last: public → public → private stops at the third.
    web.reset();
    web.routes.set('/hop1', redirect(at('second.test', '/hop2'), 301));
    web.routes.set('/hop2', redirect(at('internal.test', '/a'), 307));
    web.routes.set('/a', serve('text/html', page));
    const error = await failure(fetchUrl({ url: at('public.test', '/hop1'), accept: ['html'] }, policy));
    assert.match(error.message, /internal\.test resolves to 10\.0\.0\.7/);
    assert.deepEqual(
      web.requests.map((request) => request.path),
      ['/hop1', '/hop2'],
    );
  });

  it('classifies every special-purpose range, IPv4 and IPv6, and lets public addresses through', () => {
    const refused = [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fd00::1',
      'fe80::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      '::ffff:a9fe:a9fe',
    ];
    for (const address of refused) assert.ok(nonPublicReason(address), address);
    for (const address of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      assert.equal(nonPublicReason(address), null, address);
  });

  it('refuses schemes other than http and https, also as a redirect target', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/x', 'data:text/html,hi', 'gopher://x/']) {
      const error = await failure(fetchUrl({ url, accept: ['html'] }, open));
      assert.equal(error.code, 'FETCH_REFUSED', url);
    }
    web.routes.set('/to-file', redirect('file:///etc/passwd'));
    const error = await failure(fetchUrl({ url: web.url('/to-file'), accept: ['html'] }, open));
    assert.equal(error.code, 'FETCH_REFUSED');
    assert.match(error.message, /a redirect pointed to file:/);
  });

  it('follows redirects to the final URL, and stops a loop at the cap', async () => {
    web.routes.set('/old', redirect('/moved', 301));
    web.routes.set('/moved', redirect(web.url('/new'), 307));
    web.routes.set('/new', serve('text/html', page));
    const result = await fetchUrl({ url: web.url('/old'), accept: ['html'] }, open);
    assert.equal(result.status === 'ok' && result.url, web.url('/new'));

    web.routes.set('/loop', redirect('/loop'));
    const error = await failure(fetchUrl({ url: web.url('/loop'), accept: ['html'] }, open));
    assert.match(error.message, /too many redirects \(more than 5/);
    assert.equal(web.requests.filter((request) => request.path === '/loop').length, 6);
  });

  it('says which HTTP status the server answered', async () => {
    const error = await failure(fetchUrl({ url: web.url('/missing'), accept: ['html'] }, open));
    assert.equal(error.code, 'FETCH_FAILED');
    assert.match(error.message, /HTTP 404 Not Found/);
  });

  it('refuses content it cannot read before downloading it, and names what it is', async () => {
    web.routes.set('/image', serve('image/png', Buffer.alloc(10)));
    assert.match(
      (await failure(fetchUrl({ url: web.url('/image'), accept: ['html'] }, open))).message,
      /is content of type image\/png, not a web page/,
    );
    web.routes.set('/feed', serve('application/rss+xml', '<rss></rss>'));
    assert.match(
      (await failure(fetchUrl({ url: web.url('/feed'), accept: ['html', 'pdf'] }, open))).message,
      /is an RSS or Atom feed .*whosaid feeds add/,
    );
  });

  it('sniffs files served as octet-stream', async () => {
    web.routes.set('/file', serve('application/octet-stream', Buffer.from('%PDF-1.4\n...')));
    const result = await fetchUrl({ url: web.url('/file'), accept: ['html', 'pdf'] }, open);
    assert.equal(result.status === 'ok' && result.kind, 'pdf');
  });

  it('caps the size, declared or not, compressed or not', async () => {
    const big = Buffer.alloc(open.maxBytes + 1, 'a');
    web.routes.set('/declared', serve('text/html', big));
    web.routes.set('/chunked', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write(big.subarray(0, 1000));
      response.end(big.subarray(1000));
    });
    web.routes.set(
      '/bomb',
      serve('text/html', gzipSync(Buffer.alloc(open.maxBytes * 8, 'a')), {
        'content-encoding': 'gzip',
      }),
    );
    for (const path of ['/declared', '/chunked', '/bomb']) {
      const error = await failure(fetchUrl({ url: web.url(path), accept: ['html'] }, open));
      assert.match(error.message, /larger than the 64 KB limit/, path);
    }
    web.routes.set('/small-gzip', serve('text/html', gzipSync(page), { 'content-encoding': 'gzip' }));
    const result = await fetchUrl({ url: web.url('/small-gzip'), accept: ['html'] }, open);
    assert.equal(result.status === 'ok' && result.bytes.toString('utf8'), page);
  });

  it('gives up on a server that never answers, at the deadline', async () => {
    web.routes.set('/slow', () => {});
    const error = await failure(
      fetchUrl({ url: web.url('/slow'), accept: ['html'] }, { ...open, timeoutMs: 200 }),
    );
    assert.match(error.message, /timed out/);
    web.routes.set('/stalls', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>The first part arrives, the rest never');
    });
    const stalled = await failure(
      fetchUrl({ url: web.url('/stalls'), accept: ['html'] }, { ...open, timeoutMs: 200 }),
    );
    assert.match(stalled.message, /timed out/);
    assert.equal(stalled.transient, true);
  });

  it('sends validators and reports 304 as not modified', async () => {
    web.routes.set('/feed', (request, response) => {
      response.writeHead(request.headers['if-none-match'] === '"v1"' ? 304 : 200, { etag: '"v1"' });
      response.end();
    });
    const result = await fetchUrl({ url: web.url('/feed'), accept: ['feed'], etag: '"v1"' }, open);
    assert.equal(result.status, 'not-modified');
    assert.equal(web.requests[0]?.headers['if-none-match'], '"v1"');
  });
});
