/**
 * Runs queued jobs one per turn of the event loop: each starts from its own setImmediate, after the
 * I/O that became ready meanwhile. Queued in one go (setImmediate for each), 400 acknowledged events
 * would all start their listeners in one check phase, and a request arriving meanwhile would wait for
 * all 400 before being read; one per turn, it waits for at most one.
 */
export class OnePerTurn {
  private readonly queue: (() => void)[] = [];
  private scheduled = false;

  /** Resolves with `job`'s result once it has run in a turn of its own. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => job().then(resolve, reject));
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.queue.shift()?.();
      this.schedule();
    });
  }
}
