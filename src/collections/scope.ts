import { WhosaidError } from '../errors.js';

/**
 * Which collections a request may read. Threaded through retrieval as one value: the vector and
 * keyword searches, the speaker directory, the alias table and every document list are restricted
 * to it, so nothing outside it can reach an answer — not even the fact that a name exists there.
 * Absent (undefined) means every collection in the index: the operator's own view (CLI, MCP).
 */
export interface Scope {
  readonly collections: readonly string[];
}

/** The bundled corpus folder (and the articles fetched into it) form this collection. */
export const DEFAULT_COLLECTION = 'news';

/**
 * Lower-case letters, digits, `-` and `_`, starting with a letter or digit: a name is also a folder
 * name and part of document ids, so it must be safe as both on every file system.
 */
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function checkCollectionName(name: string): string {
  if (!NAME.test(name)) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `"${name}" is not a collection name: use lower-case letters, digits, "-" and "_" (at most 63, starting with a letter or digit).`,
    );
  }
  return name;
}

/** `legal,sports` → a scope of those collections (each name checked, duplicates dropped). */
export function parseScope(list: string): Scope {
  const names = [
    ...new Set(
      list
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
  if (names.length === 0) throw new WhosaidError('INPUT_INVALID', 'Name at least one collection.');
  return { collections: names.map(checkCollectionName) };
}

/** A stable key for caching what is derived per scope. */
export function scopeKey(scope: Scope): string {
  return [...scope.collections].sort().join(',');
}
