import type { StoredDocument } from '../index/types.js';
import { findSpeakersInText } from '../quotes/find-speakers-in-text.js';
import { expandAbbreviation } from '../text/abbreviations.js';
import { isShellNoun } from '../text/generic-words.js';
import { contentTerms, isStopword, stem, words } from '../text/terms.js';
import type { SearchContext } from './search-context.js';

/**
 * Requests about the collection rather than facts in it: "what documents do you have", "how many
 * articles are there", "which docs mention Putin", "which of the documents are press releases from
 * senators". English names the collection with a handful of nouns for documents and asks about it
 * with the same few frames whatever the topic; what follows the frame is the filter.
 */
export interface ListRequest {
  /**
   * `topic`: documents whose text mentions it; `description`: documents whose metadata fits it;
   * `speaker`: documents that quote the person or body named ("which documents quote Reed").
   */
  filter: { by: 'topic' | 'description' | 'speaker'; text: string } | null;
  /** "what's the oldest document", "latest article you have": the list by date, that one first. */
  order?: 'oldest' | 'newest';
}

/** Nouns for the documents themselves (not "letters" or "reports", which are also facts in them). */
const COLLECTION = String.raw`(?:documents?|docs?|articles?|stories|story|sources?|files?|texts?|pieces?|items?|(?:press\s+)?releases?)`;
const WHICH = String.raw`^\s*(?:which|what)\s+(?:ones?\s+)?(?:of\s+(?:the|your|these|those)\s+)?(?:\p{L}+\s+)?${COLLECTION}`;
const TOPIC = new RegExp(
  String.raw`${WHICH}\s+(?:(?:do|does|did)\s+)?(?:mentions?|discuss(?:es)?|covers?|talks?\s+about|(?:are|is|were|was)\s+about|deals?\s+with|quotes?|cites?|names?|refers?\s+to|features?|says?\s+anything\s+about)\s+(.+?)\s*[?.!]*$`,
  'iu',
);
const DESCRIPTION = new RegExp(
  String.raw`${WHICH}\s+(?:are|is|were|was|come\s+from|came\s+from|(?:are|were)\s+(?:written|published|issued)\s+by)\s+(.+?)\s*[?.!]*$`,
  'iu',
);
const WHOLE = new RegExp(
  String.raw`^\s*how\s+many\s+(?:\p{L}+\s+)?${COLLECTION}\s+(?:(?:do|does|did|have|can|could)\s+(?:you|we|i)\b|(?:are|is)\s+(?:there|in|indexed|available)\b|in\s+(?:your|the)\b)|\b(?:what|which)\s+${COLLECTION}\b.*\b(?:have|know|indexed|there|available|cover)\b|\blist\s+(?:the\s+|all\s+|your\s+)?${COLLECTION}|\bwhat(?:'s|\s+is)\s+in\s+(?:your|the)\s+(?:corpus|index|collection|library|archive)\b`,
  'iu',
);

/**
 * "What are these docs about?", "what is the corpus about": the collection as a whole, in the plural or
 * by a word for the collection (a single document "about" is a summary request, document-answer.ts).
 */
