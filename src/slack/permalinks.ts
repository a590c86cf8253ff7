import type { WebClient } from '@slack/web-api';

/**
 * Permalinks to messages. With the workspace URL from auth.test they are built locally (no API call per
 * point of a summary); without it chat.getPermalink is asked.
 * https://docs.slack.dev/reference/methods/chat.getPermalink
 */
export function buildPermalink(workspaceUrl: string, channel: string, ts: string, threadTs?: string): string {
  const base = `${workspaceUrl.replace(/\/?$/, '/')}archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${base}?thread_ts=${threadTs}` : base;
}

/** Permalinks for every ts of one thread (or of a channel's own messages: no threadTs), keyed by ts. */
export async function threadPermalinks(
  client: WebClient,
  options: { workspaceUrl: string | undefined; channel: string; threadTs?: string; timestamps: string[] },
): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const ts of new Set(options.timestamps)) {
    if (options.workspaceUrl) {
      links.set(ts, buildPermalink(options.workspaceUrl, options.channel, ts, options.threadTs));
    } else {
      const { permalink } = await client.chat.getPermalink({ channel: options.channel, message_ts: ts });
      if (permalink) links.set(ts, permalink);
    }
  }
  return links;
}
