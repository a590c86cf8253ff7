/**
 * A bounded memory of keys seen recently (oldest forgotten first). Used to answer each question once:
 * Slack retries deliveries it thinks were not acknowledged, and a mention arrives both as `app_mention`
 * and as `message`. https://docs.slack.dev/apis/events-api/#retries
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time a key is claimed; false while it is remembered. */
  claim(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.add(key);
    return true;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    this.keys.delete(key);
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
  }
}
