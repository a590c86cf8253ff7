import { type SpeakerTally, tallyQuotes } from '../index/quote-store.js';
import type { StoredDocument } from '../index/types.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
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

/** The speakers of one document (listDocumentSpeakers' answer for it), from its quote list. */
export async function listDocumentSpeakers(
  context: SearchContext,
  document: StoredDocument,
): Promise<Pick<Answer, 'answer' | 'citations' | 'abstained'>> {
  const tallies = tallyQuotes([[document, await context.quotes.ofDocument(document)]]);
  return speakersAnswer(context, `“${document.meta.title}”`, false, tallies, tallies.length);
}

/**
 * The speakers of every document, as listDocumentSpeakers would list them over all of them, from the
 * speaker directory (which counts every name's quotes) and the tallies of only those speakers who can
 * be listed: every group, since a group is its members and its name alone may stand for several, and
 * the most quoted of the others — one tally each, which no speaker left out can outrank — so what is
 * read grows with the speakers shown and the groups, not with the archive. A person's quotes that
 * name only that person as member count as the person's own, as the directory reads them.
 */
export async function listAllSpeakers(
  context: SearchContext,
): Promise<Pick<Answer, 'answer' | 'citations' | 'abstained'>> {
  const { documents } = context.index;
  const { groups, others } = namesQuoted(context.speakers);
  const taken = mostQuoted(others);
  const tallies = await context.quotes.tallies(documents, [...groups, ...taken.map(({ name }) => name)]);
  const one = documents.length === 1 ? documents[0] : undefined;
  const where = one ? `“${one.meta.title}”` : `the ${documents.length} documents`;
  return speakersAnswer(context, where, !one, tallies, tallies.length + others.length - taken.length);
}

interface NameQuoted {
  name: string;
  count: number;
}

/** The directory's names, those of groups apart, each other one with the quotes of all its entries. */
function namesQuoted(entries: readonly SpeakerEntry[]): { groups: string[]; others: NameQuoted[] } {
  const counts = new Map<string, number>();
  const groups = new Set<string>();
  for (const entry of entries) {
    counts.set(entry.name, (counts.get(entry.name) ?? 0) + entry.quoteCount);
    if (entry.members.length > 0) groups.add(entry.name);
  }
  const others = [...counts].filter(([name]) => !groups.has(name)).map(([name, count]) => ({ name, count }));
  return { groups: [...groups], others };
}

/** The MAX_LISTED names quoted most, in the listing's order, with any the order cannot tell from the last. */
function mostQuoted(names: readonly NameQuoted[]): NameQuoted[] {
  const order = (a: NameQuoted, b: NameQuoted) => b.count - a.count || a.name.localeCompare(b.name);
  const sorted = [...names].sort(order);
  const last = sorted[MAX_LISTED - 1];
  return sorted.filter(
    (name, index) => index < MAX_LISTED || (last !== undefined && order(name, last) === 0),
  );
}

/**
 * The speakers tallied, most quoted first, each with their role and how often they are quoted, cited
 * by the paragraph of their first quote. Only what attribution credited: an unnamed source is listed
 * as the text describes it, never given a name. `total` counts those not tallied too.
 */
async function speakersAnswer(
  context: SearchContext,
  where: string,
  several: boolean,
  tallies: readonly SpeakerTally[],
  total: number,
): Promise<Pick<Answer, 'answer' | 'citations' | 'abstained'>> {
  if (total === 0) return { answer: `No one is quoted in ${where}.`, citations: [], abstained: false };
  const ranked = [...tallies].sort(
    (a, b) => b.count - a.count || (a.first.quote.speaker ?? '').localeCompare(b.first.quote.speaker ?? ''),
  );
  const citations: Citation[] = [];
  const shown = ranked.slice(0, MAX_LISTED);
  const keyOf = ({ first }: SpeakerTally) => `${first.document.id}#${first.quote.paragraph}`;
  const cited = await context.store.paragraphs(shown.map(keyOf));
  const lines = shown.flatMap((tally) => {
    const paragraph = cited.get(keyOf(tally));
    if (!paragraph) return [];
    const { document, quote } = tally.first;
    const n = citations.length + 1;
    citations.push(citationOf(n, document, paragraph, quote));
    const times = `quoted ${tally.count === 1 ? 'once' : `${tally.count} times`}`;
    const across = several && tally.documents > 1 ? ` in ${tally.documents} documents` : '';
    return [`• ${capitalize(credit(quote)).replace(/,$/, '')} — ${times}${across} [${n}]`];
  });
  const more = total - lines.length;
  const tail = more > 0 ? `\n…and ${more} more.` : '';
  return {
    answer: `${total} speaker${total === 1 ? ' is' : 's are'} quoted in ${where}:\n${lines.join('\n')}${tail}`,
    citations,
    abstained: false,
  };
}
