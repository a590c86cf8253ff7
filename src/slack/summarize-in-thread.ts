import type { WebClient } from '@slack/web-api';
import { charactersText, INPUT_LIMITS } from './input-limits.js';
import { threadPermalinks } from './permalinks.js';
import { postMessages } from './post-messages.js';
import { withProgress } from './progress.js';
import { logFailure, userMessageFor } from './slack-api-errors.js';
import type { SlackDeps } from './slack-deps.js';
import { readThread, type ThreadRead } from './thread-reader.js';
import { summaryMessages } from './views/summary-blocks.js';
import { BusyError } from './work-queue.js';

export interface SummaryRequest {
  /** Where the summary is posted: a channel (or DM) and the thread in it. */
  channel: string;
  threadTs: string;
  user: string;
  /** Tells the requester something privately (response_url for shortcuts, chat.postEphemeral otherwise). */
  notify(text: string): Promise<unknown>;
}

/** What is summarized, and how the summary names it. */
export interface SummarySource {
  /** The conversation the messages are in, and their thread (none for a channel's own messages). */
  channel: string;
  threadTs?: string;
  heading: string;
  /** The status shown while it is read. */
  status: string;
  /** Reads the messages; null when it refused (and said why) instead. */
  read(): Promise<ThreadRead | null>;
  /** A line for the summary's footer (what was read), if any. */
  note?: (read: ThreadRead) => string | null;
}

/**
 * The thread-summary flow shared by the message shortcut and "@whosaid summarize": read the whole thread,
 * look up names, summarize (core), and post the summary with per-point permalinks in the thread.
 */
export function summarizeInThread(
  client: WebClient,
  deps: SlackDeps,
  request: SummaryRequest,
): Promise<void> {
  const { channel, threadTs } = request;
  return summarizeInto(client, deps, request, {
    channel,
    threadTs,
    heading: 'Thread summary',
    status: 'is reading the thread…',
    read: () => readThread(client, deps.identity, channel, threadTs),
  });
}

/**
 * Reads `source`, summarizes it with the core (the same for threads and channels) and posts the summary
 * where the request says, each point linked to its message; failures are logged and told privately.
 */
export async function summarizeInto(
  client: WebClient,
  deps: SlackDeps,
  request: SummaryRequest,
  source: SummarySource,
): Promise<void> {
  const { channel, threadTs } = request;
  try {
    // Off the request path, a few at a time (work-queue.ts); refused at once when the queue is full.
    await deps.work.run(() =>
      withProgress(client, deps, { channel, threadTs, status: source.status }, async () => {
        const read = await source.read();
        if (!read) return;
        if (read.cut > 0)
          await request
            .notify(longMessagesNote(read.cut, source.threadTs ? 'this thread' : 'this channel'))
            .catch((error: unknown) =>
              logFailure(deps.logger, error, 'could not tell the user about long messages', { channel }),
            );
        const summary = await deps.services.summarize({
          messages: read.messages,
          botUserId: deps.identity.botUserId,
          lookupNames: (userIds) => deps.names.lookup(client, userIds),
        });
        const links = await threadPermalinks(client, {
          workspaceUrl: deps.identity.url,
          channel: source.channel,
          threadTs: source.threadTs,
          timestamps: summary.participants.flatMap((participant) =>
            participant.points.map((point) => point.ts),
          ),
        });
        const note = source.note?.(read);
        await postMessages(
          deps,
          { channel, threadTs, user: request.user },
          summaryMessages(note ? { ...summary, notes: [note, ...summary.notes] } : summary, {
            heading: source.heading,
            permalink: (ts) => links.get(ts) ?? null,
          }),
        );
        deps.logger.info({ channel, threadTs, source: source.channel }, 'posted a summary');
      }),
    );
  } catch (error) {
    if (error instanceof BusyError) deps.logger.warn({ channel, threadTs }, 'too busy: declined a summary');
    else logFailure(deps.logger, error, 'could not summarize', { channel, threadTs });
    await request
      .notify(userMessageFor(error))
      .catch((notifyError: unknown) =>
        logFailure(deps.logger, notifyError, 'could not tell the user about the failure', { channel }),
      );
  }
}

function longMessagesNote(count: number, place: string): string {
  const which = count === 1 ? `One message in ${place} is` : `${count} messages in ${place} are`;
  return `${which} very long: the summary reads only the first ${charactersText(INPUT_LIMITS.threadMessage)} of each.`;
}
