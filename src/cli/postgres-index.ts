import type { Config } from '../config.js';
import { describeDatabase } from '../db/database-url.js';
import type { PreparedDatabase } from '../db/prepare-database.js';
import type { Embedder } from '../index/embedder.js';
import type { IndexData } from '../index/index-store.js';
import type { IngestReport } from '../index/ingest.js';
import type { PostgresIndex } from '../index/postgres/load-postgres-index.js';
import type { PublishedServing } from '../index/postgres/serve-published-index.js';
import type { StreamIngestOptions, StreamIngestResult } from '../index/postgres/stream-postgres-ingest.js';
import type { ServedIndex } from '../index/served-index.js';
import { indexSources } from './index-sources.js';

type Opened = { index: IndexData; report: IngestReport | null };

/**
 * The index to answer from. Without a database, or with the index kept in files, `openFiles` as
 * always. With the index in PostgreSQL, the one published there (by `whosaid ingest` or the first
 * replica), so replicas share one index and none builds its own; when none is published yet, the
 * index is built here and published, then read back from PostgreSQL like any replica's. Vector
 * searches of an index read from PostgreSQL run there, over the pool kept open for it (which lets the
 * process exit when idle: see open-database.ts).
 */
export async function openIndexFor(
  config: Config,
  embedder: Embedder,
  openFiles: () => Promise<Opened>,
  notify: (message: string) => void,
): Promise<{ index: IndexData | ServedIndex; report: IngestReport | null }> {
  if (!config.database) return openFiles();
  const prepared = await openDatabaseIndex(config, notify);
  let keepPool = false;
  try {
    if (prepared.indexStore === 'files') return await openFiles();
    const { loadPostgresIndex } = await import('../index/postgres/load-postgres-index.js');
    let report: IngestReport | null = null;
    let published = await loadPostgresIndex(prepared.pool, embedder.id);
    if (!published) {
      notify(
        `No index in PostgreSQL at ${describeDatabase(config.database.url)} yet: building and publishing it…`,
      );
      // Streamed in one document at a time, as `whosaid ingest` does: no files index is built.
      const { streamIngestToPostgres } = await import('../index/postgres/stream-postgres-ingest.js');
      ({ report } = await streamIngestToPostgres(prepared.pool, { ...indexSources(config), embedder }));
      published = await loadPostgresIndex(prepared.pool, embedder.id);
    }
    if (!published) throw new Error('the index published to PostgreSQL could not be read back');
    keepPool = true;
    return { index: published, report };
  } finally {
    if (!keepPool) await prepared.pool.end();
  }
}

/**
 * `whosaid ingest` with the index in PostgreSQL: the corpus is streamed into it one document at a time
 * (stream-postgres-ingest.ts), never held whole in memory, and no files index is built. Null when the
 * index stays in files (no database, WHOSAID_INDEX_STORE=files, or no pgvector: then said why): the
 * caller ingests into files as always.
 */
export async function ingestIntoPostgres(
  config: Config,
  options: StreamIngestOptions,
  notify: (message: string) => void,
): Promise<StreamIngestResult | null> {
  if (!config.database) return null;
  const prepared = await openDatabaseIndex(config, notify);
  try {
    if (prepared.indexStore !== 'postgres') return null;
    const { streamIngestToPostgres } = await import('../index/postgres/stream-postgres-ingest.js');
    const result = await streamIngestToPostgres(prepared.pool, { notify, ...options });
    const { report } = result;
    notify(
      `Published the index to PostgreSQL at ${describeDatabase(config.database.url)}: ` +
        `${result.written} documents written, ${report.documents - result.written} unchanged, ` +
        `${report.removed.length} removed.`,
    );
    return result;
  } finally {
    await prepared.pool.end();
  }
}

async function openDatabaseIndex(
  config: Config,
  notify: (message: string) => void,
): Promise<PreparedDatabase> {
  const { prepareDatabase } = await import('../db/prepare-database.js');
  const database = config.database as NonNullable<Config['database']>;
  const prepared = await prepareDatabase(database);
  if (prepared.indexStore === 'files' && database.indexStore !== 'files')
    notify(`The corpus index stays in files in ${config.indexDir}: ${prepared.filesReason}.`);
  return prepared;
}

/**
 * For `serve`: with the index in PostgreSQL, the published index, followed as writers publish newer
 * versions (serve-published-index.ts); `serving` is null when nothing was published yet. Null when
 * the index stays in files (no database, WHOSAID_INDEX_STORE=files, or no pgvector: then said why).
 * The pool stays open for the process's life: the index's vector searches use it. `ingest` streams
 * the corpus into the published index over the same pool, as `whosaid ingest` does (a bot that adds
 * documents writes this way: it builds no files index).
 */
export async function openPublishedServing<T>(
  config: Config,
  embedderId: string,
  prepare: (index: PostgresIndex) => T,
  notify: (message: string, level: 'info' | 'warn') => void,
): Promise<{
  open: () => Promise<PublishedServing<T> | null>;
  ingest: (options: StreamIngestOptions) => Promise<StreamIngestResult>;
} | null> {
  if (!config.database) return null;
  const prepared = await openDatabaseIndex(config, (message) => notify(message, 'warn'));
  if (prepared.indexStore === 'files') {
    await prepared.pool.end();
    return null;
  }
  const { servePublishedIndex } = await import('../index/postgres/serve-published-index.js');
  const options = { pool: prepared.pool, url: config.database.url, embedderId, notify };
  return {
    open: () => servePublishedIndex(options, prepare),
    ingest: async (ingestOptions) => {
      const { streamIngestToPostgres } = await import('../index/postgres/stream-postgres-ingest.js');
      return streamIngestToPostgres(prepared.pool, ingestOptions);
    },
  };
}
