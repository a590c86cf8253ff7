import type { AnswerFeedback } from '../store/feedback-report.js';
import { plural } from './format-fetched.js';

/** The report for a person: totals, then each answer with its votes, question and cited passages. */
export function formatFeedback(
  answers: readonly AnswerFeedback[],
  since: Date | undefined,
  source: string,
): string {
  const period = since
    ? ` since ${since
        .toISOString()
        .replace(/T00:00:00\.000Z$/, '')
        .replace('.000Z', 'Z')}`
    : '';
  if (answers.length === 0) return `No feedback on answers${period} (read from ${source}).\n`;
  const helpful = answers.reduce((n, answer) => n + answer.helpful, 0);
  const notHelpful = answers.reduce((n, answer) => n + answer.notHelpful, 0);
  const lines = [
    `Feedback on ${plural(answers.length, 'answer')}${period}: ${helpful} helpful, ${notHelpful} not helpful ` +
      "(each person's latest vote per answer).",
  ];
  for (const answer of answers) {
    const place = [
      answer.channel ? `channel ${answer.channel}` : null,
      answer.team ? `team ${answer.team}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      '',
      `${shortTime(answer.lastAt)}  ${answer.helpful} helpful, ${answer.notHelpful} not helpful${place ? `  (${place}, message ${answer.messageTs ?? '?'})` : ''}`,
      `  Question: ${answer.question ?? '(not recorded: clicked before questions were kept)'}`,
    );
    if (answer.citations.length > 0)
      lines.push(`  Cited: ${answer.citations.map((c) => `${c.doc} ¶${c.paragraph}`).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = [
  'last_vote_at',
  'team',
  'channel',
  'message_ts',
  'thread_ts',
  'question',
  'helpful',
  'not_helpful',
  'citations',
] as const;

/** One row per answer (RFC 4180), the cited passages as `doc#paragraph` joined by `; `. */
export function formatFeedbackCsv(answers: readonly AnswerFeedback[]): string {
  const rows = answers.map((answer) => [
    answer.lastAt,
    answer.team ?? '',
    answer.channel ?? '',
    answer.messageTs ?? '',
    answer.threadTs ?? '',
    answer.question ?? '',
    String(answer.helpful),
    String(answer.notHelpful),
    answer.citations.map((c) => `${c.doc}#${c.paragraph}`).join('; '),
  ]);
  return [CSV_COLUMNS as readonly string[], ...rows]
    .map((row) => `${row.map(csvCell).join(',')}\r\n`)
    .join('');
}

/**
 * A quoted cell. A question is whatever someone typed in Slack: one that starts like a formula
 * (=, +, -, @, tab, CR) would run as one in a spreadsheet, so it is prefixed with an apostrophe
 * (OWASP's advice on CSV injection). Numbers and times never start so.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');
}
