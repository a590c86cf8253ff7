import { WhosaidError } from '../../errors.js';
import { decodeMarkup } from '../../fetch/decode-markup.js';
import { newFeed, readFeeds, writeFeeds } from '../../fetch/feed-list.js';
import { fetchUrl } from '../../fetch/fetch-url.js';
import { checkFetchedLocation } from '../../fetch/fetched-store.js';
import { parseFeed } from '../../fetch/pull-feeds.js';
import { plural } from '../format-fetched.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor } from '../runtime.js';

export async function feedsAddAction(io: CliIo, url: string, flags: CorpusFlags): Promise<void> {
  const config = configFor(io, flags);
  checkFetchedLocation(config.fetchedDir, config.corpusDir);
  const feeds = await readFeeds(config.fetchedDir);
  if (feeds.some((feed) => feed.url === url)) {
    io.stdout.write(`Already following ${url}.\n`);
    return;
  }
  // Checked now, so a typo or a page that is not a feed is found when it is added, not at every run.
  const result = await fetchUrl({ url, accept: ['feed'] }, config.fetch);
  if (result.status !== 'ok') throw new Error('unreachable: no validators were sent');
  const parsed = await parseFeed(decodeMarkup(result.bytes, result.contentType), result.url);
  // No validators are kept yet: the first `ingest --feeds` must get the items, not a 304.
  await writeFeeds(config.fetchedDir, [...feeds, newFeed(url, parsed.title)]);
  io.stdout.write(
    `Following ${url}${parsed.title ? ` (“${parsed.title}”)` : ''}: ${plural(parsed.items.length, 'item')} now. ` +
      'Run `whosaid ingest --feeds` to bring its articles in.\n',
  );
}

export async function feedsListAction(io: CliIo, flags: CorpusFlags & { json?: boolean }): Promise<void> {
  const feeds = await readFeeds(configFor(io, flags).fetchedDir);
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        feeds.map(({ url, title, addedAt, lastCheckedAt, seen }) => ({
          url,
          title,
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
      `${feed.url}${feed.title ? ` “${feed.title}”` : ''}: ${checked}, ${plural(feed.seen.length, 'item')} done (brought in, or failed for good)\n`,
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
