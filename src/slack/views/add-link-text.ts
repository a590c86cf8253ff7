import type { AddLinkResult, FollowFeedOutcome } from '../../bot-services.js';
import type { SlackMessage } from './block-types.js';
import { escapeText, link } from './mrkdwn.js';

const OUTCOME: Record<'added' | 'updated' | 'unchanged', string> = {
  added: 'Added',
  updated: 'Updated',
  unchanged: 'Already had it, unchanged:',
};

/** The reply to "add": the document, what was found in it, and who is quoted most — or why it failed. */
export function addLinkText(url: string, result: AddLinkResult): string {
  if (!result.ok) return `I couldn't add ${escapeText(url)}: ${escapeText(result.reason)}`;
  const { summary } = result;
  const quoted = summary.topSpeaker
    ? `; quoted most: *${escapeText(summary.topSpeaker.name)}* (${summary.topSpeaker.quotes})`
    : '; nobody is quoted by name';
  return (
    `${OUTCOME[result.outcome]} ${link(summary.url ?? url, summary.title)}: ${count(summary.paragraphs, 'paragraph')}, ` +
    `${count(summary.quotes, 'attributed quote')}${quoted}. Ask me about it.`
  );
}

/** The reply to "follow": the feed, where its articles go and when they come — or why it failed. */
export function followFeedText(url: string, result: FollowFeedOutcome): string {
  if (!result.ok) return `I couldn't follow ${escapeText(url)}: ${escapeText(result.reason)}`;
  const name = result.title ? `“${escapeText(result.title)}”` : escapeText(url);
  const into = `*${escapeText(result.collection)}*`;
  if (result.outcome === 'already') return `I already follow ${name}; its articles go into ${into}.`;
  const when =
    result.refreshMinutes > 0
      ? `with the next refresh of the feeds (every ${count(result.refreshMinutes, 'minute')})`
      : 'when the feeds are next refreshed (`whosaid ingest --feeds`, or WHOSAID_FEEDS_INTERVAL)';
  return `Following ${link(url, result.title ?? url)} (${count(result.items, 'item')} now): its articles go into ${into} ${when}.`;
}

export function addRefusalText(adminChannel: string | undefined, configured: boolean): string {
  if (!configured)
    return 'Adding documents from Slack is off here. Whoever runs whosaid can turn it on with WHOSAID_ADMINS or WHOSAID_ADMIN_CHANNEL.';
  const where = adminChannel ? `, or ask in <#${adminChannel}>` : '';
  return `Sorry, only whosaid's admins can add documents. Ask one of them to add it${where}.`;
}

export const NO_LINK_TEXT =
  'That message has no link to add. Use *Add to whosaid* on a message with a link to an article, a PDF or a Word file.';

/** The reply as a message: one section, its text also the notification text. */
export function addLinkMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
