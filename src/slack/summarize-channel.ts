import type { WebClient } from '@slack/web-api';
import { CHANNEL_WINDOW_HOURS, membershipOf, readRecentChannel } from './channel-reader.js';
import { postMessages, tellPrivately } from './post-messages.js';
import { logFailure } from './slack-api-errors.js';
import type { SlackDeps } from './slack-deps.js';
import { type SummaryRequest, summarizeInto } from './summarize-in-thread.js';
import { addLinkMessage } from './views/add-link-text.js';

const NO_CHANNEL =
  'Which channel? Open it and ask me from the split pane (my icon in the top bar), or write “@whosaid summarize this channel” in it.';

/** A channel summary asked in a conversation: a DM with the bot (`privately`) or a channel. */
interface ChannelSummaryAsk {
  channel: string;
  threadTs: string;
  user: string;
  /** The channel to summarize; undefined when the request named none and none is being viewed. */
  target: string | undefined;
  privately: boolean;
}

/**
 * Answers "summarize this channel" where it was asked: in a DM the reply (summary or refusal) is
 * posted in its thread; in a channel a refusal is told to the asker alone.
 */
export async function summarizeChannelFor(
  client: WebClient,
  deps: SlackDeps,
  ask: ChannelSummaryAsk,
): Promise<void> {
  const where = { channel: ask.channel, threadTs: ask.threadTs, user: ask.user };
  const tell = (text: string) => tellPrivately(client, where, text);
  const reply = (text: string) => postMessages(deps, where, [addLinkMessage(text)]);
  const refuse = ask.privately ? reply : tell;
  if (!ask.target) {
    await refuse(NO_CHANNEL).catch((error: unknown) =>
      logFailure(deps.logger, error, 'could not ask which channel to summarize', { channel: ask.channel }),
    );
    return;
  }
  await summarizeChannel(client, deps, {
    ...where,
    target: ask.target,
    privately: ask.privately,
    notify: tell,
    refuse,
  });
}

interface ChannelSummaryRequest extends SummaryRequest {
  /** The channel to summarize. */
  target: string;
  /**
   * Whether the summary is posted in a DM with the asker (only they read it) rather than in a channel,
   * whose every member reads it.
   */
  privately: boolean;
  /** Says why it will not, where the request was made. */
  refuse(text: string): Promise<unknown>;
}

/**
 * "Summarize this channel": the last day of the channel's messages, summarized by the thread-summary
 * core — only when both the bot and the asker are members of it, so nobody is shown messages they
 * could not read themselves. In a channel only that channel is summarized (its members see the reply);
 * another channel is summarized only in the asker's DM.
 */
function summarizeChannel(client: WebClient, deps: SlackDeps, request: ChannelSummaryRequest): Promise<void> {
  const { target } = request;
  return summarizeInto(client, deps, request, {
    channel: target,
    heading: 'Channel summary',
    status: 'is reading the channel…',
    read: async () => {
      const refusal = await refusalFor(client, request);
      if (refusal) {
        await request.refuse(refusal);
        return null;
      }
      return readRecentChannel(client, deps.identity, target, new Date());
    },
    note: (read) =>
      `The channel's messages of the last ${CHANNEL_WINDOW_HOURS} hours${'capped' in read && read.capped ? ' (only the newest: there were more)' : ''}; replies inside threads are not included.`,
  });
}

/** Why the channel is not summarized for this asker here, or null when it may be. */
async function refusalFor(client: WebClient, request: ChannelSummaryRequest): Promise<string | null> {
  const { target } = request;
  if (target.startsWith('D'))
    return 'I summarize channels, not direct messages. Open a channel I’m in and ask me again.';
  if (!request.privately && target !== request.channel)
    return `I summarize another channel only in a direct message with you, so that only you see it. Ask me there, or in <#${target}> itself.`;
  const membership = await membershipOf(client, target, request.user);
  if (!membership.bot)
    return `I can’t summarize <#${target}>: I’m not a member of it. Invite me with \`/invite @whosaid\` and ask again.`;
  if (!membership.user)
    return `I can’t summarize <#${target}> for you: I summarize a channel only for its members, and I couldn’t find you among them.`;
  return null;
}
