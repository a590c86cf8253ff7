import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { attributeValue, neutralizeTags } from '../llm/data-block.js';
import { type PromptTemplate, renderUserPrompt } from '../llm/prompt-template.js';
import { readableSlackText } from './slack-text.js';
import { displayName, humanMessages } from './summarize-thread.js';
import type { SummarizeInput, ThreadParticipant, ThreadSummary } from './types.js';

export interface SummaryGenerator {
  model: BaseChatModel;
  prompt: PromptTemplate;
  timeoutMs: number;
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
 * A generated thread summary whose attributions are checked: each point must name a message of the
 * thread (m1…mN), and it is credited to that message's real author — whoever the model said wrote it.
 * Throws when the model fails or replies with something unusable; the caller falls back to extractive.
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
      const text = neutralizeTags(readableSlackText(message.text, names));
      return `<message id="m${i + 1}" user="${attributeValue(message.user)}" name="${attributeValue(names[message.user] ?? '')}">\n${text}\n</message>`;
    })
    .join('\n');
  const reply = await generator.model.invoke(
    [
      new SystemMessage(generator.prompt.system),
      new HumanMessage(renderUserPrompt(generator.prompt, { transcript })),
    ],
    { signal: AbortSignal.timeout(generator.timeoutMs) },
  );
  const raw = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
  const parsed = replySchema.parse(JSON.parse(raw.replace(/^\s*```(?:json)?|```\s*$/g, '')));
  const notes: string[] = [];
  const byUser = new Map<string, ThreadParticipant>();
  for (const participant of parsed.participants) {
    for (const point of participant.points) {
      const message = messages[Number(point.message.replace(/^m/, '')) - 1];
      if (!message) {
        notes.push(`Left out a point that cited no message of the thread ("${point.text.slice(0, 60)}").`);
        continue;
      }
      if (participant.user && participant.user !== message.user) {
        notes.push(
          `A point the model gave to ${participant.user} is credited to ${names[message.user]}, who wrote that message.`,
        );
      }
      const entry = byUser.get(message.user) ?? {
        user: message.user,
        name: names[message.user] ?? message.user,
        points: [],
      };
      entry.points.push({ text: point.text, ts: message.ts });
      byUser.set(message.user, entry);
    }
  }
  return {
    summary: parsed.summary,
    participants: [...byUser.values()],
    mode: 'generated',
    messageCount: messages.length,
    notes,
  };
}
