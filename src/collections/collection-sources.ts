import { existingDirs } from '../corpus/list-files.js';
import { collectionOwnDir, readCollections } from './collection-registry.js';

/** A folder whose documents belong to one collection. */
export interface CollectionSource {
  collection: string;
  dir: string;
}

/**
 * The folders of every registered collection (other than `news`, which is the corpus folder and the
 * fetched-documents folder), those that exist: each collection's own folders first, then what was
 * fetched or copied into it.
 */
export async function collectionSources(collectionsDir: string | undefined): Promise<CollectionSource[]> {
  if (!collectionsDir) return [];
  const sources: CollectionSource[] = [];
  for (const record of await readCollections(collectionsDir)) {
    const dirs = await existingDirs([...record.folders, collectionOwnDir(collectionsDir, record.name)]);
    for (const dir of dirs) sources.push({ collection: record.name, dir });
  }
  return sources;
}