const COLLECTION_ABOUT =
  /^\s*what(?:['’]?s|\s+is|\s+are)\s+(?:all\s+)?(?:these|those|the|your|this|our)\s+(?:(?:documents|docs|articles|stories|sources|files|texts|pieces|items|releases)|corpus|index|collection|library|archive)\s+(?:all\s+)?about\s*[?.!]*$/iu;

/**
 * "What's the oldest document?", "latest article you have": the request is the superlative and the
 * collection noun alone — "what did the latest article say about X" asks about a fact in it instead.
 */
const BY_DATE = new RegExp(
  String.raw`^\s*(?:(?:what|which)(?:['’]?s|\s+is|\s+are|\s+was)?|show\s+me|give\s+me|list)?\s*(?:the|your)?\s*(oldest|earliest|newest|latest|most\s+recent)\s+(?:(?:one|\p{L}+)\s+)?${COLLECTION}(?:\s+(?:(?:do\s+)?you\s+have|you['’]ve\s+got|in\s+(?:the|your)\s+(?:index|corpus|collection)|indexed|available))?\s*[?.!]*$`,
  'iu',
);

/** "which documents quote Reed": the verbs of quoting ask who speaks in them, not what they mention. */
const QUOTING = new RegExp(
  String.raw`${WHICH}\s+(?:(?:do|does|did)\s+)?(?:quotes?|cites?)\s+(.+?)\s*[?.!]*$`,
  'iu',
);

export function listRequest(question: string): ListRequest | null {
  const superlative = BY_DATE.exec(question)?.[1]?.toLowerCase();
  if (superlative)
    return { filter: null, order: /^(?:oldest|earliest)$/.test(superlative) ? 'oldest' : 'newest' };
  if (COLLECTION_ABOUT.test(question)) return { filter: null };
  const quoted = QUOTING.exec(question)?.[1];
  if (quoted) return { filter: { by: 'speaker', text: quoted } };
  const topic = TOPIC.exec(question)?.[1];
  if (topic) return { filter: { by: 'topic', text: topic } };
  const description = DESCRIPTION.exec(question)?.[1];
  if (description && !/^(?:there|available|indexed)\b/i.test(description))
    return { filter: { by: 'description', text: description } };
  return WHOLE.test(question) ? { filter: null } : null;
}

export interface ListedDocument {
  document: StoredDocument;
  /** The paragraph that shows why it is listed: the first that mentions the topic, else the first. */
  paragraph: number;
}

/** Chunks read for a topic: more than any topic's mentions in the documents a list would show. */
const TOPIC_DEPTH = 500;

/** The documents a list request asks for, in index order. */
export async function documentsFor(context: SearchContext, request: ListRequest): Promise<ListedDocument[]> {
  const { filter } = request;
  const all = context.index.documents;
  if (!filter) return byDate(all, request.order).map((document) => ({ document, paragraph: 1 }));
  const wanted = [...new Set(contentTerms(filter.text))].filter((term) => !isShellNoun(term));
  if (wanted.length === 0) return all.map((document) => ({ document, paragraph: 1 }));
  if (filter.by === 'speaker') {
    // Whoever the words name: a person, a body, or a member of a group that signs ("Reed" in "the Senators").
    // The frame says a name follows, however it is typed ("quote reed"): read it with capitals.
    const asName = filter.text.replace(/\p{Ll}[\p{L}'’-]*/gu, (word) =>
      isStopword(word) ? word : word[0]?.toUpperCase() + word.slice(1),
    );
    const individuals = context.speakers.filter((entry) => entry.members.length === 0);
    const named = new Set(findSpeakersInText(asName, individuals));
    // A group's quote counts when the person is one of its members in that document: "the Senators"
    // of one letter are not those of another.
    const asked = new Set(words(filter.text));
    const member = (name: string) => asked.has(words(name).at(-1) ?? '');
    // The members a quote may name are the directory's (every quote's members are its speaker's
    // entry's, or that entry's own name): those the request names are looked up by the store.
    const members = context.speakers.flatMap((entry) => [entry.name, ...entry.members]).filter(member);
    const found = await context.quotes.bySpeakers(all, {
      speakers: [...named],
      members: [...new Set(members)],
    });
    const listed: ListedDocument[] = [];
    const seen = new Set<string>();
    for (const { document, quote } of found) {
      if (seen.has(document.id)) continue;
      if (!named.has(quote.speaker ?? '') && !quote.members.some(member)) continue;
      seen.add(document.id);
      listed.push({ document, paragraph: quote.paragraph });
    }
    return listed;
  }
  if (filter.by === 'description') {
    // "press releases from senators": every word of the description in what the metadata says the
    // document is (its title, source, publisher, kind).
    return all
      .filter((document) => {
        const { meta } = document;
        const said = new Set(
          contentTerms(
            [meta.title, meta.source, meta.publisher, ...dateWords(meta.date ?? undefined)]
              .filter(Boolean)
              .join(' '),
          ),
        );
        return wanted.every((term) => said.has(term) || said.has(stem(expandAbbreviation(term) ?? term)));
      })
      .map((document) => ({ document, paragraph: 1 }));
  }
  const first = new Map<string, number>();
  const labels = await context.index.lexical.chunksWithAll(topicWords(filter.text), TOPIC_DEPTH);
  const chunks = await context.store.byLabel(labels);
  for (const label of labels) {
    const chunk = chunks.get(label);
    if (!chunk) continue;
    const seen = first.get(chunk.doc);
    if (seen === undefined || chunk.paragraph < seen) first.set(chunk.doc, chunk.paragraph);
  }
  return all.flatMap((document) => {
    const paragraph = first.get(document.id);
    return paragraph === undefined ? [] : [{ document, paragraph }];
  });
}

/**
 * "from 2023", "from sept 2023": the document's date as words — its year and its month's name — so a
 * description by date fits what the metadata says, as one by kind or author does.
 */
function dateWords(date: string | undefined): string[] {
  const [, year, month] = /^(\d{4})(?:-(\d{2}))?/.exec(date ?? '') ?? [];
  if (!year) return [];
  const name = month
    ? new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en', {
        month: 'long',
        timeZone: 'UTC',
      })
    : '';
  return [year, name];
}

/** The topic without its shell nouns and function words: "the Starlink situation in Ukraine" → "Starlink Ukraine". */
function topicWords(text: string): string {
  return words(text)
    .filter((word) => !isStopword(word) && !isShellNoun(stem(word)))
    .join(' ');
}

/**
 * The documents oldest or newest first, by their ISO dates ("2023-09" sorts before "2023-09-15", as a
 * month precedes its days); undated ones last, index order kept among equals.
 */
function byDate(documents: readonly StoredDocument[], order: ListRequest['order']): StoredDocument[] {
  if (!order) return [...documents];
  const dated = documents.filter((document) => document.meta.date);
  const undated = documents.filter((document) => !document.meta.date);
  const sorted = [...dated].sort((a, b) => String(a.meta.date).localeCompare(String(b.meta.date)));
  return [...(order === 'oldest' ? sorted : sorted.reverse()), ...undated];
}
