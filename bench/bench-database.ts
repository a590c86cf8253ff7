import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local server's maintenance database (DESIGN.md, "PostgreSQL"), from which benchmarks make their own. */
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `work` against a database of its own on the local server, dropped afterwards whatever happens. */
export async function withBenchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `whosaid_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    return await work(`postgres://postgres@127.0.0.1:5432/${name}`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
