import { answerToJson } from '../../answer/answer-json.js';
import { ask } from '../../answer/ask.js';
import { WhosaidError } from '../../errors.js';
import { answerToText } from '../format-answer.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

export interface AskFlags extends CorpusFlags {
  json?: boolean;
  k?: string;
}

export async function askAction(io: CliIo, question: string, flags: AskFlags): Promise<void> {
  if (!question.trim()) throw new WhosaidError('INPUT_INVALID', 'The question is empty.');
  const config = configFor(io, flags);
  // Digits only: "0x10" or "1e1" are numbers to JavaScript, not to someone typing -k.
  const k = flags.k === undefined ? config.topK : /^\d+$/.test(flags.k.trim()) ? Number(flags.k) : Number.NaN;
  if (!Number.isInteger(k) || k < 1 || k > 50) {
    throw new WhosaidError('INPUT_INVALID', `-k must be a whole number from 1 to 50 (got "${flags.k}").`);
  }
  // Offline, nothing of the model code is loaded.
  const generation = config.openai
    ? await (await import('../../llm/generation.js')).createGeneration(config)
    : null;
  const context = await openSearchContext(config, io, flags.collection);
  // The CLI is an edge: it reads the clock for the dates a question names ("since Monday").
  const answer = await ask(context, { question, k, generator: generation?.answer, now: new Date() });
  io.stdout.write(flags.json ? `${JSON.stringify(answerToJson(answer), null, 2)}\n` : answerToText(answer));
}
