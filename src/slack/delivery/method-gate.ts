import type { Logger } from '../../logger.js';

/** What the Web API client passes to fetch (the SDK's `fetch` option takes this shape). */
type Fetch = typeof fetch;

/**
 * Slack's rate limits are per method (and per workspace): a 429 on chat.postMessage says nothing
 * about users.info. https://docs.slack.dev/apis/web-api/rate-limits
 *
 * The SDK's own handling pauses its whole request queue on any 429, so one limited method stalled every
 * other call. This gate sits under the SDK (as its `fetch`): it remembers each method's Retry-After,
 * holds later calls of that method (and only that one) until then, and retries a 429 itself within
 * `waitBudgetMs` — safe even for posts, since a 429 means Slack did not process the call. Past the
 * budget the 429 goes up to the caller (with `rejectRateLimitedCalls`, a WebAPIRateLimitedError),
 * so the outbox can reschedule instead of holding a worker. HTTP errors are logged here, once each,
 * because the SDK retries them silently.
 */
export class MethodGate {
  private readonly notBefore = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** When `method` may be called again (ms since the epoch); now or earlier when it is not limited. */
  readyAt(method: string): number {
    return this.notBefore.get(method) ?? 0;
  }

  /** A fetch for a WebClient; `waitBudgetMs` bounds how long one call waits on rate limits in total. */
  fetchFor(waitBudgetMs: number): Fetch {
    return async (input, init) => {
      const method = methodOf(String(input instanceof Request ? input.url : input));
      const deadline = this.now() + waitBudgetMs;
      for (;;) {
        const wait = this.readyAt(method) - this.now();
        if (wait > 0) {
          if (this.now() + wait > deadline) return rateLimited(Math.ceil(wait / 1000));
          await sleep(wait, init?.signal ?? undefined);
        }
        const response = await fetch(input, init);
        if (response.status === 429) {
          const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
          const after = Number.isFinite(seconds) && seconds >= 0 ? seconds : 1;
          this.notBefore.set(method, this.now() + after * 1000);
          this.logger.warn({ method, retryAfterSeconds: after }, 'Slack rate-limited a method');
          if (this.now() + after * 1000 > deadline) return response;
          await response.body?.cancel();
          continue;
        }
        if (response.status !== 200)
          this.logger.warn(
            { method, status: response.status },
            'Slack answered a Web API call with an HTTP error',
          );
        return response;
      }
    };
  }
}

function methodOf(url: string): string {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The 429 a caller gets when the wait would exceed its budget (as Slack would answer it). */
function rateLimited(retryAfterSeconds: number): Response {
  return new Response(JSON.stringify({ ok: false, error: 'ratelimited' }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': String(Math.max(1, retryAfterSeconds)) },
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
