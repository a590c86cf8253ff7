import type { SearchContext } from '../answer/search-context.js';
import type { Chunk, StoredDocument } from '../index/types.js';
import { findQuoteSpans } from '../quotes/quote-marks.js';
import type { Quote } from '../quotes/types.js';
import type { SourceWord } from './align-words.js';
import { readWords, type Word } from './source-words.js';

/** A paragraph a claim is compared with: its words, and which quote (if any) each word belongs to. */
export interface QuoteSource {
  document: StoredDocument;
  chunk: Chunk;
  words: SourceWord[];
  /**
   * The paragraph's attributed quotes, then any span in quote marks that attribution did not credit
   * (speaker null): words in quote marks are someone's words even when the text's attribution could
   * not be read, and a check must not call them the writer's own.
   */
  quotes: Quote[];
  /** Per word: index into `quotes` of the quote it is part of (direct before indirect), or -1. */
  owner: number[];
}

/** Paragraphs compared per claim: the lexical search's best; a quotation's source shares its rarest words. */
const CANDIDATES = 24;
/**
 * Words of a paragraph compared at most: beyond this the paragraph's retrieval chunk is used instead.
 * Alignment costs claim × source, and this keeps one check to a few million steps.
 */
const MAX_SOURCE_WORDS = 4000;

/** The paragraphs most likely to hold a claim's words: BM25 over the claim, whole paragraphs. */
export async function findQuoteSources(context: SearchContext, claim: string): Promise<QuoteSource[]> {
  const hits = await context.index.lexical.search({ text: claim, limit: CANDIDATES });
  const chunks = await context.store.byLabel(hits.map((hit) => hit.label));
  const wholes = await context.store.paragraphs(
    [...chunks.values()].map((chunk) => `${chunk.doc}#${chunk.paragraph}`),
  );
  const seen = new Set<string>();
  const sources: QuoteSource[] = [];
  for (const hit of hits) {
    const chunk = chunks.get(hit.label);
    if (!chunk) continue;
    const key = `${chunk.doc}#${chunk.paragraph}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const document = context.documents.get(chunk.doc);
    if (!document) continue;
    const whole = wholes.get(key) ?? chunk;
    const words = readWords(whole.text, whole.start);
    const unit = words.length <= MAX_SOURCE_WORDS ? whole : chunk;
    sources.push(toSource(document, unit));
  }
  return sources;
}

function toSource(document: StoredDocument, chunk: Chunk): QuoteSource {
  const words = readWords(chunk.text, chunk.start);
  const quotes = [...chunk.quotes, ...uncredited(chunk)];
  const owner = words.map((word) => ownerOf(quotes, word.start, word.end));
  const speakerOf = (i: number) => {
    const quote = quotes[owner[i] ?? -1];
    return quote?.kind === 'direct' ? quote.speaker : null;
  };
  // A narration word between two quoted parts of one named speaker ("…,” she said, “…") is not part of
  // the quotation: a claim that joins the parts leaves nothing out.
  const before: (string | null)[] = [];
  let last: string | null = null;
  for (const i of words.keys()) {
    if (owner[i] !== -1) last = speakerOf(i);
    before.push(last);
  }
  const after: (string | null)[] = new Array(words.length).fill(null);
  let next: string | null = null;
  for (let i = words.length - 1; i >= 0; i -= 1) {
    if (owner[i] !== -1) next = speakerOf(i);
    after[i] = next;
  }
  const interruptions = quotes.flatMap(interruptionsOf);
  const interrupts = (word: Word) =>
    interruptions.some((range) => range.start <= word.start && word.end <= range.end);
  return {
    document,
    chunk,
    quotes,
    owner,
    words: words.map((word, i) => ({
      ...word,
      bridge: owner[i] === -1 ? before[i] !== null && before[i] === after[i] : interrupts(word),
    })),
  };
}

/** Spans in quote marks that no attributed direct quote covers, as quotes of an unnamed speaker. */
function uncredited(chunk: Chunk): Quote[] {
  const { spans } = findQuoteSpans(chunk.text, false);
  return spans.flatMap((span) => {
    const start = chunk.start + span.innerStart;
    const end = chunk.start + span.innerEnd;
    const text = chunk.text.slice(span.innerStart, span.innerEnd);
    const covered = chunk.quotes.some(
      (quote) => quote.kind === 'direct' && quote.start < end && start < quote.end,
    );
    if (covered || readWords(text).length === 0) return [];
    const quote: Quote = {
      text,
      kind: 'direct',
      speaker: null,
      role: null,
      members: [],
      via: null,
      cue: null,
      confidence: 0,
      paragraph: chunk.paragraph,
      start,
      end,
    };
    return [quote];
  });
}

/**
 * The narration inside one attributed quote that the writer broke off and resumed (“No other company,”
 * he told the paper, “been able …”): the stretches between a closing and the next opening double quote
 * mark. A direct quote's text starts inside the marks, so every mark toggles between the two.
 */
function interruptionsOf(quote: Quote): { start: number; end: number }[] {
  if (quote.kind !== 'direct') return [];
  const ranges: { start: number; end: number }[] = [];
  let inside = true;
  let from = 0;
  for (const match of quote.text.matchAll(/[“”"]/g)) {
    if (inside) from = match.index;
    else ranges.push({ start: quote.start + from, end: quote.start + match.index });
    inside = !inside;
  }
  return ranges;
}

/** The quote a word lies in; a direct quote wins over the indirect report that contains it. */
function ownerOf(quotes: readonly Quote[], start: number, end: number): number {
  let found = -1;
  for (const [i, quote] of quotes.entries()) {
    if (quote.start > start || quote.end < end) continue;
    if (quote.kind === 'direct') return i;
    if (found === -1) found = i;
  }
  return found;
}
