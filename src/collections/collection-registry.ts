import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, WhosaidError } from '../errors.js';
import { DEFAULT_COLLECTION } from './scope.js';

/** A collection other than the bundled `news`: where its documents come from and who owns it. */
export interface CollectionRecord {
  name: string;
  /**
   * The Slack installation (team or enterprise id) that owns it, or null for one made on the command
   * line without `--team`, which any installation's admin may bind (like `news`).
   */
  team: string | null;
  /** The user's folders whose documents belong to it (read, never written or deleted by us). */
  folders: string[];
  createdAt: string;
  updatedAt: string;
}

const REGISTRY = 'collections.json';

/**
 * The collections folder holds the registry and, per collection, a folder of our own for what was
 * fetched or copied into it (`DIR/NAME/`): the only files `collections remove` deletes.
 */
export function collectionOwnDir(collectionsDir: string, name: string): string {
  return join(collectionsDir, name);
}

export async function readCollections(collectionsDir: string): Promise<CollectionRecord[]> {
  let text: string;
  try {
    text = await readFile(join(collectionsDir, REGISTRY), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = JSON.parse(text) as { collections?: CollectionRecord[] };
    return Array.isArray(parsed.collections) ? parsed.collections : [];
  } catch (error) {
    throw new WhosaidError(
      'INDEX_CORRUPT',
      `${join(collectionsDir, REGISTRY)} is unreadable (${describeError(error)}); fix or remove it.`,
    );
  }
}

/** Creates the collection, or adds folders to it and marks it updated. Refuses `news` and other owners'. */
export async function upsertCollection(
  collectionsDir: string,
  change: { name: string; team: string | null; folders?: string[] },
  now: Date = new Date(),
): Promise<CollectionRecord> {
  if (change.name === DEFAULT_COLLECTION) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `"${DEFAULT_COLLECTION}" is the corpus folder's collection: add to it with --corpus or WHOSAID_CORPUS_DIR.`,
    );
  }
  if (change.name === 'default') {
    throw new WhosaidError(
      'INPUT_INVALID',
      '"default" means the default collections in `use` and `bind`: choose another name.',
    );
  }
  const records = await readCollections(collectionsDir);
  const existing = records.find((record) => record.name === change.name);
  if (existing && existing.team !== null && existing.team !== change.team) {
    throw new WhosaidError('INPUT_INVALID', `The collection "${change.name}" belongs to another workspace.`);
  }
  const record: CollectionRecord = existing ?? {
    name: change.name,
    team: change.team,
    folders: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  for (const folder of change.folders ?? [])
    if (!record.folders.includes(folder)) record.folders.push(folder);
  record.updatedAt = now.toISOString();
  await writeRegistry(collectionsDir, [...records.filter((other) => other !== existing), record]);
  return record;
}

/**
 * Forgets a collection and deletes its own folder (what was fetched or copied into it); the user's
 * folders it read are left as they are. Returns the record removed, or null when there was none.
 */
export async function removeCollection(
  collectionsDir: string,
  name: string,
): Promise<CollectionRecord | null> {
  const records = await readCollections(collectionsDir);
  const record = records.find((other) => other.name === name);
  if (!record) return null;
  await writeRegistry(
    collectionsDir,
    records.filter((other) => other !== record),
  );
  await rm(collectionOwnDir(collectionsDir, name), { recursive: true, force: true });
  return record;
}

async function writeRegistry(collectionsDir: string, records: CollectionRecord[]): Promise<void> {
  await mkdir(collectionsDir, { recursive: true });
  const path = join(collectionsDir, REGISTRY);
  const temporary = `${path}.tmp-${process.pid}`;
  const sorted = [...records].sort((a, b) => a.name.localeCompare(b.name));
  // Written aside and renamed: a reader never sees half a registry.
  await writeFile(temporary, `${JSON.stringify({ collections: sorted }, null, 2)}\n`);
  await rename(temporary, path);
}
