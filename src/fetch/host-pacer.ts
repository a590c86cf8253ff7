/**
 * Politeness towards publishers: requests to the same host are spaced by at least `delayMs` (a feed
 * and its articles usually share a host, and a burst of requests gets a bot blocked). Other hosts are
 * not held up. The clock and the sleep are injectable so the spacing can be checked without waiting.
 */
export class HostPacer {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> } = {
      now: () => Date.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
  ) {}

  /** Resolves when a request to `url`'s host may go out, and records it as sent. */
  async wait(url: string): Promise<void> {
    const host = URL.canParse(url) ? new URL(url).host : url;
    const previous = this.last.get(host);
    if (previous !== undefined) {
      const due = previous + this.delayMs - this.clock.now();
      if (due > 0) await this.clock.sleep(due);
    }
    this.last.set(host, this.clock.now());
  }
}
