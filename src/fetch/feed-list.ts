import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { WhosaidError } from '../errors.js';

/** What whosaid remembers about one feed between runs. */
export interface FeedEntry {
  url: string;
  title: string | null;
  addedAt: string;
  /** Validators of the last complete fetch: the next one is conditional (304 when nothing changed). */
  etag: string | null;
  lastModified: string | null;
  lastCheckedAt: string | null;
  /** Keys (guid, else link) of items already brought in, so they are not fetched again. */
  seen: string[];
  /** The collection its articles go into; absent (lists written before collections) means `news`. */
  collection?: string;
}

interface FeedFile {
  version: 1;
  feeds: FeedEntry[];
}

/** A feed remembers at most this many item keys: feeds show their latest items, never years of them. */
const SEEN_LIMIT = 1000;

/**
 * The feed list lives in the fetched-documents folder, in a hidden file (the corpus listing skips
 * hidden files), so the feeds and the articles they brought travel together.
 */
function feedListPath(fetchedDir: string): string {
  return join(fetchedDir, '.feeds.json');
}

export async function readFeeds(fetchedDir: string): Promise<FeedEntry[]> {
  const path = feedListPath(fetchedDir);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return [];
  try {
    const parsed = JSON.parse(text) as Partial<FeedFile>;
    if (!Array.isArray(parsed.feeds)) throw new Error('no "feeds" list');
    return parsed.feeds.filter((feed): feed is FeedEntry => typeof feed?.url === 'string');
  } catch (error) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `The feed list ${path} is damaged (${(error as Error).message}); fix or remove it, then add the feeds again.`,
    );
  }
}

/** Written through a temporary file renamed into place: an interrupted write keeps the old list. */
export async function writeFeeds(fetchedDir: string, feeds: FeedEntry[]): Promise<void> {
  const path = feedListPath(fetchedDir);
  await mkdir(dirname(path), { recursive: true });
  const trimmed = feeds.map((feed) => ({ ...feed, seen: feed.seen.slice(-SEEN_LIMIT) }));
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(
    temporary,
    `${JSON.stringify({ version: 1, feeds: trimmed } satisfies FeedFile, null, 2)}\n`,
  );
  await rename(temporary, path);
}

export function newFeed(url: string, title: string | null, collection = 'news'): FeedEntry {
  return {
    url,
    title,
    collection,
    addedAt: new Date().toISOString(),
    etag: null,
    lastModified: null,
    lastCheckedAt: null,
    seen: [],
  };
}
