import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WhosaidError } from '../errors.js';

/** Folders locked by this process (a second store over one folder in one process is a bug too). */
const heldHere = new Set<string>();

/**
 * Makes this process the only writer of a state folder: `DIR/lock` holds the owner's pid. A lock whose
 * process is gone (a crash, a kill) is taken over; a live owner is reported, because two bots appending
 * to one state file would each answer what the other already claimed.
 */
export async function lockStateDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'lock');
  if (heldHere.has(path)) throw lockedError(dir, process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      heldHere.add(path);
      return async () => {
        heldHere.delete(path);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(path, 'utf8').catch(() => ''));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner))
        throw lockedError(dir, owner);
      await rm(path, { force: true });
    }
  }
  throw lockedError(dir, Number.NaN);
}

function lockedError(dir: string, pid: number): WhosaidError {
  return new WhosaidError(
    'STATE_LOCKED',
    `The bot state in ${dir} is in use by another whosaid process${Number.isNaN(pid) ? '' : ` (pid ${pid})`}. ` +
      'Stop it first, or give this one its own WHOSAID_STATE_DIR.',
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
