import type { AnswerGenerator } from '../answer/generate-answer.js';
import type { Config } from '../config.js';
import type { SummaryGenerator } from '../summarize/generate-summary.js';
import { Wordnet } from '../text/wordnet.js';
import { createChatModel } from './chat-model.js';
import { loadPrompts } from './prompt-template.js';

export interface Generation {
  answer: AnswerGenerator;
  summary: SummaryGenerator;
  model: string;
}

/**
 * The generators for answers and summaries, or null when no OpenAI(-compatible) key is configured.
 * Prompts are loaded and their placeholders checked here, at start-up, not on the first question.
 */
export async function createGeneration(
  config: Pick<Config, 'openai' | 'promptsDir'>,
): Promise<Generation | null> {
  if (!config.openai) return null;
  const prompts = await loadPrompts(config.promptsDir);
  const model = await createChatModel(config.openai);
  const timeoutMs = config.openai.timeoutMs;
  return {
    answer: { model, prompt: prompts.answer, timeoutMs },
    summary: { model, prompt: prompts['summarize-thread'], timeoutMs, wordnet: new Wordnet() },
    model: config.openai.chatModel,
  };
}
