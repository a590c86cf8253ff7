import type { WebClient } from '@slack/web-api';
import { BoundedMap } from '../bounded-map.js';
import type { Logger } from '../logger.js';
import { slackErrorCode } from './slack-api-errors.js';

/**
 * Display names from users.info, cached: a summary names each participant, and users.info is rate
 * limited (Tier 4). https://docs.slack.dev/reference/methods/users.info — the cache is bounded (the
 * least recently used names are forgotten), since threads can name any number of users over time.
 */
export class UserNames {
  /** Names by user id; '' records a lookup that failed, so it is not repeated. */
  private readonly cache: BoundedMap<string, string>;

  constructor(
    private readonly logger: Logger,
    capacity = 10_000,
  ) {
    this.cache = new BoundedMap(capacity);
  }

  /** Names for the given user ids; users whose lookup fails are left out (the caller falls back). */
  async lookup(client: WebClient, userIds: Iterable<string>): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    for (const user of new Set(userIds)) {
      const name = this.cache.has(user) ? this.cache.get(user) : await this.fetch(client, user);
      if (name) names[user] = name;
    }
    return names;
  }

  private async fetch(client: WebClient, user: string): Promise<string | undefined> {
    try {
      const { user: info } = await client.users.info({ user });
      const name =
        info?.profile?.display_name || info?.profile?.real_name || info?.real_name || info?.name || '';
      this.cache.set(user, name);
      return name;
    } catch (error) {
      // Deleted or external users: the summary falls back to the name in the message, or the id.
      const slackError = slackErrorCode(error);
      this.logger.warn({ user, slackError }, 'users.info failed; using the name in the message');
      if (slackError !== 'ratelimited') this.cache.set(user, '');
      return undefined;
    }
  }
}
