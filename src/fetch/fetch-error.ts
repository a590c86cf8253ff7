import { WhosaidError } from '../errors.js';

/**
 * Why one URL could not be brought in, said for the person who gave it. `refused` marks the SSRF
 * guard's refusals (an address or scheme we never fetch). `transient` marks what may work later (a
 * timeout, a dropped connection, a 5xx, a 429); everything else — a 404, a refusal, a page with no
 * article — will fail the same way again, so a feed need not retry it on every run.
 */
export class FetchError extends WhosaidError {
  readonly transient: boolean;

  constructor(
    readonly url: string,
    readonly reason: string,
    options: { refused?: boolean; transient?: boolean; cause?: unknown } = {},
  ) {
    super(options.refused ? 'FETCH_REFUSED' : 'FETCH_FAILED', `${url}: ${reason}`, { cause: options.cause });
    this.name = 'FetchError';
    this.transient = options.transient ?? false;
  }
}
