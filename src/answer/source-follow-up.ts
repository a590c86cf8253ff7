import { contentTerms } from '../text/terms.js';
import { citationOf } from './document-citation.js';
import type { CitedSource, ConversationTurn } from './follow-up-question.js';
import type { SearchContext } from './search-context.js';
import type { Answer, Citation } from './types.js';

/** What a follow-up asks about the documents just cited: which they are, their date, publisher or link. */
type SourceQuestion = 'which' | 'when' | 'publisher' | 'link';

interface SourceRequest {
  asks: SourceQuestion;
  /** A document noun that may pick among the documents ("which letter"), or null. */
  noun: string | null;
  /** Asked in the singular: the document the answer leads with (its first source). */
  one: boolean;
}

/** Nouns for a document as a thing ("the letter", "the source"): what refers to what was cited. */
const DOCUMENT_NOUNS =
  'source sources article letter document doc story report piece statement release memo page paper post filing';
const NOUN = `(?:${DOCUMENT_NOUNS.split(' ').join('|')}|stories)`;
/** A reference back: "that", "it", "this one", the + a document noun, or a link asked for. */
const REFERENCE = new RegExp(`\\b(?:that|this|it|those|these|the\\s+${NOUN}s?|link|url)\\b`, 'i');
/**
 * Grammatical number: "which letter was that?" asks for one document — the one the answer leads
 * with —, "what are the sources?" or "which articles were those?" for all it cited.
 */
const PLURAL = new RegExp(`\\b(?:those|these|are|were|all)\\b|\\b${NOUN}s\\b|\\bstories\\b`, 'i');
/** Verbs of a document's making and its metadata: words such a question may hold besides the reference. */
const METADATA_WORDS = `${DOCUMENT_NOUNS} published publish written write wrote dated date released release sent send issued issue posted come came read find link url`;

const KINDS: readonly [SourceQuestion, RegExp][] = [
  ['when', /^(?:when|what\s+(?:date|day|year))\b/i],
  [
    'publisher',
    /^(?:who|which\s+(?:outlet|paper|publication|site))\s+(?:published|wrote|released|issued|sent|posted)\b/i,
  ],
  ['link', /\b(?:link|url)\b|^where\s+(?:can|could|do|might)\s+i\s+(?:read|find|see)\b/i],
  ['which', /^(?:which|what)\b|^where\s+(?:is|was|did|does)\b|^sources?\b/i],
];

/**
 * Whether a follow-up asks about the documents the previous answer cited, and what: "which letter was
 * that?", "what's the source?", "where is that from?", "when was that published?", "who published it?",
 * "is there a link?". It must refer back (that / it / the letter …) and say nothing else: a question
 * with a content word of its own ("when was the contract signed?") asks the documents, not about them,
 * and is answered as asked.
 */
function sourceQuestion(question: string): SourceRequest | null {
  const text = question.trim();
  if (!REFERENCE.test(text) && !/^sources?\b/i.test(text)) return null;
  // Why this holds in general: with no content word of its own, a question can only be about what
  // the conversation just showed — here, the documents of the answer before it.
  const allowed = new Set(contentTerms(METADATA_WORDS));
  if (contentTerms(text).some((term) => !allowed.has(term))) return null;
  const asks = KINDS.find(([, pattern]) => pattern.test(text))?.[0];
  if (!asks) return null;
  const noun = new RegExp(`\\b(${NOUN})s?\\b`, 'i').exec(text)?.[1] ?? null;
  return {
    asks,
    noun: noun && !/^(?:sources?|doc|document)$/i.test(noun) ? noun.toLowerCase() : null,
    one: !PLURAL.test(text),
  };
}

/**
 * A follow-up about the documents the latest answer cited ("which letter was that?"), answered from
 * their metadata; null when the question is not one, or no answer before it cited anything here.
 */
export function sourcesFollowUp(
  context: SearchContext,
  question: string,
  turns: readonly ConversationTurn[],
): Answer | null {
  const asked = sourceQuestion(question);
  if (!asked) return null;
  // The latest answer (an abstention records no sources; the later parts of a long answer record none
  // at all, and are skipped): "that" is what it cited, never something cited further back.
  const latest = [...turns].reverse().find((turn) => turn.from === 'bot' && turn.sources !== undefined);
  return latest?.sources?.length ? sourcesAnswer(context, asked, latest.sources) : null;
}

/**
 * The answer to such a follow-up, from the documents' own metadata, each cited by the paragraph the
 * previous answer cited. A noun ("which letter") keeps the cited documents whose title names it, when
 * any does. Sources outside `context` (another scope) are left out; null when none is left.
 */
function sourcesAnswer(
  context: SearchContext,
  request: SourceRequest,
  sources: readonly CitedSource[],
): Answer | null {
  const citations: Citation[] = [];
  for (const source of sources) {
    if (citations.some((citation) => citation.doc === source.doc)) continue;
    const document = context.documents.get(source.doc);
    const paragraph = context.paragraphs.get(`${source.doc}#${source.paragraph}`);
    if (document && paragraph) citations.push(citationOf(citations.length + 1, document, paragraph, null));
  }
  const named = request.noun
    ? citations.filter((citation) =>
        contentTerms(citation.title).includes(contentTerms(request.noun ?? '')[0] ?? ''),
      )
    : [];
  const picked = named.length > 0 ? named : citations;
  const shown = (request.one ? picked.slice(0, 1) : picked).map((citation, i) => ({ ...citation, n: i + 1 }));
  if (shown.length === 0) return null;
  const lines = shown.map((citation) => lineFor(request.asks, citation));
  const answer =
    lines.length === 1
      ? `${request.asks === 'which' ? 'That was ' : ''}${lines[0] ?? ''}.`
      : `The answer cited ${lines.length} documents:\n${lines.map((line) => `• ${line}`).join('\n')}`;
  return {
    answer,
    abstained: false,
    citations: shown,
    mode: 'extractive',
    notes: [],
    removed: [],
    speakers: [],
    closest: [],
  };
}

function lineFor(asks: SourceQuestion, citation: Citation): string {
  const title = `“${citation.title}”`;
  const cite = `[${citation.n}]`;
  const by = [citation.publisher, citation.date].filter(Boolean).join(', ');
  switch (asks) {
    case 'when':
      return citation.date
        ? `${title} is dated ${citation.date}${citation.publisher ? ` (${citation.publisher})` : ''} ${cite}`
        : `${title} gives no date ${cite}`;
    case 'publisher':
      return citation.publisher
        ? `${title} is from ${citation.publisher}${citation.date ? ` (${citation.date})` : ''} ${cite}`
        : `${title} names no publisher ${cite}`;
    case 'link':
      return citation.url
        ? `${title}: ${citation.url} ${cite}`
        : `${title} has no link: it is ${citation.doc} ${cite}`;
    default:
      return `${title}${by ? ` (${by})` : ''} ${cite}`;
  }
}
