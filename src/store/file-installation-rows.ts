import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstallationRows, RowKey } from './installation-store.js';
import { Journal } from './journal.js';

interface Row {
  key: RowKey;
  sealed: string;
}

/**
 * The embedded installation rows: `DIR/installations.jsonl` in the bot's state folder (beside the
 * index, owned by one process through the state folder's lock). Installs and uninstalls are rare, so
 * every change rewrites the whole file (synced, then renamed into place): a removed token is gone from
 * the disk at once, not left behind in an append-only log.
 */
export class FileInstallationRows implements InstallationRows {
  private constructor(
    private readonly journal: Journal,
    private readonly rows: Map<string, Row>,
  ) {}

  static async open(dir: string): Promise<FileInstallationRows> {
    await mkdir(dir, { recursive: true });
    const { journal, records } = await Journal.open(join(dir, 'installations.jsonl'));
    const rows = new Map<string, Row>();
    for (const record of records as Row[]) rows.set(id(record.key), record);
    return new FileInstallationRows(journal, rows);
  }

  async get(key: RowKey): Promise<string | undefined> {
    return this.rows.get(id(key))?.sealed;
  }

  put(key: RowKey, sealed: string): Promise<void> {
    this.rows.set(id(key), { key: { ...key }, sealed });
    return this.write();
  }

  async replace(key: RowKey, expected: string, sealed: string): Promise<boolean> {
    if (this.rows.get(id(key))?.sealed !== expected) return false;
    await this.put(key, sealed);
    return true;
  }

  remove(installation: Omit<RowKey, 'userId'>, userId?: string): Promise<void> {
    for (const [rowId, row] of this.rows)
      if (
        row.key.enterpriseId === installation.enterpriseId &&
        row.key.teamId === installation.teamId &&
        (userId === undefined || row.key.userId === userId)
      )
        this.rows.delete(rowId);
    return this.write();
  }

  async all(): Promise<Row[]> {
    return [...this.rows.values()].map((row) => ({ key: { ...row.key }, sealed: row.sealed }));
  }

  close(): Promise<void> {
    return this.journal.close();
  }

  private write(): Promise<void> {
    return this.journal.rewrite(() => [...this.rows.values()]);
  }
}

function id(key: RowKey): string {
  return JSON.stringify([key.enterpriseId, key.teamId, key.userId]);
}
