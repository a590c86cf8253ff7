import type { ChatStreamer, WebClient } from '@slack/web-api';
import type { Answer } from '../answer/types.js';
import type { BotServices } from '../bot-services.js';
import { describeError } from '../errors.js';
import type { AnswerRequest } from './answer-request.js';
import { answerMarker } from './delivery/reply-marker.js';
import { postMessages } from './post-messages.js';
import type { SlackDeps } from './slack-deps.js';
import {
  answerDetailBlocks,
  answerFooterBlocks,
  answerMessages,
  citedSources,
} from './views/answer-blocks.js';
import { MAX_BLOCKS, toMessages } from './views/limits.js';
import { escapeText } from './views/mrkdwn.js';

/**
 * Streams a generated answer into the thread as verified text arrives (chat.startStream / appendStream /
 * stopStream through the SDK's ChatStreamer), then closes the message with quotes, sources and feedback
 * buttons. When streaming is unavailable or fails, the whole answer is posted as ordinary messages.
 * https://docs.slack.dev/messaging/sending-and-scheduling-messages#text-streaming
 */
export async function streamAnswer(
  client: WebClient,
  deps: SlackDeps,
  request: AnswerRequest,
  services: BotServices,
): Promise<Answer> {
  const askStream = services.askStream;
  if (!askStream) throw new Error('streamAnswer needs services that stream');
  let streamer: ChatStreamer | null = null;
  let streamed = '';
  let broken = false;
  const onText = async (text: string) => {
    if (broken || !text) return;
    try {
      streamer ??= client.chatStream({
        channel: request.channel,
        thread_ts: request.threadTs,
        // Required outside DMs: the stream is shown to the person who asked.
        ...(request.teamId ? { recipient_team_id: request.teamId } : {}),
        recipient_user_id: request.user,
      });
      await streamer.append({ markdown_text: escapeText(text) });
      streamed += text;
    } catch (error) {
      broken = true;
      deps.logger.warn({ error: describeError(error) }, 'streaming failed; posting the answer whole');
    }
  };
  const answer = await askStream(request.question, onText);
  const catalog = deps.catalog(services);
  const active = streamer as ChatStreamer | null;
  if (!active || broken || squash(streamed) !== squash(answer.answer)) {
    // Nothing (or not the final text) was streamed: post the whole answer, removing a partial stream.
    if (active?.ts)
      await client.chat.delete({ channel: request.channel, ts: active.ts }).catch(() => undefined);
    await postMessages(deps, request, answerMessages(answer, catalog, request.question));
    return answer;
  }
  const [closing, ...rest] = toMessages(
    answer.answer,
    answerDetailBlocks(answer, catalog),
    answerFooterBlocks(answer, catalog, request.question),
  );
  await active.stop({
    blocks: (closing?.blocks ?? []).slice(0, MAX_BLOCKS),
    metadata: answerMarker(citedSources(answer)),
  });
  if (rest.length > 0) await postMessages(deps, request, rest);
  return answer;
}

/** Streamed chunks and the final text may differ in spacing only. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
