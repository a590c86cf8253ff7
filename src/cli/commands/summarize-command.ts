import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { describeError, WhosaidError } from '../../errors.js';
import { createGeneration } from '../../llm/generation.js';
import { summarize } from '../../summarize/summarize-with-fallback.js';
import type { ThreadSummary } from '../../summarize/types.js';
import { runAction } from '../run-action.js';
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

export function registerSummarize(program: Command): void {
  program
    .command('summarize')
    .description('summarize a Slack thread: a short summary, then who said what with links to each message')
    .argument('<thread.json>', 'a conversations.replies response saved as JSON')
    .option('--json', 'print {summary, participants: [{user, name, points: [{text, ts}]}]}')
    .action(
      runAction(async (file: string, flags: { json?: boolean }) => {
        const input = await readThread(file);
        const generation = await createGeneration(configFor());
        const summary = await summarize({ messages: input.messages }, generation?.summary);
        process.stdout.write(
          flags.json ? `${JSON.stringify(toJson(summary), null, 2)}\n` : formatSummary(summary),
        );
      }),
    );
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
