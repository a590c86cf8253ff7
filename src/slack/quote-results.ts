import type { BotServices } from '../bot-services.js';
import { describedName } from '../quotes/speaker-directory.js';
import type { QuoteResults } from './views/quote-blocks.js';

/** `/quote QUERY` through the core, in the shape the quote views render. */
export async function quoteResults(
  services: BotServices,
  query: string,
): Promise<QuoteResults & { suggestions: string[] }> {
  const found = await services.findQuotes(query);
  return {
    query,
    by: found.by,
    // Two people sharing a name or surname are listed apart, each with what tells them apart.
    speakers: found.speakers.map(describedName),
    hits: found.hits,
    dates: found.dates?.reading ?? null,
    narrowed: found.narrowed ?? null,
    suggestions: found.suggestions,
  };
}
