import type { Command } from 'commander';
import { credit } from '../../answer/credit.js';
import { findQuotes, type QuoteHit } from '../../answer/find-quotes.js';
import { WhosaidError } from '../../errors.js';
import { runAction } from '../run-action.js';
import { type CorpusFlags, configFor, notice, openSearchContext } from '../runtime.js';

interface QuotesFlags extends CorpusFlags {
  speaker?: string;
  json?: boolean;
  limit?: string;
}

export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description('list verbatim quotes in the corpus, by speaker and/or about a topic')
    .argument('[topic]', 'words the quotes should be about (optional)')
    .option(
      '-s, --speaker <name>',
      'only quotes by this speaker (case, surname-only and small typos are forgiven)',
    )
    .option('--limit <n>', 'show at most this many quotes')
    .option('--json', 'print an array of quote objects')
    .option('--corpus <dir>', 'corpus folder (default: WHOSAID_CORPUS_DIR or ./corpus of the project)')
    .option('--index <dir>', 'index folder (default: WHOSAID_INDEX_DIR or .whosaid/ of the project)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ whosaid quotes --speaker meyer\n  $ whosaid quotes "security clearance"\n',
    )
    .action(
      runAction(async (topic: string | undefined, flags: QuotesFlags) => {
        const limit = flags.limit === undefined ? Number.POSITIVE_INFINITY : Number(flags.limit);
        if (!(limit >= 1))
          throw new WhosaidError(
            'INPUT_INVALID',
            `--limit must be a positive number (got "${flags.limit}").`,
          );
        const context = await openSearchContext(configFor(flags));
        const result = findQuotes(context, { topic, speaker: flags.speaker });
        const hits = result.hits.slice(0, limit);
        if (flags.json) process.stdout.write(`${JSON.stringify(hits.map(toJson), null, 2)}\n`);
        if (hits.length === 0) {
          const subject = flags.speaker ? `from "${flags.speaker}"` : `about "${topic}"`;
          const closest =
            result.suggestions.length > 0 ? ` Closest known names: ${result.suggestions.join(', ')}.` : '';
          (flags.json ? notice : (line: string) => process.stdout.write(`${line}\n`))(
            `No quotes ${subject}.${closest}`,
          );
          return;
        }
        if (!flags.json) process.stdout.write(`${hits.map(formatHit).join('\n\n')}\n`);
      }),
    );
}

function toJson(hit: QuoteHit) {
  return {
    text: hit.text,
    kind: hit.kind,
    speaker: hit.speaker,
    role: hit.role,
    members: hit.members,
    via: hit.via,
    cue: hit.cue,
    confidence: hit.confidence,
    doc: hit.doc,
    title: hit.title,
    url: hit.url,
    paragraph: hit.paragraph,
    start: hit.start,
    end: hit.end,
  };
}

function formatHit(hit: QuoteHit): string {
  const text = hit.kind === 'direct' ? `“${hit.text.replace(/[\s,]+$/, '')}”` : `(paraphrase) ${hit.text}`;
  const via = hit.via ? ` (as reported by ${hit.via})` : '';
  return `${credit(hit).replace(/,$/, '')}${via}:\n  ${text.replace(/\s+/g, ' ')}\n  — ${hit.title}, ${hit.doc} ¶${hit.paragraph}`;
}
