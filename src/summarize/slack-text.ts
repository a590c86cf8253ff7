/**
 * Slack message text → readable plain text: mentions, channel links and URLs in Slack's
 * `<…>` markup resolved, HTML entities decoded. https://docs.slack.dev/messaging/formatting-message-text
 */
export function readableSlackText(text: string, names: Record<string, string> = {}): string {
  return text
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g,
      (_, id: string, label?: string) => `@${names[id] ?? label ?? id}`,
    )
    .replace(/<#C[A-Z0-9]+\|([^>]*)>/g, (_, name: string) => `#${name}`)
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]+))?>/g, (_, name?: string) => name ?? '@group')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
