import type { BotServices } from '../bot-services.js';
import type { QuoteResults } from './views/quote-blocks.js';

/** `/quote QUERY` through the core, in the shape the quote views render. */
export function quoteResults(services: BotServices, query: string): QuoteResults & { suggestions: string[] } {
  const found = services.findQuotes(query);
  return {
    query,
    by: found.by,
    speakers: found.speakers.map((speaker) => speaker.name),
    hits: found.hits,
    suggestions: found.suggestions,
  };
}
