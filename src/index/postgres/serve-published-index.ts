import type pg from 'pg';
import { describeError } from '../../errors.js';
import { LiveIndex } from '../live-index.js';
import { coalesced } from '../serving-index.js';
import { followPublications } from './follow-publications.js';
import { loadPostgresIndex, type PostgresIndex } from './load-postgres-index.js';

export interface PublishedServing<T> {
  live: LiveIndex<PostgresIndex, T>;
  /** Swaps to the published index when it is newer than the one served; true when it did. */
  reload(): Promise<boolean>;
  /** Stops following publications (the pool is the caller's). */
  stop(): Promise<void>;
}

export interface ServePublishedOptions {
  pool: pg.Pool;
  /** The database's URL, for the connection that listens for publications. */
  url: string;
  embedderId: string;
  /** Swaps and failures, in words for the log. */
  notify: (message: string, level: 'info' | 'warn') => void;
}

/**
 * The index a replica answers from: the one published in PostgreSQL, read once, then followed — when
 * a writer publishes a newer version (`whosaid ingest`, or the bot that adds documents) it is read in
 * full and swapped in as a new generation; answers under way finish on the one they started on
 * (live-index.ts). Nothing is held outside the JavaScript heap (vectors stay in PostgreSQL), so a
 * replaced generation needs no release. Null when nothing was published yet.
 */
export async function servePublishedIndex<T>(
  options: ServePublishedOptions,
  prepare: (index: PostgresIndex) => T,
): Promise<PublishedServing<T> | null> {
  const first = await loadPostgresIndex(options.pool, options.embedderId);
  if (!first) return null;
  const live = new LiveIndex<PostgresIndex, T>(first, { prepare, release: () => {} });
  const reload = coalesced(async () => {
    const { rows } = await options.pool.query<{ published_at: string }>(
      'SELECT updated_at::text AS published_at FROM whosaid_index',
    );
    if (rows[0]?.published_at === undefined || rows[0].published_at === live.index.publishedAt) return false;
    const next = await loadPostgresIndex(options.pool, options.embedderId);
    if (!next) return false;
    live.swap(next);
    options.notify(
      `Now answering from the index published in PostgreSQL at ${next.publishedAt} (generation ${live.generation}, ${next.documents.length} documents).`,
      'info',
    );
    return true;
  });
  const follow = () =>
    void reload().catch((error: unknown) =>
      options.notify(
        `Reading the newly published index failed (${describeError(error)}); still answering from the one published at ${live.index.publishedAt}.`,
        'warn',
      ),
    );
  const follower = await followPublications(options.url, follow, (error) =>
    options.notify(
      `Lost the connection that follows index publications (${describeError(error)}); reconnecting.`,
      'warn',
    ),
  );
  // A publication between the first read and the LISTEN would be missed: look once now.
  follow();
  return { live, reload, stop: () => follower.stop() };
}
