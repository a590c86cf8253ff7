import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Journal, readJournal } from './journal.js';
import { lockStateDir } from './state-lock.js';
import type { ChannelBinding, FeedbackEntry, OutboxEntry, StateStore } from './state-store.js';

/** Where the embedded store keeps the feedback clicks. */
function feedbackLogPath(dir: string): string {
  return join(dir, 'feedback.jsonl');
}

/**
 * The feedback clicks of the embedded store in `dir`, read while the bot may be running and appending
 * (the folder's lock is not taken: nothing is written). `skipped` counts unreadable lines.
 */
export async function readFeedbackLog(dir: string): Promise<{ entries: FeedbackEntry[]; skipped: number }> {
  const { records, skipped } = await readJournal(feedbackLogPath(dir));
  return { entries: records as FeedbackEntry[], skipped };
}

/** One line of state.jsonl. Each is idempotent: replaying it over a state that has it changes nothing. */
type StateRecord =
  | { claim: string; until: number }
  | { put: OutboxEntry }
  | { remove: string }
  | { bind: ChannelBinding };

/**
 * Compact once the file holds this many more lines than the live state needs: rewriting costs one
 * pass over the live state, so it is done when at least as many dead lines have piled up.
 */
const MIN_DEAD_LINES = 2_000;

/**
 * The embedded StateStore: everything lives in memory and every change is a line appended to
 * `DIR/state.jsonl` (group-committed, see journal.ts) before the call resolves; opening replays the
 * file. Expired claims and delivered entries are dropped by compaction, so the file and the memory stay
 * proportional to the live state. Feedback goes to `DIR/feedback.jsonl` and is never compacted away.
 * One process owns the folder at a time (a lock file with its pid).
 */
export class FileStateStore implements StateStore {
  private readonly claims = new Map<string, number>();
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly bindings = new Map<string, ChannelBinding>();
  private compacting: Promise<void> | null = null;

  private constructor(
    private readonly state: Journal,
    private readonly feedbackLog: Journal,
    private readonly unlock: () => Promise<void>,
    private readonly now: () => number,
  ) {}

  /** Opens (creating) the store in `dir`; `skipped` counts unreadable lines (none unless edited by hand). */
  static async open(
    dir: string,
    options: { now?: () => number } = {},
  ): Promise<{ store: FileStateStore; skipped: number }> {
    await mkdir(dir, { recursive: true });
    const unlock = await lockStateDir(dir);
    try {
      const state = await Journal.open(join(dir, 'state.jsonl'));
      const feedback = await Journal.open(feedbackLogPath(dir));
      const store = new FileStateStore(state.journal, feedback.journal, unlock, options.now ?? Date.now);
      for (const record of state.records) store.apply(record as StateRecord);
      return { store, skipped: state.skipped + feedback.skipped };
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.alive(key)) return false;
    // Decided in memory before any await: two claims of one key in this process cannot both win.
    const record: StateRecord = { claim: key, until: this.now() + ttlMs };
    this.apply(record);
    await this.write(record);
    return true;
  }

  async has(key: string): Promise<boolean> {
    return this.alive(key);
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    const record: StateRecord = { put: structuredClone(entry) };
    this.apply(record);
    await this.write(record);
  }

  async removeOutbox(id: string): Promise<void> {
    if (!this.entries.has(id)) return;
    const record: StateRecord = { remove: id };
    this.apply(record);
    await this.write(record);
  }

  async outbox(): Promise<OutboxEntry[]> {
    return [...this.entries.values()]
      .map((entry) => structuredClone(entry))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  recordFeedback(entry: FeedbackEntry): Promise<void> {
    return this.feedbackLog.append(entry);
  }

  async feedback(): Promise<FeedbackEntry[]> {
    return (await this.feedbackLog.records()) as FeedbackEntry[];
  }

  async bindChannel(binding: ChannelBinding): Promise<void> {
    const record: StateRecord = { bind: structuredClone(binding) };
    this.apply(record);
    await this.write(record);
  }

  async channelBindings(): Promise<ChannelBinding[]> {
    return [...this.bindings.values()].map((binding) => structuredClone(binding));
  }

  async close(): Promise<void> {
    await this.compacting;
    await this.state.close();
    await this.feedbackLog.close();
    await this.unlock();
  }

  private alive(key: string): boolean {
    const until = this.claims.get(key);
    return until !== undefined && until > this.now();
  }

  private apply(record: StateRecord): void {
    if ('claim' in record) {
      this.claims.set(record.claim, record.until);
    } else if ('put' in record) {
      this.entries.set(record.put.id, record.put);
    } else if ('bind' in record) {
      const key = `${record.bind.team ?? '*'}:${record.bind.channel}`;
      if (record.bind.collections.length > 0) this.bindings.set(key, record.bind);
      else this.bindings.delete(key);
    } else {
      this.entries.delete(record.remove);
    }
  }

  private async write(record: StateRecord): Promise<void> {
    await this.state.append(record);
    if (!this.compacting && this.state.lines > MIN_DEAD_LINES + 2 * this.liveCount()) {
      this.compacting = this.state
        .rewrite(() => this.snapshot())
        .finally(() => {
          this.compacting = null;
        });
      await this.compacting;
    }
  }

  private liveCount(): number {
    return this.claims.size + this.entries.size + this.bindings.size;
  }

  /** The live state as records, expired claims left out (and forgotten). */
  private snapshot(): StateRecord[] {
    const now = this.now();
    const records: StateRecord[] = [];
    for (const [key, until] of this.claims) {
      if (until > now) records.push({ claim: key, until });
      else this.claims.delete(key);
    }
    for (const entry of this.entries.values()) records.push({ put: entry });
    for (const binding of this.bindings.values()) records.push({ bind: binding });
    return records;
  }
}
