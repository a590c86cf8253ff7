import pg from 'pg';
import { describeError, WhosaidError } from '../errors.js';
import { describeDatabase } from './database-url.js';

/** Long enough for a server across a network, short enough that a wrong host fails the start quickly. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A connection pool to PostgreSQL, checked with one round trip so a wrong URL, a stopped server or a
 * refused login fails at start-up with one line saying which database and how to fix it (the
 * password is never shown).
 */
export async function openDatabase(url: string): Promise<pg.Pool> {
  // allowExitOnIdle: idle connections do not keep the process alive, so a command that searched the
  // index in PostgreSQL (`ask`) exits when it is done; a server stays up by its own listeners.
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max: 10,
    allowExitOnIdle: true,
  });
  // An idle client whose server goes away emits 'error' on the pool; unhandled, it would end the
  // process. The next query fails with its own error, which is what callers handle.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new WhosaidError(
      'DATABASE_UNAVAILABLE',
      `Cannot use PostgreSQL at ${describeDatabase(url)} (${describeError(error)}). ` +
        'Check that the server is running and that WHOSAID_DATABASE_URL names it, with the right user and password.',
      { cause: error },
    );
  }
  return pool;
}
