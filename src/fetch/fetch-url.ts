import type { IncomingMessage } from 'node:http';
import { describeError } from '../errors.js';
import { type ContentKind, describeKind, kindFromHeader, mediaTypeOf, sniffKind } from './content-kind.js';
import { FetchError } from './fetch-error.js';
import { type FetchNetwork, openConnection, RefusedAddressError } from './open-connection.js';
import { plainLine } from './plain-text.js';
import { formatLimit, readBody, TooLargeError } from './read-body.js';

/** Limits every fetch obeys; built once from the configuration (see fetchPolicyOf). */
export interface FetchPolicy {
  /** Fetch loopback, private and link-local addresses too (tests, intranets): WHOSAID_ALLOW_PRIVATE_URLS=1. */
  allowPrivate: boolean;
  /** One deadline for the whole fetch: every redirect and the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Where names resolve and sockets go: the real network unless a test presents its own. */
  network?: FetchNetwork;
}

export interface FetchRequest {
  url: string;
  /** The kinds the caller can read; anything else fails with a message saying what it is. */
  accept: readonly ContentKind[];
  /** Validators from an earlier fetch: a 304 answer then means "unchanged". */
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | { status: 'not-modified'; url: string }
  | {
      status: 'ok';
      /** The URL the content came from, after redirects. */
      url: string;
      kind: ContentKind;
      contentType: string;
      bytes: Buffer;
      etag: string | null;
      lastModified: string | null;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'whosaid (+https://github.com/; news quote bot)';

/**
 * The only way whosaid reads from the web. http(s) only; every hop's address is checked by the SSRF
 * guard (open-connection.ts); redirects are followed by hand so each target is checked, up to a cap
 * that also ends redirect loops; one deadline covers the whole fetch; the body is capped; and the
 * content type must be one the caller reads, so a video or an archive is refused before it downloads.
 */
export async function fetchUrl(request: FetchRequest, policy: FetchPolicy): Promise<FetchResult> {
  const original = parseUrl(request.url);
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), policy.timeoutMs);
  let url = original;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await openConnection(url, {
        allowPrivate: policy.allowPrivate,
        network: policy.network,
        headers: requestHeaders(request),
        signal: controller.signal,
      });
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.resume();
        if (redirects >= policy.maxRedirects)
          throw new FetchError(request.url, `too many redirects (more than ${policy.maxRedirects}; a loop?)`);
        url = parseUrl(new URL(location, url).href, request.url);
        continue;
      }
      return await readResponse(response, url, request, policy);
    }
  } catch (error) {
    throw asFetchError(error, request.url, controller.signal.aborted, policy);
  } finally {
    clearTimeout(deadline);
  }
}

async function readResponse(
  response: IncomingMessage,
  url: URL,
  request: FetchRequest,
  policy: FetchPolicy,
): Promise<FetchResult> {
  const status = response.statusCode ?? 0;
  if (status === 304 && (request.etag || request.lastModified)) {
    response.resume();
    return { status: 'not-modified', url: url.href };
  }
  if (status < 200 || status > 299) {
    response.resume();
    throw new FetchError(
      request.url,
      `the server answered HTTP ${status} ${plainLine(response.statusMessage ?? '')}`.trim(),
      // Overload and rate limits pass; "not found" or "forbidden" stay.
      { transient: status >= 500 || status === 408 || status === 429 },
    );
  }
  const contentType = String(response.headers['content-type'] ?? '');
  const declared = kindFromHeader(contentType);
  if (declared === null || (declared !== 'unknown' && !request.accept.includes(declared))) {
    response.resume();
    throw new FetchError(
      request.url,
      unreadable(mediaTypeOf(contentType) || 'no type', declared, request.accept),
    );
  }
  const bytes = await readBody(response, policy.maxBytes);
  const kind = declared === 'unknown' ? sniffKind(bytes, url.pathname) : declared;
  if (!kind || !request.accept.includes(kind))
    throw new FetchError(
      request.url,
      unreadable(mediaTypeOf(contentType) || 'no type', kind, request.accept),
    );
  return {
    status: 'ok',
    url: url.href,
    kind,
    contentType,
    bytes,
    etag: headerText(response.headers.etag),
    lastModified: headerText(response.headers['last-modified']),
  };
}

function unreadable(
  media: string,
  kind: ContentKind | 'unknown' | null,
  accept: readonly ContentKind[],
): string {
  const wanted = accept.map(describeKind).join(' or ');
  const what = kind && kind !== 'unknown' ? `${describeKind(kind)} (${media})` : `content of type ${media}`;
  const hint = kind === 'feed' ? '; add feeds with `whosaid feeds add URL`' : '';
  return `is ${what}, not ${wanted}${hint}`;
}

function requestHeaders(request: FetchRequest): Record<string, string> {
  return {
    'user-agent': USER_AGENT,
    accept:
      'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/pdf,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
    ...(request.etag ? { 'if-none-match': request.etag } : {}),
    ...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
  };
}

function headerText(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value)?.trim() || null;
}

/** Only http and https: file:, ftp:, data:, gopher: … could read local files or reach other services. */
function parseUrl(text: string, original = text): URL {
  if (!URL.canParse(text)) throw new FetchError(original, 'not a valid URL (expected http:// or https://…)');
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const where = text === original ? '' : ` (a redirect pointed to ${url.protocol})`;
    throw new FetchError(original, `only http and https URLs are fetched${where}`, { refused: true });
  }
  if (url.username || url.password)
    throw new FetchError(original, 'URLs with a user name or password are refused', { refused: true });
  return url;
}

function asFetchError(error: unknown, url: string, timedOut: boolean, policy: FetchPolicy): FetchError {
  if (error instanceof FetchError) return error;
  if (timedOut)
    return new FetchError(url, `no complete answer within ${policy.timeoutMs / 1000} s (timed out)`, {
      transient: true,
    });
  if (error instanceof RefusedAddressError) {
    return new FetchError(
      url,
      `refused: ${error.message}. whosaid fetches only public internet addresses (set WHOSAID_ALLOW_PRIVATE_URLS=1 to allow private ones)`,
      { refused: true, cause: error },
    );
  }
  if (error instanceof TooLargeError)
    return new FetchError(url, `${error.message} (WHOSAID_FETCH_MAX_MB is ${formatLimit(policy.maxBytes)})`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    ENOTFOUND: 'the host name does not exist (DNS)',
    ECONNREFUSED: 'the server refused the connection',
    ECONNRESET: 'the connection was reset',
    EAI_AGAIN: 'the host name could not be resolved right now (DNS)',
  };
  // Network failures (DNS, refused or reset connections) may well pass by the next run.
  return new FetchError(url, (code && known[code]) ?? `could not fetch: ${describeError(error)}`, {
    transient: true,
    cause: error,
  });
}
