import { checkQuote } from '../../check/check-quote.js';
import { unquote } from '../../check/find-claim.js';
import { formatCheck } from '../../check/format-check.js';
import type { CliIo } from '../io.js';
import { type CorpusFlags, configFor, openSearchContext } from '../runtime.js';

export interface CheckFlags extends CorpusFlags {
  speaker?: string;
  json?: boolean;
}

export async function checkAction(io: CliIo, quote: string, flags: CheckFlags): Promise<void> {
  const context = await openSearchContext(configFor(io, flags), io, flags.collection);
  const result = await checkQuote(context, { claim: unquote(quote), speaker: flags.speaker ?? null });
  io.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatCheck(result)}\n`);
}
