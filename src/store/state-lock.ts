import { join } from 'node:path';
import { WhosaidError } from '../errors.js';
import { acquireLockFile } from '../lock-file.js';

/** Folders locked by this process (a second store over one folder in one process is a bug too). */
const heldHere = new Set<string>();

/**
 * Makes this process the only writer of a state folder: `DIR/lock` names the owner process. A lock
 * whose process is gone (a crash, a kill) is taken over; a live owner is reported at once, because two
 * bots appending to one state file would each answer what the other already claimed.
 */
export async function lockStateDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'lock');
  if (heldHere.has(path)) throw lockedError(dir, process.pid);
  const lock = await acquireLockFile(path, { waitMs: 0 });
  if (!lock.acquired) throw lockedError(dir, lock.owner?.pid ?? Number.NaN);
  heldHere.add(path);
  return async () => {
    heldHere.delete(path);
    await lock.release();
  };
}

function lockedError(dir: string, pid: number): WhosaidError {
  return new WhosaidError(
    'STATE_LOCKED',
    `The bot state in ${dir} is in use by another whosaid process${Number.isNaN(pid) ? '' : ` (pid ${pid})`}. ` +
      'Stop it first, or give this one its own WHOSAID_STATE_DIR.',
  );
}
