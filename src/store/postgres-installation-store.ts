import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type pg from 'pg';

/** Marks an encrypted row: version, then base64 IV, tag and ciphertext (AES-256-GCM). */
const ENCRYPTED = 'aes256gcm:';

/**
 * Bolt's installationStore in PostgreSQL, shared by every replica: the workspace's (or, for an
 * org-wide install, the organisation's) latest installation, and each installing user's. With a
 * 32-byte `key`, tokens at rest are encrypted (AES-256-GCM, a fresh IV per row, authenticated, so a
 * row altered or moved to another key is refused rather than misread); without one they are stored as
 * Bolt gives them, and the database's own protection is all they have. Never logged.
 */
export class PostgresInstallationStore implements InstallationStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly key?: Buffer,
  ) {
    if (key && key.length !== 32) throw new Error('the installation key must be 32 bytes');
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const where = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    const sealed = this.seal(JSON.stringify(installation));
    const users = ['', ...(installation.user?.id ? [installation.user.id] : [])];
    for (const user of users)
      await this.pool.query(
        `INSERT INTO whosaid_installations (enterprise_id, team_id, user_id, installation) VALUES ($1, $2, $3, $4)
           ON CONFLICT (enterprise_id, team_id, user_id)
           DO UPDATE SET installation = EXCLUDED.installation, updated_at = now()`,
        [where.enterpriseId, where.teamId, user, sealed],
      );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const where = keyOf(query);
    const { rows } = await this.pool.query<{ installation: string }>(
      'SELECT installation FROM whosaid_installations WHERE enterprise_id = $1 AND team_id = $2 AND user_id = $3',
      [where.enterpriseId, where.teamId, query.userId ?? ''],
    );
    const row = rows[0];
    if (!row) throw new Error(`no installation for ${describe(query)}`);
    return JSON.parse(this.open(row.installation)) as Installation<'v1' | 'v2', boolean>;
  }

  /**
   * For `tokens_revoked` and `app_uninstalled`: with a user, that user's tokens only; without, the
   * whole workspace's (or organisation's) installation and every user's.
   */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const where = keyOf(query);
    await this.pool.query(
      `DELETE FROM whosaid_installations WHERE enterprise_id = $1 AND team_id = $2 ${query.userId ? 'AND user_id = $3' : ''}`,
      [where.enterpriseId, where.teamId, ...(query.userId ? [query.userId] : [])],
    );
  }

  private seal(text: string): string {
    if (!this.key) return text;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${ENCRYPTED}${[iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join(':')}`;
  }

  private open(stored: string): string {
    if (!stored.startsWith(ENCRYPTED)) {
      // A plain row when a key is set would mean tokens were stored unencrypted: refuse to mix.
      if (this.key) throw new Error('an installation is stored unencrypted although a key is configured');
      return stored;
    }
    if (!this.key) throw new Error('installations are encrypted: the key is needed to read them');
    const [iv, tag, data] = stored
      .slice(ENCRYPTED.length)
      .split(':')
      .map((part) => Buffer.from(part, 'base64'));
    if (!iv || !tag || !data) throw new Error('an encrypted installation is malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}

/** An org-wide install is found by its enterprise id for every workspace; any other by its team. */
function keyOf(query: { isEnterpriseInstall: boolean; enterpriseId?: string; teamId?: string }) {
  return query.isEnterpriseInstall
    ? { enterpriseId: query.enterpriseId ?? '', teamId: '' }
    : { enterpriseId: query.enterpriseId ?? '', teamId: query.teamId ?? '' };
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`;
}
