import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { z } from 'zod';
import { attributeValue, neutralizeTags } from '../llm/data-block.js';
import { type PromptTemplate, renderUserPrompt } from '../llm/prompt-template.js';
import type { Wordnet } from '../text/wordnet.js';
import { displayName, humanMessages, summarizeThread } from './summarize-thread.js';
import type { SummarizeInput, ThreadSummary } from './types.js';
import { verifySummary } from './verify-summary.js';

export interface SummaryGenerator {
  model: BaseChatModel;
  prompt: PromptTemplate;
  timeoutMs: number;
  /** Synonyms for checking that points are found in their messages. */
  wordnet: Wordnet;
}

const replySchema = z.object({
  summary: z.string().min(1),
  participants: z.array(
    z.object({
      user: z.string().optional(),
      points: z.array(z.object({ text: z.string().min(1), message: z.string() })),
    }),
  ),
});

/**
 * A generated thread summary, checked by `verifySummary` before anyone sees it (points cite real
 * messages, credited to their real authors, and are found in them). Throws when the model fails or
 * replies with something unusable; the caller falls back to the extractive summary.
 */
export async function generateSummary(
  generator: SummaryGenerator,
  input: SummarizeInput,
): Promise<ThreadSummary> {
  const messages = humanMessages(input);
  const names: Record<string, string> = {};
  for (const message of messages) names[message.user] = displayName(message, input.names);
  const transcript = messages
    .map((message, i) => {
      const text = neutralizeTags(message.text);
      return `<message id="m${i + 1}" user="${attributeValue(message.user)}" name="${attributeValue(names[message.user] ?? '')}">\n${text}\n</message>`;
    })
    .join('\n');
  const reply = await generator.model.invoke(
    [
      ['system', generator.prompt.system],
      ['human', renderUserPrompt(generator.prompt, { transcript })],
    ],
    { signal: AbortSignal.timeout(generator.timeoutMs) },
  );
  const raw = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
  const parsed = replySchema.parse(JSON.parse(raw.replace(/^\s*```(?:json)?|```\s*$/g, '')));
  const readable = messages.map((message) => ({
    user: message.user,
    ts: message.ts,
    text: message.text,
  }));
  const verified = verifySummary(parsed, readable, names, generator.wordnet);
  return {
    summary: verified.summary ?? summarizeThread(input).summary,
    participants: verified.participants,
    mode: 'generated',
    messageCount: messages.length,
    notes: verified.notes,
  };
}
