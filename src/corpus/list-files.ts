import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

// A module of its own: checking whether an index is fresh lists the corpus files without loading
// the parsers that reading them needs.

/**
 * Every non-hidden file under `dir`, recursively, sorted: the files `loadCorpus` considers. Symbolic
 * links are followed, to files and to folders, each real folder read once, so a link loop ends.
 */
export async function listFiles(dir: string, seen: Set<string> = new Set()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const isDirectory = entry.isSymbolicLink()
      ? await stat(path).then(
          (info) => info.isDirectory(),
          () => false,
        )
      : entry.isDirectory();
    // Appended one by one: a folder of a very large archive holds more files than a spread may pass.
    if (isDirectory) for (const file of await listFiles(path, seen)) files.push(file);
    else files.push(path);
  }
  return files;
}

/** The folders of `dirs` that exist (a fetched-documents folder appears with the first fetch). */
export async function existingDirs(dirs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => null);
    if (info?.isDirectory()) found.push(resolve(dir));
  }
  return found;
}
