import { createTestDatabase } from './postgres-database.js';

/** The two corpus index backends: hnswlib + MiniSearch in files, pgvector + full-text search in PostgreSQL. */
export const INDEX_BACKENDS = ['files', 'postgres'] as const;
export type IndexBackend = (typeof INDEX_BACKENDS)[number];

export interface BackendEnvironment {
  /** Settings to add to a test's environment so the corpus index lives in the backend. */
  env: Record<string, string>;
  /** Drops what the backend made (the test database); nothing for files. */
  drop(): Promise<void>;
}

/**
 * What puts a test's index in `backend`: for PostgreSQL a database of the test's own, with the index
 * there (`WHOSAID_INDEX_STORE=postgres`): the first process to open it builds and publishes it, and
 * every process answers from what PostgreSQL holds (vectors and keyword searches at query time).
 */
export async function indexBackend(backend: IndexBackend): Promise<BackendEnvironment> {
  if (backend === 'files') return { env: {}, drop: async () => {} };
  const database = await createTestDatabase();
  return {
    env: { WHOSAID_DATABASE_URL: database.url, WHOSAID_INDEX_STORE: 'postgres' },
    drop: () => database.drop(),
  };
}
