import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { OpenAIConfig } from '../config.js';

/**
 * The chat model for generated answers and summaries: `ChatOpenAI` from @langchain/openai, built through
 * langchain's provider-agnostic `initChatModel`, so another provider is a change of the "openai:" prefix
 * (and its package). The rest of the code sees only langchain's `BaseChatModel`.
 * Retries: langchain retries 429 (when the server says how long to wait) and 5xx with exponential
 * backoff, at most `maxRetries` times; callers also pass an overall deadline (AbortSignal).
 * langchain is imported here, when a model is configured, never by an offline command.
 */
export async function createChatModel(config: OpenAIConfig): Promise<BaseChatModel> {
  const { initChatModel } = await import('langchain');
  return initChatModel(`openai:${config.chatModel}`, {
    apiKey: config.apiKey,
    temperature: 0,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    configuration: { baseURL: config.baseURL },
  });
}
