import type { StoredDocument } from '../index/types.js';
import type { Quote } from '../quotes/types.js';
import { contentTerms } from '../text/terms.js';
import { capitalize, credit } from './credit.js';
import { citationOf } from './document-citation.js';
import type { SearchContext } from './search-context.js';
import type { Answer, Citation } from './types.js';

/**
 * "Who is quoted in the Axios piece?", "who are the sources?", "list the speakers": a request for the
 * people (and bodies) the documents quote, not for a fact in them. English asks it with a handful of
 * verbs of quoting and nouns for sources, whatever the topic.
 */
const SPEAKERS_REQUEST =
  /^\s*(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:who(?:['’]s|\s+is|\s+are|\s+was|\s+were|\s+gets?|\s+got)\s+(?:being\s+)?(?:quoted|cited|interviewed)\b|who\s+(?:speaks|talks|comments)\s+in\b|(?:who|which\s+people|what\s+people)\s+(?:are|were)\s+(?:the\s+)?(?:speakers|sources)\b|(?:list|show|name)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?(?:speakers|sources|people\s+quoted)\b)/iu;

export function isSpeakersRequest(question: string): boolean {
  return SPEAKERS_REQUEST.test(question);
}

/** Words of the request that name no document ("who is quoted in the documents"). */
const REQUEST_WORDS = new Set(
  contentTerms(
    'who quoted cited interviewed speaks talks comments speakers sources people list show name all ' +
      'documents docs articles stories pieces texts corpus',
  ),
);

/** The document a speakers request names beyond its own words ("the Axios piece"), if it names one. */
export function namesADocument(question: string): boolean {
  return contentTerms(question).some((term) => !REQUEST_WORDS.has(term));
}

/** Speakers listed at most: the rest are counted. */
const MAX_LISTED = 15;

/**
 * The speakers of `documents`, most quoted first, each with their role and how often they are quoted,
 * cited by the paragraph of their first quote. Only what attribution credited: an unnamed source is
 * listed as the text describes it, never given a name.
 */
export function listSpeakers(
  context: SearchContext,
  documents: readonly StoredDocument[],
): Pick<Answer, 'answer' | 'citations' | 'abstained'> {
  const bySpeaker = new Map<
    string,
    { first: Quote; document: StoredDocument; count: number; docs: Set<string> }
  >();
  for (const document of documents) {
    for (const quote of document.quotes) {
      if (!quote.speaker) continue;
      // A group is its members: "the Senators" of one letter are not those of another.
      const key = [quote.speaker, ...quote.members].join('\u0000');
      const seen = bySpeaker.get(key);
      if (seen) {
        seen.count += 1;
        seen.docs.add(document.id);
      } else bySpeaker.set(key, { first: quote, document, count: 1, docs: new Set([document.id]) });
    }
  }
  const one = documents.length === 1 ? documents[0] : undefined;
  const where = one ? `“${one.meta.title}”` : `the ${documents.length} documents`;
  if (bySpeaker.size === 0)
    return { answer: `No one is quoted in ${where}.`, citations: [], abstained: false };
  const ranked = [...bySpeaker.values()].sort(
    (a, b) => b.count - a.count || (a.first.speaker ?? '').localeCompare(b.first.speaker ?? ''),
  );
  const citations: Citation[] = [];
  const lines = ranked.slice(0, MAX_LISTED).flatMap(({ first, document, count, docs }) => {
    const paragraph = context.paragraphs.get(`${document.id}#${first.paragraph}`);
    if (!paragraph) return [];
    const n = citations.length + 1;
    citations.push(citationOf(n, document, paragraph, first));
    const times = `quoted ${count === 1 ? 'once' : `${count} times`}`;
    const across = !one && docs.size > 1 ? ` in ${docs.size} documents` : '';
    return [`• ${capitalize(credit(first)).replace(/,$/, '')} — ${times}${across} [${n}]`];
  });
  const more = ranked.length - lines.length;
  const tail = more > 0 ? `\n…and ${more} more.` : '';
  return {
    answer: `${bySpeaker.size} speaker${bySpeaker.size === 1 ? ' is' : 's are'} quoted in ${where}:\n${lines.join('\n')}${tail}`,
    citations,
    abstained: false,
  };
}
