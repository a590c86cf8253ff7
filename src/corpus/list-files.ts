import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

// A module of its own: checking whether an index is fresh lists the corpus files without loading
// the parsers that reading them needs.

/** Every non-hidden file under `dir`, recursively, sorted: the files `loadCorpus` considers. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else files.push(path);
  }
  return files;
}
