/**
 * The answer pool: answer, quote and summary work runs here, a few jobs at a time, after Slack was
 * acknowledged. Bolt acknowledges events before any listener runs, but all of them share one event
 * loop: with 400 answers started at once every new request's acknowledgement waited behind them all.
 * Here at most `concurrency` jobs run; each yields at its awaits, so a new request waits for at most a
 * slice of one job. Measured on the bundled corpus an extractive answer costs ~4 ms of CPU
 * (docs/benchmarks.md), and the costly input steps are bounded, so a queue on the main thread keeps
 * acknowledgements fast; worker threads would each need their own copy of the index (hnswlib memory is
 * not shared) on a 2-core machine, for no gain at that cost.
 *
 * The queue is bounded: when `capacity` jobs already wait, `run` refuses at once (BusyError) and the
 * asker is told to try again, instead of piling up work nobody will wait for.
 */
export class WorkQueue {
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly concurrency: number,
    readonly capacity: number,
  ) {}

  /** Runs `job` when a slot is free; rejects with BusyError at once when the queue is full. */
  async run<T>(job: () => T | Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.capacity) throw new BusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job, so `running` never dips while work waits. The next
      // job starts after the I/O already waiting (setImmediate runs after the event loop's poll
      // phase), not in this job's microtasks: requests that arrived meanwhile are read and
      // acknowledged first, so an acknowledgement waits for at most one slice of one job.
      if (next) setImmediate(next);
      else this.running -= 1;
      if (this.settled) for (const listener of [...this.listeners]) listener();
    }
  }

  /** Nothing running or waiting. */
  get settled(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }

  idle(): Promise<void> {
    if (this.settled) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.listeners.delete(done);
        resolve();
      };
      this.listeners.add(done);
    });
  }
}

export class BusyError extends Error {
  constructor() {
    super('the answer queue is full');
    this.name = 'BusyError';
  }
}

export const BUSY_MESSAGE =
  'I’m busy with a lot of questions right now and couldn’t take yours. Please try again in a minute.';
