import { type FileHandle, open, readFile, rename, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * An append-only file of JSON lines, written with group commit: records appended while a write is under
 * way go out together in the next write, and every append resolves only after its line is on disk
 * (fdatasync), so a burst of 400 events costs a handful of syncs, not 400.
 *
 * Crash safety: a record is one line ending in "\n", written by one write call. A crash can only leave
 * the last line without its "\n"; `open` drops such a torn tail (it was never acknowledged to anyone)
 * and truncates it away so the next record starts on a fresh line. `rewrite` replaces the whole file
 * through a synced temporary file and rename(2), which is atomic: a reader sees the old file or the
 * new one, never a mix.
 */
export class Journal {
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** Writes, flushes and rewrites run one after another on this chain. */
  private tail: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  /** Lines in the file now (the compaction policy of the owner reads it). */
  lines = 0;
  /** Bytes of complete lines in the file: a failed write is cut back to here. */
  private bytes = 0;

  private constructor(
    private readonly path: string,
    private handle: FileHandle,
  ) {}

  /** Opens (creating) the file and returns the records it holds, in order. Unreadable lines are skipped. */
  static async open(path: string): Promise<{ journal: Journal; records: unknown[]; skipped: number }> {
    const text = await readText(path);
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    if (complete.length < text.length) await truncate(path, Buffer.byteLength(complete));
    const { records, skipped } = parseLines(complete);
    const journal = new Journal(path, await open(path, 'a'));
    journal.lines = records.length + skipped;
    journal.bytes = Buffer.byteLength(complete);
    return { journal, records, skipped };
  }

  /** Every record in the file, after the writes already appended are on disk. */
  async records(): Promise<unknown[]> {
    await this.tail;
    return parseLines(await readText(this.path)).records;
  }

  /** Appends one record; resolves once it is durable. */
  append(record: unknown): Promise<void> {
    this.pending.push(`${JSON.stringify(record)}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.tail = this.tail.then(() => this.flush());
    }
    return done;
  }

  /**
   * Replaces the file's content with the records `snapshot` returns when the rewrite runs (a compaction:
   * the owner's live state). Lines appended while it runs are written after it, so the owner's records
   * must be idempotent (replaying one over a state that already has it changes nothing).
   */
  rewrite(snapshot: () => readonly unknown[]): Promise<void> {
    const done = this.tail.then(() => this.replaceWith(snapshot()));
    this.tail = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle.close();
  }

  private async replaceWith(records: readonly unknown[]): Promise<void> {
    const temporary = `${this.path}.tmp-${process.pid}`;
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await this.handle.close();
    await rename(temporary, this.path);
    await syncDirectory(dirname(this.path));
    this.handle = await open(this.path, 'a');
    this.lines = records.length;
    this.bytes = Buffer.byteLength(text);
  }

  /** Writes every line appended so far in one write and one sync. Never rejects (waiters do). */
  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    const text = lines.join('');
    try {
      await this.handle.write(text);
      await this.handle.datasync();
      this.lines += lines.length;
      this.bytes += Buffer.byteLength(text);
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      // A write cut short (disk full) must not leave half a line for the next record to join.
      await this.handle.truncate(this.bytes).catch(() => undefined);
      for (const waiter of waiters) waiter.reject(error);
    }
  }
}

/**
 * The records of a journal another process may be appending to, read without opening it for writing:
 * complete lines only (a line still being written has no "\n" yet), the file left untouched.
 */
export async function readJournal(path: string): Promise<{ records: unknown[]; skipped: number }> {
  return parseLines(await readText(path));
}

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
}

/** Complete lines only: a torn last line (no "\n") is left out. */
function parseLines(text: string): { records: unknown[]; skipped: number } {
  const records: unknown[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  lines.pop();
  for (const line of lines) {
    if (!line) continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      skipped += 1;
    }
  }
  return { records, skipped };
}

/** A rename is durable once its directory is synced (POSIX); some systems cannot sync a directory. */
async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r').catch(() => null);
  if (!dir) return;
  await dir.sync().catch(() => undefined);
  await dir.close();
}
