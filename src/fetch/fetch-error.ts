import { WhosaidError } from '../errors.js';

/**
 * Why one URL could not be brought in, said for the person who gave it. `refused` marks the SSRF
 * guard's refusals (an address or scheme we never fetch), which no retry can fix.
 */
export class FetchError extends WhosaidError {
  constructor(
    readonly url: string,
    readonly reason: string,
    options: { refused?: boolean; cause?: unknown } = {},
  ) {
    super(options.refused ? 'FETCH_REFUSED' : 'FETCH_FAILED', `${url}: ${reason}`, { cause: options.cause });
    this.name = 'FetchError';
  }
}
