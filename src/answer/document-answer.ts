import type { Chunk, StoredDocument } from '../index/types.js';
import { isPlantedInstruction } from '../llm/instruction-like.js';
import type { Quote } from '../quotes/types.js';
import { countWords, sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import type { Wordnet } from '../text/wordnet.js';
import { capitalize, credit } from './credit.js';
import { citationOf } from './document-citation.js';
import { documentsFor, type ListRequest, listRequest } from './document-list.js';
import { DOCUMENT_NOUN } from './document-reference.js';
import { partialDate, spokenDate } from './relative-date.js';
import type { SearchContext } from './search-context.js';
import { isSpeakersRequest } from './speaker-list.js';
import type { Answer, Citation } from './types.js';

/**
 * What a document-level request asks for: the list of documents, one document summarised, or the
 * speakers quoted (in one document or all).
 */
export type DocumentRequest = 'list' | 'summary' | 'speakers' | 'date';

/**
 * "When was the Axios article published?", "when did the letter go out?": asked of a document, "when"
 * asks for its date — which its metadata gives, not a time phrase inside it ("Friday" dates what the
 * article reports).
 */
const PUBLISHED = new RegExp(
  String.raw`^\s*when\s+(?:was|were|is|did)\s+(?:the|this|that)\s+(?:[\p{L}\d/.'’-]+\s+){0,4}?(?:${DOCUMENT_NOUN}|document|doc|report)(?:\s+(?:to|from|by|about|on)(?:\s+[\p{L}.'’-]+){1,3}?)?\s+(?:first\s+)?(?:published|released|issued|sent|posted|put\s+out|written|dated|out|come\s+out|go\s+out|publish|release|issue)\b`,
  'iu',
);

/** "summarize the letter", "whats the piece about" (chat drops a contraction's apostrophe; "whats" is no other word). */
const SUMMARY =
  /^(?:(?:can|could|would)\s+(?:you|u|someone)\s+)?(?:please\s+|pls\s+|plz\s+)?(?:summari[sz]e|sum\s+up|recap|give\s+me\s+(?:a\s+)?(?:summary|rundown|gist|tl;?dr))\b|\bwhat(?:['’]?s|\s+is|\s+was)\s+(?:the|this|that)\s+(?:[\p{L}\d.]+\s+){0,4}?(?:article|story|piece|document|letter|statement|release|report)\s+(?:about|saying)\b|^tl;?dr\b/iu;

/**
 * "What's the main point of the Axios piece?", "can you give me a short overview of the letter?": a
 * noun for a summary or a meaning (as WordNet files it) of a document asks for the document as a whole.
 */
const SUMMARY_OF = new RegExp(
  String.raw`^\s*(?:(?:can|could|would)\s+(?:you|u|someone)\s+)?(?:please\s+|pls\s+|plz\s+)?(?:(?:what(?:['’]?s|\s+is|\s+was|\s+are)|give\s+me|tell\s+me|share)\s+)?(?:the|a|an|your)?\s*(?:(\p{L}+)\s+)?(\p{L}+)\s+(?:of|on|from|in)\s+(?:the|this|that)\s+(?:[\p{L}\d/'’-]+\s+){0,4}?(?:${DOCUMENT_NOUN}|document|doc|report)\b`,
  'iu',
);

/**
 * "what's in the Nov. 2024 release?", "what does the Axios story say?": asked of a document with no
 * topic of its own, the question asks what the document says as a whole.
 */
const WHOLE_DOCUMENT = new RegExp(
  String.raw`^\s*(?:what(?:['’]?s|\s+is)\s+in|what\s+does)\s+(?:the|this|that)\s+(?:[\p{L}\d/.'’-]+\s+){0,4}?(?:${DOCUMENT_NOUN}|document|doc|report)(?:\s+say)?\s*\??\s*$`,
  'iu',
);

/** "what documents do you have", "summarize the Reed statement": requests about documents, not facts in them. */
export function documentRequest(question: string, wordnet?: Wordnet): DocumentRequest | null {
  if (isSpeakersRequest(question)) return 'speakers';
  if (listRequest(question)) return 'list';
  if (SUMMARY.test(question) || WHOLE_DOCUMENT.test(question)) return 'summary';
  if (PUBLISHED.test(question)) return 'date';
  const [, modifier, noun] = SUMMARY_OF.exec(question) ?? [];
  // "the bottom line": WordNet files some such nouns as two words.
  const nouns = [modifier && noun ? `${modifier} ${noun}` : '', noun ?? ''].filter(Boolean);
  if (wordnet && nouns.some((candidate) => wordnet.isSummaryNoun(candidate))) return 'summary';
  return null;
}

/**
 * The indexed documents a list request asks for (all of them, those mentioning a topic, or those the
 * metadata describes so), each cited by the paragraph that shows why it is listed.
 */
export async function listDocuments(
  context: SearchContext,
  request: ListRequest = { filter: null },
): Promise<Pick<Answer, 'answer' | 'citations' | 'abstained'>> {
  const listed = await documentsFor(context, request);
  const cited = await context.store.paragraphs(
    listed.map(({ document, paragraph }) => `${document.id}#${paragraph}`),
  );
  const citations = listed.flatMap(({ document, paragraph }, i) => {
    const chunk = cited.get(`${document.id}#${paragraph}`);
    return chunk ? [citationOf(i + 1, document, chunk, null)] : [];
  });
  const lines = citations.map((citation) => {
    const document = context.documents.get(citation.doc);
    const by = [document?.meta.publisher ?? document?.meta.source, document?.meta.date]
      .filter(Boolean)
      .join(', ');
    return `• ${citation.title}${by ? ` (${by})` : ''} [${citation.n}]`;
  });
  const total = context.index.documents.length;
  const { filter } = request;
  const first = citations[0];
  const date = first ? context.documents.get(first.doc)?.meta.date : undefined;
  // Only a dated document can be called the oldest or newest: with no dates the plain list is shown.
  if (!filter && request.order && first && date) {
    const which = request.order === 'oldest' ? 'oldest' : 'newest';
    return {
      answer:
        `The ${which} is ${first.title} (${date}) [1]. ` +
        `I have ${lines.length} document${lines.length === 1 ? '' : 's'}, ${which} first:\n${lines.join('\n')}`,
      citations,
      abstained: false,
    };
  }
  if (!filter)
    return {
      answer: `I have ${lines.length} document${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
      citations,
      abstained: false,
    };
  const what = filter.text.replace(/\s+/g, ' ').trim();
  const one = citations.length === 1;
  const verbs = { topic: ['mentions', 'mention'], speaker: ['quotes', 'quote'], description: ['is', 'are'] };
  const [singular, plural] = verbs[filter.by];
  const verb = `${one ? singular : plural} ${what}`;
  if (citations.length === 0)
    return {
      answer: `None of the ${total} indexed documents ${plural} ${what}.`,
      citations: [],
      abstained: true,
    };
  return {
    answer: `${citations.length} of the ${total} documents ${verb}:\n${lines.join('\n')}`,
    citations,
    abstained: false,
  };
}

/** Words of a summary request that name no document: the request itself and nouns any document is. */
const REQUEST_WORDS = new Set(
  contentTerms(
    'summarize summarise summary sum up recap rundown gist tldr tl dr give please quick short brief ' +
      'article story piece document doc text file item who quoted cited interviewed speakers sources',
  ),
);
/** Share of the request's other words a document must hold to be the one meant. */
const MEANT_SHARE = 0.5;

/**
 * Whether `document` is the one a summary request means: it holds at least half of the request's
 * words beyond the request itself ("the Reed statement": Reed, statement). "Summarize the latest Fed
 * decision" means no document that lacks the Fed and the decision, however well one ranks.
 */
export function isDocumentMeant(
  question: string,
  document: StoredDocument,
  paragraphs: readonly Chunk[],
): boolean {
  const asked = [...new Set(contentTerms(question))].filter((term) => !REQUEST_WORDS.has(term));
  if (asked.length === 0) return true;
  const texts = [document.meta.title, document.meta.source ?? '', document.meta.publisher ?? ''];
  for (const paragraph of paragraphs) texts.push(paragraph.text);
  const held = new Set(contentTerms(texts.join(' ')));
  return asked.filter((term) => held.has(term)).length >= asked.length * MEANT_SHARE;
}

/** Words a paragraph needs to open the story (a photo caption or a dateline alone is not the lede). */
const MIN_LEDE_WORDS = 12;
/** Speakers shown in a summary's "who said what", in the order they first speak. */
const MAX_SPEAKERS = 4;

/**
 * An extractive summary of one document: its lede, then who said what — each speaker's first quote
 * — every line cited to its whole paragraph. Nothing is paraphrased. `paragraphs`: the document's
 * whole paragraphs, in order (ChunkStore.documentParagraphs); `quotes`, its quotes (QuoteStore).
 */
export function summarizeDocument(
  document: StoredDocument,
  paragraphs: readonly Chunk[],
  quotes: readonly Quote[],
): Pick<Answer, 'answer' | 'citations' | 'abstained'> {
  const byNumber = new Map(paragraphs.map((paragraph) => [paragraph.paragraph, paragraph]));
  // The lede is the first paragraph that is a sentence of the story: not the headline repeated, not a
  // photo caption with its credit (which ends without a sentence's full stop).
  const title = document.meta.title.trim().toLowerCase();
  const lede =
    paragraphs.find(
      (paragraph) =>
        countWords(paragraph.text) >= MIN_LEDE_WORDS &&
        !sentencesOf(paragraph.text).some(isPlantedInstruction) &&
        /[.!?]["”’)]?\s*$/u.test(paragraph.text) &&
        !paragraph.text.trim().toLowerCase().startsWith(title),
    ) ?? paragraphs[0];
  const citations: Citation[] = [];
  // One citation per paragraph: a lede that is also a speaker's quote is cited once, with the quote.
  const cite = (paragraph: Chunk, quote: Quote | null) => {
    const at = citations.findIndex((citation) => citation.paragraph === paragraph.paragraph);
    const existing = citations[at];
    if (existing) {
      if (quote && !existing.quote) citations[at] = citationOf(existing.n, document, paragraph, quote);
      return existing.n;
    }
    const n = citations.length + 1;
    citations.push(citationOf(n, document, paragraph, quote));
    return n;
  };
  const by = [document.meta.publisher ?? document.meta.source, document.meta.date].filter(Boolean).join(', ');
  const lines = [`${document.meta.title}${by ? ` (${by})` : ''}:`];
  if (lede) lines.push(`${lede.text.trim()} [${cite(lede, null)}]`);
  const seen = new Set<string>();
  const speakerLines: string[] = [];
  for (const quote of representativeQuotes(quotes)) {
    if (!quote.speaker || seen.has(quote.speaker) || speakerLines.length >= MAX_SPEAKERS) continue;
    if (isPlantedInstruction(quote.text)) continue;
    const paragraph = byNumber.get(quote.paragraph);
    if (!paragraph) continue;
    seen.add(quote.speaker);
    const words = quote.kind === 'direct' ? `“${quote.text.replace(/[\s,;:]+$/u, '')}”` : quote.text;
    speakerLines.push(
      `• ${capitalize(credit(quote)).replace(/,$/, '')}: ${words} [${cite(paragraph, quote)}]`,
    );
  }
  if (speakerLines.length > 0) lines.push('Who said what:', ...speakerLines);
  return { answer: lines.join('\n'), citations, abstained: false };
}

/**
 * The date of one document, as its metadata gives it, cited to its first paragraph (the headline or
 * the dateline that carries it); the documents' own wording of a date is not needed for it.
 */
export function dateOfDocument(
  document: StoredDocument,
  paragraphs: readonly Chunk[],
): Pick<Answer, 'answer' | 'citations' | 'abstained'> {
  const first = paragraphs[0];
  const date = document.meta.date;
  if (!first || !date)
    return { answer: `${document.meta.title} carries no date.`, citations: [], abstained: true };
  const day = spokenDate(date) ?? partialDate(date) ?? date;
  const source = document.meta.publisher ?? document.meta.source;
  return {
    answer: `${day} — the date of “${document.meta.title}”${source ? ` (${source})` : ''}. [1]`,
    citations: [citationOf(1, document, first, null)],
    abstained: false,
  };
}

/** A fragment ("regular contact") says little on its own line: a speaker is shown by a fuller quote. */
const MIN_SUMMARY_QUOTE_WORDS = 6;

/** Each speaker's first quote of some length (or else their longest), in the order speakers first speak. */
function representativeQuotes(quotes: readonly Quote[]): Quote[] {
  const bySpeaker = new Map<string, Quote[]>();
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    bySpeaker.set(quote.speaker, [...(bySpeaker.get(quote.speaker) ?? []), quote]);
  }
  return [...bySpeaker.values()].map(
    (own) =>
      own.find((quote) => countWords(quote.text) >= MIN_SUMMARY_QUOTE_WORDS) ??
      [...own].sort((a, b) => b.text.length - a.text.length)[0] ??
      (own[0] as Quote),
  );
}
