import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces directory `target` with one written by `write`, so that a reader only ever sees the old
 * directory or the new one, never a half-written one — even if the process is killed midway:
 * everything is written into a sibling temporary directory, which is renamed over the target only
 * when complete. rename(2) is atomic within a file system; the old directory is moved aside first
 * (a directory cannot be renamed over a non-empty one) and restored by `recoverDirectory` if a kill
 * lands between the two renames.
 */
export async function replaceDirectoryAtomically(
  target: string,
  write: (temporaryDir: string) => Promise<void>,
): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await recoverDirectory(target);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temporary = join(parent, `${basename(target)}.tmp-${suffix}`);
  const aside = join(parent, `${basename(target)}.old-${suffix}`);
  await mkdir(temporary);
  try {
    await write(temporary);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, aside);
  await rename(temporary, target);
  if (hadTarget) await rm(aside, { recursive: true, force: true });
}

/**
 * Cleans up after an interrupted replace: restores a directory left aside when the target is gone,
 * and removes temporary directories whose writer process is no longer running.
 */
export async function recoverDirectory(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  const siblings = await readdir(parent).catch(() => [] as string[]);
  for (const sibling of siblings) {
    const match = asidePattern(name).exec(sibling);
    if (!match) continue;
    const path = join(parent, sibling);
    const writerRunning = isRunning(Number(match[2]));
    // A live writer between its two renames will finish on its own; only a dead one's work is undone.
    if (writerRunning) continue;
    if (match[1] === 'old' && !(await exists(target))) {
      await rename(path, target);
    } else {
      await rm(path, { recursive: true, force: true });
    }
  }
}

/**
 * Whether a live writer has moved `target` aside and not yet renamed its new directory into place: a
 * reader that finds no target then should look again in a moment rather than report it missing.
 */
export async function isBeingReplaced(target: string): Promise<boolean> {
  const siblings = await readdir(dirname(target)).catch(() => [] as string[]);
  return siblings.some((sibling) => {
    const match = asidePattern(basename(target)).exec(sibling);
    return match?.[1] === 'old' && isRunning(Number(match[2]));
  });
}

function asidePattern(name: string): RegExp {
  return new RegExp(`^${escapeRegExp(name)}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
}

function isRunning(pid: number): boolean {
  // Our own process id: another thread of this process is writing (the bot rebuilds its index in a
  // worker thread while the main thread reads, see rebuild-in-worker.ts) — never undo its work.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
