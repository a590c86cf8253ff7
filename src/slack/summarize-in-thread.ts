import type { WebClient } from '@slack/web-api';
import { charactersText, INPUT_LIMITS } from './input-limits.js';
import { threadPermalinks } from './permalinks.js';
import { postMessages } from './post-messages.js';
import { withProgress } from './progress.js';
import { logFailure, userMessageFor } from './slack-api-errors.js';
import type { SlackDeps } from './slack-deps.js';
import { readThread } from './thread-reader.js';
import { summaryMessages } from './views/summary-blocks.js';
import { BusyError } from './work-queue.js';

export interface SummaryRequest {
  channel: string;
  threadTs: string;
  user: string;
  /** Tells the requester something privately (response_url for shortcuts, chat.postEphemeral otherwise). */
  notify(text: string): Promise<unknown>;
}

/**
 * The thread-summary flow shared by the message shortcut and "@whosaid summarize": read the whole thread,
 * look up names, summarize (core), and post the summary with per-point permalinks in the thread.
 */
export async function summarizeInThread(
  client: WebClient,
  deps: SlackDeps,
  request: SummaryRequest,
): Promise<void> {
  const { channel, threadTs } = request;
  try {
    // Off the request path, a few at a time (work-queue.ts); refused at once when the queue is full.
    await deps.work.run(() =>
      withProgress(client, deps, { channel, threadTs, status: 'is reading the thread…' }, async () => {
        const { messages, cut } = await readThread(client, deps.identity, channel, threadTs);
        if (cut > 0)
          await request
            .notify(longMessagesNote(cut))
            .catch((error: unknown) =>
              logFailure(deps.logger, error, 'could not tell the user about long messages', { channel }),
            );
        const summary = await deps.services.summarize({
          messages,
          botUserId: deps.identity.botUserId,
          lookupNames: (userIds) => deps.names.lookup(client, userIds),
        });
        const links = await threadPermalinks(client, {
          workspaceUrl: deps.identity.url,
          channel,
          threadTs,
          timestamps: summary.participants.flatMap((participant) =>
            participant.points.map((point) => point.ts),
          ),
        });
        await postMessages(
          deps,
          { channel, threadTs, user: request.user },
          summaryMessages(summary, (ts) => links.get(ts) ?? null),
        );
      }),
    );
    deps.logger.info({ channel, threadTs }, 'summarized a thread');
  } catch (error) {
    if (error instanceof BusyError) deps.logger.warn({ channel, threadTs }, 'too busy: declined a summary');
    else logFailure(deps.logger, error, 'could not summarize a thread', { channel, threadTs });
    await request
      .notify(userMessageFor(error))
      .catch((notifyError: unknown) =>
        logFailure(deps.logger, notifyError, 'could not tell the user about the failure', { channel }),
      );
  }
}

function longMessagesNote(count: number): string {
  const which = count === 1 ? 'One message in this thread is' : `${count} messages in this thread are`;
  return `${which} very long: the summary reads only the first ${charactersText(INPUT_LIMITS.threadMessage)} of each.`;
}
