import { readCollections } from '../../collections/collection-registry.js';
import { checkCollectionName, DEFAULT_COLLECTION } from '../../collections/scope.js';
import { WhosaidError } from '../../errors.js';
import { readFeeds, writeFeeds } from '../../fetch/feed-list.js';
import { checkFetchedLocation } from '../../fetch/fetched-store.js';
import { followFeed } from '../../fetch/follow-feed.js';
import { plural } from '../format-fetched.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor } from '../runtime.js';

export async function feedsAddAction(
  io: CliIo,
  url: string,
  flags: CorpusFlags & { collection?: string },
): Promise<void> {
  const config = configFor(io, flags);
  checkFetchedLocation(config.fetchedDir, config.corpusDir);
  const collection = checkCollectionName(flags.collection ?? DEFAULT_COLLECTION);
  if (
    collection !== DEFAULT_COLLECTION &&
    !(await readCollections(config.collectionsDir)).some((record) => record.name === collection)
  )
    throw new WhosaidError(
      'INPUT_INVALID',
      `No collection "${collection}". Make it with \`whosaid ingest PATH|URL --collection ${collection}\` first (\`whosaid collections list\` shows the collections).`,
    );
  const result = await followFeed({ fetchedDir: config.fetchedDir, policy: config.fetch, url, collection });
  if (result.outcome === 'already') {
    io.stdout.write(`Already following ${url} (into collection ${result.collection}).\n`);
    return;
  }
  io.stdout.write(
    `Following ${url}${result.title ? ` (“${result.title}”)` : ''}: ${plural(result.items, 'item')} now` +
      `${collection === DEFAULT_COLLECTION ? '' : `, into collection ${collection}`}. ` +
      'Run `whosaid ingest --feeds` to bring its articles in.\n',
  );
}

export async function feedsListAction(io: CliIo, flags: CorpusFlags & { json?: boolean }): Promise<void> {
  const feeds = await readFeeds(configFor(io, flags).fetchedDir);
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        feeds.map(({ url, title, addedAt, lastCheckedAt, seen, collection }) => ({
          url,
          title,
          collection: collection ?? DEFAULT_COLLECTION,
          addedAt,
          lastCheckedAt,
          items: seen.length,
        })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (feeds.length === 0) {
    io.stdout.write('No feeds yet. Add one with `whosaid feeds add URL`.\n');
    return;
  }
  for (const feed of feeds) {
    const checked = feed.lastCheckedAt ? `last checked ${feed.lastCheckedAt}` : 'not checked yet';
    io.stdout.write(
      `${feed.url}${feed.title ? ` “${feed.title}”` : ''} → ${feed.collection ?? DEFAULT_COLLECTION}: ${checked}, ${plural(feed.seen.length, 'item')} done (brought in, or failed for good)\n`,
    );
  }
}

export async function feedsRemoveAction(io: CliIo, url: string, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  const feeds = await readFeeds(config.fetchedDir);
  const kept = feeds.filter((feed) => feed.url !== url);
  if (kept.length === feeds.length)
    throw new WhosaidError('INPUT_INVALID', `Not following ${url} (see \`whosaid feeds list\`).`);
  await writeFeeds(config.fetchedDir, kept);
  io.stdout.write(
    `Stopped following ${url}. The articles it brought in stay indexed (they are files in ${config.fetchedDir}).\n`,
  );
}
