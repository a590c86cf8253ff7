import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeError, WhosaidError } from '../../errors.js';
import { createGeneration } from '../../llm/generation.js';
import { readableThread } from '../../slack/slack-text.js';
import { summarize } from '../../summarize/summarize-with-fallback.js';
import type { ThreadSummary } from '../../summarize/types.js';
import type { CliIo } from '../io.js';
import { configFor } from '../runtime.js';

/** A `conversations.replies` response, as saved from the Web API (extra fields are ignored). */
const threadFileSchema = z.object({
  messages: z.array(
    z.looseObject({
      ts: z.string(),
      user: z.string().optional(),
      text: z.string().optional(),
      bot_id: z.string().optional(),
      subtype: z.string().optional(),
      user_profile: z
        .looseObject({
          real_name: z.string().optional(),
          display_name: z.string().optional(),
          name: z.string().optional(),
        })
        .optional(),
    }),
  ),
});

export async function summarizeAction(io: CliIo, file: string, flags: { json?: boolean }): Promise<void> {
  const input = await readThread(file);
  const generation = await createGeneration(configFor(io));
  // The file is a Slack API response: its markup is decoded as the Slack adapter decodes it.
  const summary = await summarize(readableThread({ messages: input.messages }), generation?.summary);
  io.stdout.write(flags.json ? `${JSON.stringify(toJson(summary), null, 2)}\n` : formatSummary(summary));
}

async function readThread(file: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new WhosaidError('INPUT_INVALID', `Cannot read ${file}: ${describeError(error)}`);
  }
  const parsed = threadFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WhosaidError(
      'INPUT_INVALID',
      `${file} is not a conversations.replies response (${issue?.path.join('.') || 'root'}: ${issue?.message}). ` +
        'Expected {"messages": [{"ts": "…", "user": "U…", "text": "…"}, …]}.',
    );
  }
  return parsed.data;
}

function toJson(summary: ThreadSummary) {
  return {
    summary: summary.summary,
    participants: summary.participants,
    mode: summary.mode,
    notes: summary.notes,
  };
}

function formatSummary(summary: ThreadSummary): string {
  const lines = [summary.summary, '', 'Who said what:'];
  for (const participant of summary.participants) {
    lines.push(`  ${participant.name}:`);
    for (const point of participant.points) lines.push(`    - ${point.text} (ts ${point.ts})`);
  }
  for (const note of summary.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
