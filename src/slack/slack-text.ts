import type { SummarizeInput } from '../summarize/types.js';

/**
 * Slack message text → readable plain text: mentions, channel links and URLs in Slack's
 * `<…>` markup resolved, HTML entities decoded. https://docs.slack.dev/messaging/formatting-message-text
 * No markup contains `<` or `>` inside it, so the patterns exclude both: each match attempt then stops at
 * the next bracket, and a message of 40,000 unclosed `<` costs linear time, not quadratic.
 */
export function readableSlackText(text: string, names: Record<string, string> = {}): string {
  return text
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^<>]+))?>/g,
      (_, id: string, label?: string) => `@${names[id] ?? label ?? id}`,
    )
    .replace(/<#C[A-Z0-9]+\|([^<>]*)>/g, (_, name: string) => `#${name}`)
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^<>]+))?>/g, (_, name?: string) => name ?? '@group')
    .replace(/<([^<>|]+)\|([^<>]+)>/g, '$2')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A saved or fetched thread with its Slack markup made readable, before the (markup-agnostic) core
 * summarizes it: mentions become the names given in `input.names` or the authors' profiles.
 */
export function readableThread(input: SummarizeInput): SummarizeInput {
  const names: Record<string, string> = { ...input.names };
  for (const message of input.messages) {
    const profile = message.user_profile;
    const name = profile?.real_name || profile?.display_name || profile?.name;
    if (message.user && name) names[message.user] ??= name;
  }
  return {
    ...input,
    messages: input.messages.map((message) =>
      typeof message.text === 'string'
        ? { ...message, text: readableSlackText(message.text, names) }
        : message,
    ),
  };
}
