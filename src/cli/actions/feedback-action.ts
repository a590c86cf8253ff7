import type { Config } from '../../config.js';
import { WhosaidError } from '../../errors.js';
import { feedbackReport } from '../../store/feedback-report.js';
import { readFeedbackLog } from '../../store/file-state-store.js';
import { stateDirFor } from '../../store/state-location.js';
import type { FeedbackEntry } from '../../store/state-store.js';
import { formatFeedback, formatFeedbackCsv } from '../format-feedback.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor } from '../runtime.js';
import { openStateForCommand } from './open-state.js';

type FeedbackFlags = CorpusFlags & { since?: string; json?: boolean; csv?: boolean };

/** `whosaid feedback [--since DATE] [--json|--csv]`: the votes on answers, per question and answer. */
export async function feedbackAction(io: CliIo, flags: FeedbackFlags): Promise<void> {
  if (flags.json && flags.csv) throw new WhosaidError('INPUT_INVALID', 'Choose one of --json and --csv.');
  const since = flags.since === undefined ? undefined : readSince(flags.since);
  const config = configFor(io, flags);
  const { entries, skipped } = await readFeedback(config);
  const answers = feedbackReport(entries, since);
  if (skipped > 0)
    io.stderr.write(`warning: ${skipped} unreadable line(s) in the feedback log were left out.\n`);
  if (flags.json)
    io.stdout.write(`${JSON.stringify({ since: since?.toISOString() ?? null, answers }, null, 2)}\n`);
  else if (flags.csv) io.stdout.write(formatFeedbackCsv(answers));
  else io.stdout.write(formatFeedback(answers, since, where(config)));
}

/** A date (`2026-11-30`, taken as UTC midnight) or an instant (`2026-11-30T09:00:00Z`). */
function readSince(text: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text);
  if (Number.isNaN(at))
    throw new WhosaidError(
      'INPUT_INVALID',
      `--since "${text}" is not a date: give one like 2026-11-30 (UTC) or 2026-11-30T09:00:00Z.`,
    );
  return new Date(at);
}

/**
 * The clicks, from PostgreSQL with a database URL (all replicas' clicks), else from the embedded
 * store's log, read without its lock so the report works while the bot runs.
 */
async function readFeedback(config: Config): Promise<{ entries: FeedbackEntry[]; skipped: number }> {
  if (!config.database) return readFeedbackLog(stateDirFor(config));
  const store = await openStateForCommand(config);
  try {
    return { entries: await store.feedback(), skipped: 0 };
  } finally {
    await store.close();
  }
}

function where(config: Config): string {
  if (config.database) return 'the PostgreSQL database (WHOSAID_DATABASE_URL)';
  return stateDirFor(config);
}
