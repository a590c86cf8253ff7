import { credit } from '../../answer/credit.js';
import { CorpusFileError } from '../../corpus/corpus-file-error.js';
import { loadDocument } from '../../corpus/load-document.js';
import { WhosaidError } from '../../errors.js';
import { extractQuotes } from '../../quotes/extract-quotes.js';
import { provenanceLine } from '../../quotes/provenance-line.js';
import type { Quote } from '../../quotes/types.js';
import type { CliIo } from '../io.js';

export async function extractAction(io: CliIo, file: string, flags: { json?: boolean }): Promise<void> {
  const document = await loadDocument(file).catch((error: unknown) => {
    if (error instanceof CorpusFileError) throw new WhosaidError('CORPUS_FILE_INVALID', error.message);
    throw error;
  });
  const quotes = extractQuotes({
    paragraphs: document.paragraphs,
    speakerHints: document.meta.speakers,
    document: { publisher: document.meta.publisher, date: document.meta.date },
  });
  if (flags.json) io.stdout.write(`${JSON.stringify(quotes.map(toJson), null, 2)}\n`);
  else if (quotes.length === 0) io.stdout.write('No attributed quotes found.\n');
  else io.stdout.write(`${quotes.map(formatQuote).join('\n')}\n`);
}

function toJson(quote: Quote) {
  return {
    paragraph: quote.paragraph,
    kind: quote.kind,
    text: quote.text,
    speaker: quote.speaker,
    role: quote.role,
    members: quote.members,
    via: quote.via,
    cue: quote.cue,
    confidence: quote.confidence,
    said_to: quote.saidTo ?? null,
    when: quote.when ?? null,
    relayed_by: quote.relayedBy ?? null,
    unnamed: quote.unnamed ?? false,
    start: quote.start,
    end: quote.end,
  };
}

function formatQuote(quote: Quote): string {
  const text = quote.kind === 'direct' ? `“${quote.text}”` : quote.text;
  const origin = provenanceLine(quote);
  return `¶${quote.paragraph} ${quote.kind.padEnd(8)} ${credit(quote).replace(/,$/, '')}${origin ? ` (${origin})` : ''}: ${text.replace(/\s+/g, ' ')}`;
}
