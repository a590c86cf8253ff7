import type { Quote } from '../quotes/types.js';
import { credit } from './credit.js';

/** Where a quote was published: what a reporter's attribution line names. */
export interface QuoteSourceMeta {
  publisher: string | null;
  date: string | null;
}

/**
 * An attribution line a reporter can paste, in the wire style news copy uses:
 * `“…,” Dan Meyer, a national security attorney, told Axios (Oct. 27, 2024).` The quote stays verbatim
 * (only a final period becomes the comma that English puts before the attribution); speaker, role,
 * addressee and date are the document's; the brackets say where (and by whom, when relayed) it was
 * published.
 * `words` replaces the quote's text when one quotation was broken by its attribution (“A,” she said, “B”):
 * the parts joined, since the narration between them was never said.
 */
export function copyLine(quote: Quote, source: QuoteSourceMeta, words = quote.text): string | null {
  if (!quote.speaker) return null;
  // "Dan Meyer, a national security attorney,": the role's closing comma is the line's too.
  const who = credit(quote);
  // "told X" only when the text names whom the words were said to ("told the paper" → the paper it
  // named); otherwise the line says only where the words were published.
  const verb = quote.saidTo ? `told ${quote.saidTo}` : 'said';
  const spokenWhen =
    quote.when?.source === 'text' ? ` ${datePreposition(quote.when.text)} ${quote.when.text}` : '';
  const date = apDate(source.date);
  // Said to another outlet and relayed by this one: the brackets say who relays it, and when.
  const relayed =
    quote.saidTo && quote.saidTo !== source.publisher ? (quote.relayedBy ?? source.publisher) : null;
  const where = [
    quote.via ? `according to ${quote.via}` : null,
    relayed ? `as relayed by ${relayed}` : quote.saidTo === source.publisher ? null : source.publisher,
    date,
  ]
    .filter(Boolean)
    .join(', ');
  const tail = where ? ` (${where})` : '';
  const said = words.trim().replace(/^[“"„«]+|[”"»,;:\s]+$/g, '');
  if (quote.kind === 'indirect')
    return `${who} ${verb}${spokenWhen} that ${said.replace(/[.\s]+$/, '')}${tail}.`;
  // "?" and "!" stay: they are part of what was said; a period gives way to the comma before "said".
  const spoken = /[?!]$/.test(said) ? said : `${said.replace(/\.$/, '')},`;
  return `“${spoken}” ${who} ${verb}${spokenWhen}${tail}.`;
}

/** English puts "on" before a day ("on Friday", "on Oct. 27") and "in" before a month or year ("in 2023"). */
function datePreposition(when: string): string {
  return /\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|day\b/i.test(when.replace(/\b\d{4}\b/g, '')) ? 'on' : 'in';
}

const AP_MONTHS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

/** "2024-10-27" → "Oct. 27, 2024" (AP style); anything else as it is. */
function apDate(date: string | null): string | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!match) return date;
  const month = AP_MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}, ${match[1]}` : date;
}

/** Words at each end of a long quote in a text fragment: enough to be unique on a page, short enough to survive edits. */
const FRAGMENT_EDGE_WORDS = 4;

/**
 * A link to the exact words on the original page: a URL text fragment (`#:~:text=start,end`), which
 * browsers scroll to and highlight. https://wicg.github.io/scroll-to-text-fragment/
 */
export function passageLink(url: string | null, text: string): string | null {
  if (!url || !/^https?:\/\//.test(url)) return null;
  const words = text
    .replace(/^[\s“”"„«»]+|[\s“”"„«»,.;:]+$/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return url;
  // The fragment syntax reserves "-", "," and "&": they are percent-encoded inside a text directive.
  const encode = (part: string[]) => encodeURIComponent(part.join(' ')).replace(/-/g, '%2D');
  const directive =
    words.length <= 2 * FRAGMENT_EDGE_WORDS
      ? encode(words)
      : `${encode(words.slice(0, FRAGMENT_EDGE_WORDS))},${encode(words.slice(-FRAGMENT_EDGE_WORDS))}`;
  return `${url.replace(/#.*$/, '')}#:~:text=${directive}`;
}
