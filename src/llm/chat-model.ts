import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { OpenAIConfig } from '../config.js';

/**
 * The chat model for generated answers and summaries. The rest of the code sees only langchain's
 * `BaseChatModel`, so another provider is a change to this one function.
 * Retries: langchain retries 429 (when the server says how long to wait) and 5xx with exponential
 * backoff, at most `maxRetries` times; callers also pass an overall deadline (AbortSignal).
 */
export function createChatModel(config: OpenAIConfig): BaseChatModel {
  return new ChatOpenAI({
    apiKey: config.apiKey,
    model: config.chatModel,
    temperature: 0,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    configuration: { baseURL: config.baseURL },
  });
}
