/**
 * The bot's own state — what it has already handled, what it still has to post, what people told it —
 * kept apart from the index: an index generation is replaced whole on every swap
 * (src/index/atomic-directory.ts), and this state must outlive swaps and restarts.
 *
 * The interface is small and async so a shared database can back it (several replicas of the bot);
 * the embedded default keeps it in a folder beside the index (file-state-store.ts). Every method
 * resolves only once its change is durable: a claim that returned true survives a crash.
 */
export interface StateStore {
  /**
   * Claims `key` for `ttlMs`: true for the first claim, false while an earlier claim is alive. Atomic,
   * so exactly one caller wins — the dedupe of Slack's retries and of a mention's two deliveries.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Whether `key` is claimed and not expired. */
  has(key: string): Promise<boolean>;
  /** Adds an outbox entry, or replaces the one with the same id (its progress). */
  putOutbox(entry: OutboxEntry): Promise<void>;
  /** Removes a delivered (or given-up) entry; removing an unknown id does nothing. */
  removeOutbox(id: string): Promise<void>;
  /** Every entry still to deliver, oldest first. */
  outbox(): Promise<OutboxEntry[]>;
  /** Appends one feedback click; feedback is kept, never expired. */
  recordFeedback(entry: FeedbackEntry): Promise<void>;
  /** Every feedback click recorded, oldest first. */
  feedback(): Promise<FeedbackEntry[]>;
  /**
   * Binds a channel of an installation to collections, replacing its earlier binding; no collections
   * unbinds it. Kept until changed, never expired.
   */
  bindChannel(binding: ChannelBinding): Promise<void>;
  /** Every channel binding, in no particular order. */
  channelBindings(): Promise<ChannelBinding[]>;
  /** Writes what is pending and releases the store (the embedded one: its lock). */
  close(): Promise<void>;
}

/** One pending delivery. `body` is the deliverer's own plain JSON (the store never reads it). */
export interface OutboxEntry {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  body: Record<string, unknown>;
}

/**
 * What a channel reads: `team` is the installation (team or enterprise id) it belongs to, or null for a
 * binding made on the command line without `--team`, which holds for that channel id in any
 * installation (what each installation may read is still checked when the binding is used).
 */
export interface ChannelBinding {
  team: string | null;
  channel: string;
  collections: string[];
}

/** A passage an answer cited: its document and paragraph. */
export interface FeedbackCitation {
  doc: string;
  paragraph: number;
}

/** One click on an answer's feedback buttons. */
export interface FeedbackEntry {
  value: string;
  user: string;
  /**
   * The installation (team or enterprise id) the click came from: with many workspaces, each one's
   * admins see only their own workspace's feedback. Absent in clicks recorded before it was kept.
   */
  team?: string;
  /** The question the answer answered, and the passages it cited (absent in clicks from before). */
  question?: string;
  citations?: FeedbackCitation[];
  channel: string | undefined;
  /** The answer message the buttons belong to. */
  messageTs: string | undefined;
  threadTs: string | undefined;
  at: string;
}
