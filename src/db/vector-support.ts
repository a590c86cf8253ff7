import type pg from 'pg';

/**
 * Whether this database can hold the corpus index, and if not, why — in words for the operator.
 * pgvector is not a trusted extension: only a superuser may create it, once per database; after
 * that any user with the schema's rights can use it.
 */
export async function vectorSupport(pool: pg.Pool): Promise<{ ok: true } | { ok: false; reason: string }> {
  const installed = await pool.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  if (installed.rowCount) return { ok: true };
  const available = await pool.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (!available.rowCount) {
    return {
      ok: false,
      reason:
        'the server has no pgvector extension; install it (your distribution\'s or PostgreSQL\'s "pgvector" package, or a managed PostgreSQL that offers it) and restart',
    };
  }
  const role = await pool.query<{ rolsuper: boolean }>(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
  );
  if (!role.rows[0]?.rolsuper) {
    return {
      ok: false,
      reason:
        'pgvector is installed on the server but not enabled in this database, and this user may not enable it; a superuser must run `CREATE EXTENSION vector;` in it once',
    };
  }
  return { ok: true };
}
