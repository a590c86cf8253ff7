import { passageLink } from '../../answer/copy-line.js';
import { credit } from '../../answer/credit.js';
import { findQuotes, narrowedNote, type QuoteHit } from '../../answer/find-quotes.js';
import { latestFirst, parseSince, quotesSince } from '../../answer/quote-dates.js';
import { quoteToJson } from '../../answer/quote-json.js';
import { WhosaidError } from '../../errors.js';
import { provenanceLine } from '../../quotes/provenance-line.js';
import { type CliIo, notice } from '../io.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

export interface QuotesFlags extends CorpusFlags {
  speaker?: string;
  json?: boolean;
  limit?: string;
  since?: string;
  latest?: boolean;
}

export async function quotesAction(io: CliIo, topic: string | undefined, flags: QuotesFlags): Promise<void> {
  const limit = flags.limit === undefined ? Number.POSITIVE_INFINITY : Number(flags.limit);
  if (!(limit >= 1))
    throw new WhosaidError('INPUT_INVALID', `--limit must be a positive number (got "${flags.limit}").`);
  const since = flags.since === undefined ? null : parseSince(flags.since, new Date());
  if (flags.since !== undefined && !since) {
    throw new WhosaidError(
      'INPUT_INVALID',
      `--since must be a date (2024-10-27), today, yesterday, a weekday or "N days ago" (got "${flags.since}").`,
    );
  }
  const context = await openSearchContext(configFor(io, flags), io, flags.collection);
  const result = await findQuotes(context, { topic, speaker: flags.speaker });
  const dated = since ? quotesSince(result.hits, since) : result.hits;
  const hits = (flags.latest ? latestFirst(dated) : dated).slice(0, limit);
  if (flags.json) io.stdout.write(`${JSON.stringify(hits.map(quoteToJson), null, 2)}\n`);
  if (hits.length === 0) {
    const subject = `${flags.speaker ? `from "${flags.speaker}"` : topic ? `about "${topic}"` : 'at all'}${since ? ` since ${since}` : ''}`;
    const closest =
      result.suggestions.length > 0 ? ` Closest known names: ${result.suggestions.join(', ')}.` : '';
    const line = `No quotes ${subject}.${closest}`;
    if (flags.json) notice(io, line);
    else io.stdout.write(`${line}\n`);
    return;
  }
  if (!flags.json) io.stdout.write(`${hits.map(formatHit).join('\n\n')}\n`);
  if (result.narrowed) notice(io, `Quotes ${narrowedNote(result.narrowed)}.`);
}

function formatHit(hit: QuoteHit): string {
  const text = hit.kind === 'direct' ? `“${hit.text.replace(/[\s,]+$/, '')}”` : `(paraphrase) ${hit.text}`;
  const via = hit.via ? ` (as reported by ${hit.via})` : '';
  const origin = provenanceLine({ ...hit, relayedBy: hit.relayedBy === hit.via ? null : hit.relayedBy });
  const link = passageLink(hit.url, hit.text);
  return `${credit(hit).replace(/,$/, '')}${via}${origin ? ` [${origin}]` : ''}:\n  ${text.replace(/\s+/g, ' ')}\n  — ${hit.title}, ${hit.doc} ¶${hit.paragraph}${hit.page ? `, p. ${hit.page}` : ''}${link ? `\n  ${link}` : ''}`;
}
