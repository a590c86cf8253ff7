import type { WebClient } from '@slack/web-api';
import type { Answer } from '../answer/types.js';
import type { BotServices } from '../bot-services.js';
import type { AnswerRequest } from './answer-request.js';
import { servicesIn } from './channel-services.js';
import { readEarlierTurns } from './conversation-turns.js';
import { charactersText, cutToLength, INPUT_LIMITS } from './input-limits.js';
import { postMessages, tellPrivately } from './post-messages.js';
import { withProgress } from './progress.js';
import { logFailure, userMessageFor } from './slack-api-errors.js';
import { markThreadAnswered, type SlackDeps } from './slack-deps.js';
import { streamAnswer } from './stream-answer.js';
import { answerMessages } from './views/answer-blocks.js';
import { BusyError } from './work-queue.js';

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
  const where = { channel, threadTs, user: request.user };
  try {
    // In auto-answer channels a message may not be meant for the bot at all: no note there.
    if (cut && !request.onlyIfSupported) {
      await tellPrivately(client, { channel, user: request.user, threadTs }, LONG_QUESTION).catch(
        (error: unknown) =>
          logFailure(deps.logger, error, 'could not tell the asker their question was cut', { channel }),
      );
    }
    // Off the request path, a few at a time (work-queue.ts); refused at once when the queue is full.
    await deps.work.run(async () => {
      // The viewed channel's binding first, then the conversation's own (a DM an admin bound).
      const services = await servicesIn(deps, {
        team: request.teamId ?? null,
        ...(request.readsChannel ? { channel: request.readsChannel, fallback: channel } : { channel }),
      });
      if (!request.question) {
        await postMessages(deps, where, [{ text: EMPTY_QUESTION, blocks: [] }]);
        return;
      }
      const followUp = await readFollowUp(client, deps, services, request);
      if (followUp.aboutSources) {
        await postMessages(
          deps,
          where,
          answerMessages(followUp.aboutSources, deps.catalog(services), request.question),
        );
        await markThreadAnswered(deps, channel, threadTs);
        deps.logger.info({ channel, threadTs }, 'answered a question about the sources');
        return;
      }
      request.question = followUp.question;
      if (request.onlyIfSupported) {
        const answer = await services.ask(request.question, { unsolicited: true });
        if (answer.abstained) {
          deps.logger.debug({ channel }, 'auto-answer skipped: the documents do not support an answer');
          return;
        }
        await postMessages(deps, where, answerMessages(answer, deps.catalog(services), request.question));
      } else {
        await withProgress(client, deps, { channel, threadTs, status: 'is reading the documents…' }, () =>
          reply(client, deps, services, request),
        );
      }
      await markThreadAnswered(deps, channel, threadTs);
      deps.logger.info({ channel, threadTs }, 'answered a question');
    });
  } catch (error) {
    if (error instanceof BusyError) deps.logger.warn({ channel, threadTs }, 'too busy: declined a question');
    else logFailure(deps.logger, error, 'could not answer a question', { channel, threadTs });
    await tellPrivately(client, { channel, user: request.user, threadTs }, userMessageFor(error)).catch(
      (notifyError: unknown) =>
        logFailure(deps.logger, notifyError, 'could not tell the user about the failure', { channel }),
    );
  }
}

/**
 * A reply in a thread is read against the thread's earlier turns (the asker's questions, the bot's
 * answers), so "and what did he say about X?" is answered about the person the conversation is about.
 * If the thread cannot be read, the question is answered as asked.
 */
async function readFollowUp(
  client: WebClient,
  deps: SlackDeps,
  services: BotServices,
  request: AnswerRequest,
): Promise<{ question: string; aboutSources?: Answer }> {
  const { messageTs, threadTs, channel, user } = request;
  const asked = { question: request.question };
  if (!messageTs || messageTs === threadTs || !request.question) return asked;
  try {
    const turns = await readEarlierTurns(client, deps.identity, { channel, threadTs, messageTs, user });
    // "which letter was that?" is about the previous answer's documents, not a search of them.
    const aboutSources = request.onlyIfSupported
      ? null
      : await services.answerAboutSources(request.question, turns);
    if (aboutSources) return { ...asked, aboutSources };
    const followUp = services.resolveFollowUp(request.question, turns);
    if (followUp.readAs) deps.logger.debug({ channel, threadTs }, 'read a follow-up against the thread');
    return { question: followUp.question };
  } catch (error) {
    logFailure(deps.logger, error, 'could not read the thread for a follow-up', { channel, threadTs });
    return asked;
  }
}

async function reply(
  client: WebClient,
  deps: SlackDeps,
  services: BotServices,
  request: AnswerRequest,
): Promise<Answer> {
  if (services.askStream) return streamAnswer(client, deps, request, services);
  const answer = await services.ask(request.question);
  await postMessages(deps, request, answerMessages(answer, deps.catalog(services), request.question));
  return answer;
}
