import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Who holds a lock: enough to tell, from another process, whether that holder still runs. */
export interface LockOwner {
  pid: number;
  host: string;
  /**
   * When the owner process started, as the kernel counts it (Linux /proc/PID/stat), or null where
   * that cannot be read: a pid reused by a later process then does not pass for the old owner.
   */
  processStart: string | null;
  /** Unique per acquisition, so a release or takeover only ever removes the lock it means. */
  token: string;
  acquiredAt: string;
}

interface LockEvents {
  /** Called once when the lock is held by a live process and this one starts waiting. */
  onWait?: (owner: LockOwner) => void;
  /** Called when a lock left by a process that no longer runs is taken over. */
  onTakeover?: (owner: LockOwner | null) => void;
}

export interface AcquireOptions extends LockEvents {
  /** How long to wait for a live holder before giving up (0: do not wait). */
  waitMs: number;
  pollMs?: number;
}

export type LockResult =
  | { acquired: true; release: () => Promise<void> }
  | { acquired: false; owner: LockOwner | null };

/**
 * Takes the lock file at `path`, which holds its owner as JSON. The file is written complete under a
 * private name and then hard-linked into place — link(2) fails if `path` exists, atomically — so no
 * other process ever reads a half-written lock. A lock whose owner is gone (killed, crashed, or its pid
 * reused by a process that started later) is taken over; a live owner is waited for, up to `waitMs`.
 */
export async function acquireLockFile(path: string, options: AcquireOptions): Promise<LockResult> {
  const pollMs = options.pollMs ?? 100;
  const deadline = Date.now() + options.waitMs;
  let waiting = false;
  for (;;) {
    const owner = ownerHere();
    if (await tryCreate(path, owner))
      return { acquired: true, release: () => releaseLock(path, owner.token) };
    const holder = await readOwner(path);
    if (holder === undefined) continue; // released meanwhile: try again at once
    if (holder === null || !isAlive(holder)) {
      if (await takeOver(path, holder)) options.onTakeover?.(holder);
      continue;
    }
    if (Date.now() >= deadline) return { acquired: false, owner: holder };
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(1, deadline - Date.now()))));
  }
}

function ownerHere(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    processStart: processStart(process.pid),
    token: randomBytes(8).toString('hex'),
    acquiredAt: new Date().toISOString(),
  };
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  const temporary = `${path}.${owner.pid}-${owner.token}`;
  await writeFile(temporary, JSON.stringify(owner));
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The holder; null when the file is not a lock we can read (then it cannot be anyone's live lock); undefined when gone. */
async function readOwner(path: string): Promise<LockOwner | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner> | number;
    // Locks written before owners were JSON held only the pid.
    if (typeof owner === 'number' && Number.isInteger(owner) && owner > 0)
      return { pid: owner, host: hostname(), processStart: null, token: '', acquiredAt: '' };
    if (
      typeof owner === 'object' &&
      owner !== null &&
      typeof owner.pid === 'number' &&
      typeof owner.token === 'string' &&
      typeof owner.host === 'string'
    )
      return owner as LockOwner;
  } catch {}
  return null;
}

/**
 * Moves the stale lock aside under a private name, then checks that what it moved is the lock it
 * judged stale: if another process took the lock over in between, its fresh lock is put back.
 */
async function takeOver(path: string, stale: LockOwner | null): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readOwner(aside);
  const same = moved === null ? stale === null : moved !== undefined && moved.token === stale?.token;
  if (!same) await link(aside, path).catch(() => {});
  await rm(aside, { force: true });
  return same;
}

async function releaseLock(path: string, token: string): Promise<void> {
  const holder = await readOwner(path);
  // Never remove a lock that is no longer ours (taken over after we were presumed dead).
  if (holder && holder.token === token) await rm(path, { force: true });
}

/**
 * Whether the owner still runs. A lock from another host cannot be checked from here and counts as
 * live, so it is waited for, never broken.
 */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(owner.pid);
  return owner.processStart === null || started === null || started === owner.processStart;
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot); null off Linux. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** "process 1234 (since 10:02:11 UTC)" for messages. */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'a process that left an unreadable lock';
  const since = owner.acquiredAt ? ` since ${owner.acquiredAt.slice(11, 19)} UTC` : '';
  return `process ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}${since}`;
}
