import type { WebClient } from '@slack/web-api';
import type { Answer } from '../answer/types.js';
import type { AnswerRequest } from './answer-request.js';
import { charactersText, cutToLength, INPUT_LIMITS } from './input-limits.js';
import { postMessages, tellPrivately } from './post-messages.js';
import { withProgress } from './progress.js';
import { logFailure, userMessageFor } from './slack-api-errors.js';
import { type SlackDeps, threadKey } from './slack-deps.js';
import { streamAnswer } from './stream-answer.js';
import { answerMessages } from './views/answer-blocks.js';

const LONG_QUESTION = `Your message was long, so I read only its first ${charactersText(INPUT_LIMITS.question)}. Ask about one thing at a time for the best answer.`;

const EMPTY_QUESTION =
  'Ask me a question about the indexed documents, e.g. “Who warned about relying on one provider?” — or try `/quote Meyer`.';

/**
 * The Ask flow: one question in, one threaded answer out (streamed when the core can stream). Every
 * failure is logged and, where Slack lets us, told to the asker privately.
 */
export async function answerInThread(
  client: WebClient,
  deps: SlackDeps,
  asked: AnswerRequest,
): Promise<void> {
  const { channel, threadTs } = asked;
  const { text: question, cut } = cutToLength(asked.question, INPUT_LIMITS.question);
  const request = { ...asked, question };
  try {
    // In auto-answer channels a message may not be meant for the bot at all: no note there.
    if (cut && !request.onlyIfSupported) {
      await tellPrivately(client, { channel, user: request.user, threadTs }, LONG_QUESTION).catch(
        (error: unknown) =>
          logFailure(deps.logger, error, 'could not tell the asker their question was cut', { channel }),
      );
    }
    if (!request.question) {
      await postMessages(client, channel, threadTs, [{ text: EMPTY_QUESTION, blocks: [] }]);
      return;
    }
    if (request.onlyIfSupported) {
      const answer = await deps.services.ask(request.question, { unsolicited: true });
      if (answer.abstained) {
        deps.logger.debug({ channel }, 'auto-answer skipped: the documents do not support an answer');
        return;
      }
      await postMessages(client, channel, threadTs, answerMessages(answer, deps.catalog()));
    } else {
      await withProgress(client, deps, { channel, threadTs, status: 'is reading the documents…' }, () =>
        reply(client, deps, request),
      );
    }
    deps.answeredThreads.add(threadKey(channel, threadTs));
    deps.logger.info({ channel, threadTs }, 'answered a question');
  } catch (error) {
    logFailure(deps.logger, error, 'could not answer a question', { channel, threadTs });
    await tellPrivately(client, { channel, user: request.user, threadTs }, userMessageFor(error)).catch(
      (notifyError: unknown) =>
        logFailure(deps.logger, notifyError, 'could not tell the user about the failure', { channel }),
    );
  }
}

async function reply(client: WebClient, deps: SlackDeps, request: AnswerRequest): Promise<Answer> {
  const { askStream } = deps.services;
  if (askStream) return streamAnswer(client, deps, request, askStream);
  const answer = await deps.services.ask(request.question);
  await postMessages(client, request.channel, request.threadTs, answerMessages(answer, deps.catalog()));
  return answer;
}
