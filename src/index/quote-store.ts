import type { Quote } from '../quotes/types.js';
import type { StoredDocument } from './types.js';

/** A quote with the document it is in. */
export interface DocumentQuote {
  document: StoredDocument;
  quote: Quote;
}

/** Whose quotes a lookup asks for: quotes credited to one of `speakers`, or naming one of `members`. */
export interface SpeakerNames {
  speakers: readonly string[];
  /** Members of a group speaker ("Reed" among "the Senators"): a quote counts when it names one. */
  members: readonly string[];
}

/**
 * How answering reads the documents' quote lists: a document's, every document's a batch at a time,
 * or those a lookup asks for, awaited, so a backend may read them when asked (PostgreSQL, for an
 * archive larger than memory) instead of holding every quote of the corpus, and may find those of a
 * speaker or a topic by its own indexes instead of walking them all. What is shown about a document
 * without its quotes — how many of them name a speaker — is known without reading them.
 */
export interface QuoteStore {
  /** The document's quotes, in its order. */
  ofDocument(document: StoredDocument): Promise<Quote[]>;
  /** Each document's quotes, in the order given, a batch of documents at a time. */
  batches(documents: readonly StoredDocument[]): AsyncIterable<[StoredDocument, Quote[]][]>;
  /** How many of the document's quotes name their speaker. */
  attributed(document: StoredDocument): number;
  /**
   * The quotes of `documents` credited to one of `names.speakers` or naming one of `names.members`
   * among their members, in the documents' order and each document's.
   */
  bySpeakers(documents: readonly StoredDocument[], names: SpeakerNames): Promise<DocumentQuote[]>;
  /**
   * The attributed quotes of `documents` that may hold one of `terms` (content terms: stemmed, as
   * `contentTerms` makes them) in their own words or their paragraph's, or that are credited to one
   * of `speakers` — every such quote, in the documents' order, and perhaps others: the caller scores
   * them. A backend with a word index narrows by it; one without returns every attributed quote.
   * A backend reading from a database returns at most `limit` of them, those of the newest documents
   * (`total` says how many there were), so a common word cannot make one lookup read the archive; one
   * holding every quote in memory already returns them all.
   */
  mayMention(
    documents: readonly StoredDocument[],
    terms: readonly string[],
    speakers: readonly string[],
    limit: number,
  ): Promise<{ quotes: DocumentQuote[]; total: number }>;
  /**
   * The quotes of `documents` credited to one of `speakers`, tallied by speaker and members (a group
   * is its members: "the Senators" of one letter are not those of another), in the order of each
   * tally's first quote — what a list of who is quoted shows of each, without the quotes themselves.
   */
  tallies(documents: readonly StoredDocument[], speakers: readonly string[]): Promise<SpeakerTally[]>;
}

/** The quotes of one speaker (and members) among some documents: the first, how many, in how many documents. */
export interface SpeakerTally {
  /** The first in the documents' order and each document's. */
  first: DocumentQuote;
  count: number;
  documents: number;
}

/** What tells one tallied speaker from another: the name and, for a group, its members. */
export function tallyKey(quote: Pick<Quote, 'speaker' | 'members'>): string {
  return [quote.speaker ?? '', ...quote.members].join('\u0000');
}

/**
 * The attributed quotes of documents (in their order, each document's in its own) that `keep` keeps,
 * tallied by speaker and members, in first-seen order.
 */
export function tallyQuotes(
  lists: Iterable<readonly [StoredDocument, readonly Quote[]]>,
  keep: (quote: Quote) => boolean = () => true,
): SpeakerTally[] {
  const tallies = new Map<string, SpeakerTally & { last: string }>();
  for (const [document, quotes] of lists)
    for (const quote of quotes) {
      if (!quote.speaker || !keep(quote)) continue;
      const key = tallyKey(quote);
      const seen = tallies.get(key);
      if (!seen) tallies.set(key, { first: { document, quote }, count: 1, documents: 1, last: document.id });
      else {
        seen.count += 1;
        if (seen.last !== document.id) seen.documents += 1;
        seen.last = document.id;
      }
    }
  return [...tallies.values()].map(({ first, count, documents }) => ({ first, count, documents }));
}

/** The quote store of documents that hold their quotes (the files backend). */
export const residentQuotes: QuoteStore = {
  ofDocument: async (document) => document.quotes,
  async *batches(documents) {
    yield documents.map((document): [StoredDocument, Quote[]] => [document, document.quotes]);
  },
  attributed: (document) => document.quotes.filter((quote) => quote.speaker !== null).length,
  bySpeakers: async (documents, names) => residentWhere(documents, speakerMatcher(names)),
  // Quotes held in memory are walked at memory speed: every attributed one is a candidate.
  mayMention: async (documents) => {
    const quotes = residentWhere(documents, (quote) => quote.speaker !== null);
    return { quotes, total: quotes.length };
  },
  async tallies(documents, speakers) {
    const names = new Set(speakers);
    return tallyQuotes(
      documents.map((document) => [document, document.quotes] as const),
      (quote) => quote.speaker !== null && names.has(quote.speaker),
    );
  },
};

/** Whether a quote is credited to one of the speakers or names one of the members (bySpeakers). */
function speakerMatcher(names: SpeakerNames): (quote: Quote) => boolean {
  const speakers = new Set(names.speakers);
  const members = new Set(names.members);
  return (quote) =>
    (quote.speaker !== null && speakers.has(quote.speaker)) ||
    quote.members.some((member) => members.has(member));
}

function residentWhere(
  documents: readonly StoredDocument[],
  keep: (quote: Quote) => boolean,
): DocumentQuote[] {
  return documents.flatMap((document) => document.quotes.filter(keep).map((quote) => ({ document, quote })));
}
