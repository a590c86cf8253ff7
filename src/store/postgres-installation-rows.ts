import type pg from 'pg';
import type { InstallationRows, RowKey } from './installation-store.js';

/**
 * Installation rows in PostgreSQL (table whosaid_installations, migrations/state), shared by every
 * replica. `installation` holds the sealed JSON (installation-store.ts encrypts before it gets here).
 */
export class PostgresInstallationRows implements InstallationRows {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { ownsPool?: boolean } = {},
  ) {}

  async get(key: RowKey): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ installation: string }>(
      'SELECT installation FROM whosaid_installations WHERE enterprise_id = $1 AND team_id = $2 AND user_id = $3',
      [key.enterpriseId, key.teamId, key.userId],
    );
    return rows[0]?.installation;
  }

  async put(key: RowKey, sealed: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO whosaid_installations (enterprise_id, team_id, user_id, installation) VALUES ($1, $2, $3, $4)
         ON CONFLICT (enterprise_id, team_id, user_id)
         DO UPDATE SET installation = EXCLUDED.installation, updated_at = now()`,
      [key.enterpriseId, key.teamId, key.userId, sealed],
    );
  }

  async replace(key: RowKey, expected: string, sealed: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE whosaid_installations SET installation = $5, updated_at = now()
         WHERE enterprise_id = $1 AND team_id = $2 AND user_id = $3 AND installation = $4`,
      [key.enterpriseId, key.teamId, key.userId, expected, sealed],
    );
    return rowCount === 1;
  }

  async remove(installation: Omit<RowKey, 'userId'>, userId?: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM whosaid_installations WHERE enterprise_id = $1 AND team_id = $2 ${userId === undefined ? '' : 'AND user_id = $3'}`,
      [installation.enterpriseId, installation.teamId, ...(userId === undefined ? [] : [userId])],
    );
  }

  async all(): Promise<{ key: RowKey; sealed: string }[]> {
    const { rows } = await this.pool.query<{
      enterprise_id: string;
      team_id: string;
      user_id: string;
      installation: string;
    }>('SELECT enterprise_id, team_id, user_id, installation FROM whosaid_installations');
    return rows.map((row) => ({
      key: { enterpriseId: row.enterprise_id, teamId: row.team_id, userId: row.user_id },
      sealed: row.installation,
    }));
  }

  async close(): Promise<void> {
    if (this.options.ownsPool) await this.pool.end();
  }
}
