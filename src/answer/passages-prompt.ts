import { attributeValue, neutralizeTags } from '../llm/data-block.js';
import type { Passage } from './types.js';

/**
 * The numbered passages as the model sees them: source line, verbatim text, and the quotes the
 * extractor attributed in it (speaker and role), so the model credits the document's speakers.
 */
export function formatPassages(passages: Passage[]): string {
  return passages
    .map((passage, i) => {
      const source = [passage.title, passage.publisher, passage.date].filter(Boolean).join(' — ');
      const quotes = passage.quotes
        .filter((quote) => quote.speaker !== null)
        .map((quote) => {
          const who = quote.role ? `${quote.speaker} (${quote.role})` : quote.speaker;
          const members = quote.members.length > 0 ? ` [${quote.members.join(', ')}]` : '';
          return `- ${who}${members}, ${quote.kind}: “${quote.text}”`;
        });
      return [
        `<passage n="${i + 1}" source="${attributeValue(source)}" paragraph="${passage.paragraph}">`,
        neutralizeTags(passage.text),
        quotes.length > 0 ? `Quotes:\n${neutralizeTags(quotes.join('\n'))}` : 'Quotes: none attributed',
        '</passage>',
      ].join('\n');
    })
    .join('\n\n');
}
