/**
 * Text helpers for Slack's mrkdwn. Message text and corpus text are untrusted: `&`, `<` and `>` are
 * escaped so nobody can smuggle `<!channel>` or a disguised link into what the bot posts.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters at a word boundary, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A link when the URL is a plain http(s) URL; otherwise just the (escaped) label. */
export function link(url: string | null | undefined, label: string): string {
  const safe = escapeText(label).replace(/\|/g, '¦');
  return url && /^https?:\/\/[^\s<>|]+$/.test(url) ? `<${url}|${safe}>` : safe;
}

/**
 * A date Slack renders in the reader's time zone, optionally linking somewhere.
 * https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */
export function slackDate(epochSeconds: number, format: string, fallback: string, url?: string): string {
  const target = url && /^https?:\/\/[^\s<>|^]+$/.test(url) ? `^${url}` : '';
  return `<!date^${Math.floor(epochSeconds)}^${format}${target}|${escapeText(fallback)}>`;
}

/** "Axios, 2024-10-27" from whichever of publisher and date are known. */
export function sourceLine(publisher: string | null | undefined, date: string | null | undefined): string {
  return [publisher, date]
    .filter((part): part is string => Boolean(part))
    .map(escapeText)
    .join(', ');
}
