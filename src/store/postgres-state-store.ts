import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { ChannelBinding, FeedbackEntry, OutboxEntry, StateStore } from './state-store.js';

/**
 * First key of the advisory locks that mark live replicas (the second is the replica's owner number):
 * any fixed number distinct from the migrators' and index writers' locks ("who" in ASCII).
 */
const OWNER_LOCK_NAMESPACE = 0x77686f;
/** As for the pool (open-database.ts): a wrong host fails the start quickly. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Expired claims are deleted at most this often: a claim past its time never wins anyway. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The StateStore in PostgreSQL, shared by every replica of the bot. A claim is one INSERT … ON
 * CONFLICT that only one caller can win, so a Slack retry or the second delivery of a mention reaching
 * another replica is dropped there. Outbox entries belong to the replica that queued them; a replica
 * is known to be alive by a session advisory lock held on a connection of its own, which PostgreSQL
 * releases the moment that session ends — a replica killed mid-answer included. A replica starting
 * takes over the entries of replicas whose lock is gone (`outbox()`), so nothing queued is lost and no
 * live replica's reply is taken from it. Clock: the server's, the same for every replica.
 */
export class PostgresStateStore implements StateStore {
  private lastSweep = 0;

  private constructor(
    private readonly pool: pg.Pool,
    /** The connection whose session holds this replica's lock: closing it releases the lock. */
    private readonly lockHolder: pg.Client,
    private readonly owner: number,
    private readonly ownsPool: boolean,
  ) {}

  /**
   * Opens the store over `pool` (schema migrated: migrations/state); `url` opens the lock's connection.
   * `ownsPool`: `close` ends the pool too.
   */
  static async open(
    pool: pg.Pool,
    url: string,
    options: { ownsPool?: boolean } = {},
  ): Promise<PostgresStateStore> {
    const lockHolder = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An error on the idle lock connection (server restart) must not end the process; the lock is
    // then gone and another replica may deliver this one's entries, which the outbox tolerates: it
    // looks in the thread before posting an entry it took over (reply-marker.ts).
    lockHolder.on('error', () => {});
    await lockHolder.connect();
    try {
      for (;;) {
        // A random owner number: two replicas drawing the same one is caught by the lock itself.
        const owner = randomInt(1, 2 ** 31 - 1);
        const { rows } = await lockHolder.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1, $2) AS locked',
          [OWNER_LOCK_NAMESPACE, owner],
        );
        if (rows[0]?.locked)
          return new PostgresStateStore(pool, lockHolder, owner, options.ownsPool ?? false);
      }
    } catch (error) {
      await lockHolder.end().catch(() => {});
      throw error;
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    await this.sweepNowAndThen();
    const { rowCount } = await this.pool.query(
      `INSERT INTO whosaid_claims (key, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at
         WHERE whosaid_claims.expires_at <= now()`,
      [key, ttlMs],
    );
    return rowCount === 1;
  }

  async has(key: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM whosaid_claims WHERE key = $1 AND expires_at > now()',
      [key],
    );
    return (rowCount ?? 0) > 0;
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO whosaid_outbox (id, created_at, body, owner) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, owner = EXCLUDED.owner`,
      [entry.id, entry.createdAt, entry.body, this.owner],
    );
  }

  async removeOutbox(id: string): Promise<void> {
    await this.pool.query('DELETE FROM whosaid_outbox WHERE id = $1', [id]);
  }

  /**
   * This replica's entries and those of replicas that are gone (their lock is free), which become
   * this replica's. One UPDATE: two replicas starting at once never take the same entry (the second
   * re-checks each row after the first commits, and then finds its owner alive).
   */
  async outbox(): Promise<OutboxEntry[]> {
    const { rows } = await this.pool.query<{ id: string; created_at: string; body: Record<string, unknown> }>(
      `UPDATE whosaid_outbox AS entry SET owner = $2
        WHERE entry.owner = $2 OR NOT EXISTS (
          SELECT 1 FROM pg_locks AS lock
           WHERE lock.locktype = 'advisory' AND lock.granted AND lock.objsubid = 2
             AND lock.database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND lock.classid = $1::oid AND lock.objid = entry.owner::oid)
        RETURNING id, created_at, body`,
      [OWNER_LOCK_NAMESPACE, this.owner],
    );
    return rows
      .map((row) => ({ id: row.id, createdAt: Number(row.created_at), body: row.body }))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    await this.pool.query('INSERT INTO whosaid_feedback (entry) VALUES ($1)', [entry]);
  }

  async feedback(): Promise<FeedbackEntry[]> {
    const { rows } = await this.pool.query<{ entry: FeedbackEntry }>(
      'SELECT entry FROM whosaid_feedback ORDER BY id',
    );
    return rows.map((row) => row.entry);
  }

  async bindChannel(binding: ChannelBinding): Promise<void> {
    // '' stands for "no team" in the key: a primary key column cannot be null.
    const team = binding.team ?? '';
    if (binding.collections.length === 0) {
      await this.pool.query('DELETE FROM whosaid_channel_bindings WHERE team = $1 AND channel = $2', [
        team,
        binding.channel,
      ]);
      return;
    }
    await this.pool.query(
      `INSERT INTO whosaid_channel_bindings (team, channel, collections) VALUES ($1, $2, $3)
         ON CONFLICT (team, channel) DO UPDATE SET collections = EXCLUDED.collections`,
      [team, binding.channel, binding.collections],
    );
  }

  async channelBindings(): Promise<ChannelBinding[]> {
    const { rows } = await this.pool.query<{ team: string; channel: string; collections: string[] }>(
      'SELECT team, channel, collections FROM whosaid_channel_bindings',
    );
    return rows.map((row) => ({
      team: row.team || null,
      channel: row.channel,
      collections: row.collections,
    }));
  }

  /** Ends the lock's session: this replica's pending entries pass to the next replica that starts. */
  async close(): Promise<void> {
    await this.lockHolder.end();
    if (this.ownsPool) await this.pool.end();
  }

  private async sweepNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.pool.query('DELETE FROM whosaid_claims WHERE expires_at <= now()');
  }
}
