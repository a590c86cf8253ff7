import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The project machines' server (trust auth): see DESIGN.md, "PostgreSQL". */
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

const HOW_TO_START =
  'Start it with `bash ../shared/scripts/install-pgvector.sh` (builds pgvector too) or ' +
  '`pg_ctlcluster --skip-systemctl-redirect 15 main start`.';

export interface TestDatabase {
  /** Connects as `postgres` (a superuser) to the new database. */
  url: string;
  name: string;
  /** A URL for `user` (made with `createRole`) to the same database. */
  urlAs(user: string): string;
  /** A login role without superuser rights, owning nothing; dropped with the database. */
  createRole(): Promise<string>;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `These tests need PostgreSQL at 127.0.0.1:5432 (user postgres, database test): ${(error as Error).message}. ${HOW_TO_START}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A pool to a test database. Dropping the database (WITH FORCE) ends every connection to it, and a
 * pool whose idle connection is ended that way emits 'error' — expected here, and harmless: unhandled
 * it would be an uncaught exception in whichever test first used that connection.
 */
export function testPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  pool.on('error', () => {});
  return pool;
}

/** A database of this test's own, created empty and dropped (with the roles made for it) by `drop`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `whosaid_test_${randomBytes(6).toString('hex')}`;
  const roles: string[] = [];
  await admin((client) => createDatabase(client, name));
  const urlAs = (user: string) => `postgres://${user}@127.0.0.1:5432/${name}`;
  return {
    url: urlAs('postgres'),
    name,
    urlAs,
    async createRole() {
      const role = `${name}_user${roles.length}`;
      await admin((client) => client.query(`CREATE ROLE ${role} LOGIN`));
      roles.push(role);
      // PostgreSQL 15 no longer lets every user create tables in `public`.
      await admin((client) => client.query(`GRANT ALL ON SCHEMA public TO ${role}`), urlAs('postgres'));
      return role;
    },
    async drop() {
      await admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        for (const role of roles) await client.query(`DROP ROLE IF EXISTS ${role}`);
      });
    },
  };
}

/**
 * CREATE DATABASE copies template1 and is refused while another session is connected to it (code
 * 55006), as happens briefly when test files create their databases at the same moment: try again.
 */
async function createDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`CREATE DATABASE ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
