import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { WhosaidError } from '../errors.js';
import { acquireLockFile, describeOwner } from '../lock-file.js';

export interface WriterLockOptions {
  /** How long a second writer waits for the first before giving up. */
  waitMs: number;
  /** Tells the person running it that this writer waits, or took over a dead writer's lock. */
  notify?: (message: string) => void;
}

/** How long a writer waits by default: a large corpus takes minutes to build on a small machine. */
export const DEFAULT_WRITER_WAIT_MS = 30 * 60 * 1000;

/**
 * Beside the index, never inside it: the index folder is replaced whole on every write
 * (atomic-directory.ts), and the lock must outlive that.
 */
export function writerLockPath(indexDir: string): string {
  return `${resolve(indexDir)}.lock`;
}

/**
 * Makes this the only process building the index in `indexDir` until the returned release is called:
 * the CLI's `ingest`, `ask` building a missing index, and the bot's background rebuilds all write the
 * same folder and embedding cache, and two at once would each redo the other's work, and a reader could
 * see one's index beside the other's. A second writer waits (saying for whom); a lock left by a process
 * that died is taken over, saying so.
 */
export async function lockIndexForWriting(
  indexDir: string,
  options: WriterLockOptions,
): Promise<() => Promise<void>> {
  const notify = options.notify ?? (() => {});
  const path = writerLockPath(indexDir);
  // The index's folder may not exist yet (its location was checked writable before this).
  await mkdir(dirname(path), { recursive: true });
  const lock = await acquireLockFile(path, {
    waitMs: options.waitMs,
    onWait: (owner) =>
      notify(
        `The index ${resolve(indexDir)} is being written by ${describeOwner(owner)}: waiting for it to finish…`,
      ),
    onTakeover: (owner) =>
      notify(
        `Took over the index lock ${path} left by ${describeOwner(owner)}, which no longer runs (it stopped before finishing).`,
      ),
  });
  if (lock.acquired) return lock.release;
  throw new WhosaidError(
    'INDEX_LOCKED',
    `The index ${resolve(indexDir)} is still being written by ${describeOwner(lock.owner)} after waiting ${Math.round(options.waitMs / 1000)} s. ` +
      `Let it finish and run this again, or, if no whosaid process is running, delete ${path}.`,
  );
}
