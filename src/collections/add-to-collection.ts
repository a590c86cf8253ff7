import { copyFile, mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { WhosaidError } from '../errors.js';
import { collectionOwnDir, upsertCollection } from './collection-registry.js';

/** What adding a local path to a collection did. */
export interface PathAdded {
  path: string;
  /** A folder is read where it is; a file is copied into the collection's own folder. */
  as: 'folder' | 'copy';
  stored: string;
}

/**
 * Adds local paths to a collection (creating it, owned by `team`): a folder is registered and read in
 * place on every ingest (never written to); a file is copied into the collection's own folder, the
 * only place `collections remove` deletes from.
 */
export async function addPathsToCollection(
  collectionsDir: string,
  collection: { name: string; team: string | null },
  paths: readonly string[],
): Promise<PathAdded[]> {
  const added: PathAdded[] = [];
  const folders: string[] = [];
  for (const path of paths.map((item) => resolve(item))) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new WhosaidError('CORPUS_NOT_FOUND', `${path} does not exist.`);
    if (info.isDirectory()) {
      folders.push(path);
      added.push({ path, as: 'folder', stored: path });
    } else {
      const own = collectionOwnDir(collectionsDir, collection.name);
      await mkdir(own, { recursive: true });
      const stored = join(own, basename(path));
      await copyFile(path, stored);
      added.push({ path, as: 'copy', stored });
    }
  }
  await upsertCollection(collectionsDir, { ...collection, folders });
  return added;
}
