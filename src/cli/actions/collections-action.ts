import { readCollections, removeCollection } from '../../collections/collection-registry.js';
import { checkCollectionName, DEFAULT_COLLECTION } from '../../collections/scope.js';
import { WhosaidError } from '../../errors.js';
import { collectionStats } from '../../index/collection-stats.js';
import { statsText } from '../format-collections.js';
import { plural } from '../format-fetched.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor, displayPath, openSearchContext } from '../runtime.js';

/** `whosaid collections list [--json]`: per collection its counts, owner and folders (index updated first). */
export async function collectionsListAction(
  io: CliIo,
  flags: CorpusFlags & { json?: boolean },
): Promise<void> {
  const config = configFor(io, flags);
  const records = await readCollections(config.collectionsDir);
  const context = await openSearchContext(config, io);
  const stats = collectionStats(
    context.index.documents,
    [DEFAULT_COLLECTION, ...records.map((r) => r.name)],
    context.quotes.attributed,
  );
  const rows = stats.map((entry) => {
    const record = records.find((other) => other.name === entry.name);
    const folders =
      entry.name === DEFAULT_COLLECTION ? [config.corpusDir, config.fetchedDir] : (record?.folders ?? []);
    return { ...entry, team: record?.team ?? null, folders };
  });
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const row of rows) {
    const owner = row.team ? `, owned by ${row.team}` : '';
    const where = row.folders.length > 0 ? `; reads ${row.folders.map(displayPath).join(', ')}` : '';
    io.stdout.write(`${row.name}: ${statsText(row)}${owner}${where}\n`);
  }
}

/**
 * `whosaid collections remove NAME`: forgets the collection, deletes only what we stored for it (its
 * fetched and copied files), leaves the folders it read, and updates the index so nothing of it is
 * answered from any more.
 */
export async function collectionsRemoveAction(io: CliIo, name: string, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  if (checkCollectionName(name) === DEFAULT_COLLECTION) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `"${DEFAULT_COLLECTION}" is the corpus folder (${displayPath(config.corpusDir)}), which whosaid never deletes.`,
    );
  }
  const record = await removeCollection(config.collectionsDir, name);
  if (!record) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `No collection "${name}". \`whosaid collections list\` shows the collections.`,
    );
  }
  const context = await openSearchContext(config, io);
  const left =
    record.folders.length > 0 ? ` Left in place: ${record.folders.map(displayPath).join(', ')}.` : '';
  io.stdout.write(
    `Removed the collection ${name}: deleted what was fetched or copied into it.${left}\n` +
      `The index now holds ${plural(context.index.documents.length, 'document')}. Channels bound to ${name} read nothing of it any more (rebind them with \`whosaid channels bind\` or \`@whosaid use\`).\n`,
  );
}
