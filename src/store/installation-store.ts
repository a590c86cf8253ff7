import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { TokenSeal } from './token-seal.js';

/**
 * Where one installation row lives: an org-wide install by its enterprise id (team ''), any other by
 * its team (and enterprise, if any); `user` '' is the workspace's own row, otherwise one installing
 * user's. This is how Bolt looks installations up (InstallationQuery).
 */
export interface RowKey {
  enterpriseId: string;
  teamId: string;
  userId: string;
}

/** The storage under an installation store: sealed rows by key, in a database or a file. */
export interface InstallationRows {
  get(key: RowKey): Promise<string | undefined>;
  put(key: RowKey, sealed: string): Promise<void>;
  /** Replaces a row only if it still holds `expected` (a concurrent reinstall wins); true if replaced. */
  replace(key: RowKey, expected: string, sealed: string): Promise<boolean>;
  /** Removes the rows of one installation: `userId` set, that user's row only; unset, all of them. */
  remove(installation: Omit<RowKey, 'userId'>, userId?: string): Promise<void>;
  all(): Promise<{ key: RowKey; sealed: string }[]>;
  close(): Promise<void>;
}

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The workspace (or organisation) has no installation: never installed, or uninstalled since. */
export class NoInstallationError extends Error {}

/**
 * Bolt's installationStore (https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/) over
 * sealed rows: every installation is encrypted before it is stored (token-seal.ts), in PostgreSQL for
 * a team's replicas or in a file beside the index. Tokens are never logged.
 */
export class EncryptedInstallationStore implements InstallationStore {
  constructor(
    private readonly rows: InstallationRows,
    private readonly seal: TokenSeal,
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const where = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    const sealed = this.seal.seal(JSON.stringify(installation));
    // The workspace's row (what every event of it is answered with) and the installing user's own.
    await this.rows.put({ ...where, userId: '' }, sealed);
    if (installation.user?.id) await this.rows.put({ ...where, userId: installation.user.id }, sealed);
  }

  /**
   * The workspace's installation; with `userId` (Bolt passes the user of every event) that user's
   * own tokens in it when that user installed, none otherwise — never another user's token.
   */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const where = keyOf(query);
    const installation = await this.read({ ...where, userId: '' });
    if (!installation) throw new NoInstallationError(`no installation for ${describe(query)}`);
    if (!query.userId || installation.user?.id === query.userId) return installation;
    const own = await this.read({ ...where, userId: query.userId });
    return { ...installation, user: own?.user ?? { id: query.userId, token: undefined, scopes: undefined } };
  }

  /**
   * `app_uninstalled` (no user): every row of the workspace (or organisation). `tokens_revoked` for a
   * user: that user's row, and their token out of the workspace's row if they were its installer.
   */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const where = keyOf(query);
    if (!query.userId) return this.rows.remove(where);
    await this.rows.remove(where, query.userId);
    const key = { ...where, userId: '' };
    const stored = await this.rows.get(key);
    if (!stored) return;
    const installation = JSON.parse(this.seal.open(stored).text) as AnyInstallation;
    if (installation.user?.id !== query.userId) return;
    const withoutUser = { ...installation, user: { id: query.userId, token: undefined, scopes: undefined } };
    await this.rows.replace(key, stored, this.seal.seal(JSON.stringify(withoutUser)));
  }

  /**
   * Seals again, with the current key, every row sealed with a previous one (a key rotation); returns
   * how many. Safe with several replicas at once: a row changed meanwhile is left to its writer.
   */
  async reseal(): Promise<number> {
    let count = 0;
    for (const { key, sealed } of await this.rows.all()) {
      const { text, stale } = this.seal.open(sealed);
      if (stale && (await this.rows.replace(key, sealed, this.seal.seal(text)))) count += 1;
    }
    return count;
  }

  close(): Promise<void> {
    return this.rows.close();
  }

  private async read(key: RowKey): Promise<AnyInstallation | undefined> {
    const stored = await this.rows.get(key);
    return stored === undefined ? undefined : (JSON.parse(this.seal.open(stored).text) as AnyInstallation);
  }
}

/** An org-wide install is found by its enterprise id from every workspace; any other by its team. */
function keyOf(query: {
  isEnterpriseInstall: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): Omit<RowKey, 'userId'> {
  return query.isEnterpriseInstall
    ? { enterpriseId: query.enterpriseId ?? '', teamId: '' }
    : { enterpriseId: query.enterpriseId ?? '', teamId: query.teamId ?? '' };
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`;
}
