import type { DocumentMeta } from '../corpus/types.js';
import { contentTerms, stem } from '../text/terms.js';
import { stateNames } from '../text/us-states.js';
import { MONTH, monthIndex } from './question-dates.js';
import type { SearchContext } from './search-context.js';

/**
 * "Reed's statement", "the Warren letter", "Shaheen's release", "the Axios article": English names a
 * document by its author or publisher before a noun for a kind of document. Such a reference says
 * which document answers, with words that stand in the document's title or source line rather than
 * in the paragraph that answers — so the documents it fits are found from their metadata.
 */

/** Nouns for kinds of documents a newsroom keeps (not "report", also a fact in stories). */
export const DOCUMENT_NOUN = String.raw`(?:statement|release|press\s+release|letter|article|story|piece|memo|op-?ed|column|transcript)`;
const REFERENCE = new RegExp(
  String.raw`((?:\p{Lu}[\p{L}.'’-]*)(?:[/\s-]+\p{Lu}[\p{L}.'’-]*)*)(?:['’]s)?\s+(?:(?:\p{Ll}+(?:['’]s)?|\p{Lu}[\p{L}-]*|\d{4})\s+){0,3}?(${DOCUMENT_NOUN})\b`,
  'gu',
);

/**
 * "the axios piece", "the reed statement": chat writes the name in lower case. Such a word names a
 * document only where its metadata writes the word as a name (with a capital), not as a role.
 */
const LOWERCASE_REFERENCE = new RegExp(
  // A lookahead, so that each word is tried ("of the axios piece" is read at "axios" too).
  String.raw`\b(\p{Ll}[\p{Ll}'’-]*)(?=(?:['’]s)?\s+(?:\p{Ll}+\s+|\d{4}\s+){0,2}?(${DOCUMENT_NOUN})\b)`,
  'gu',
);

/** "the November 2024 release", "the Sept. 2023 letter": a date, then the kind of document. */
const DATED_REFERENCE = new RegExp(
  String.raw`\b(?:(${MONTH})\s+)?((?:19|20)\d{2})\s+((?:\p{L}+\s+){0,2}?)(${DOCUMENT_NOUN})\b`,
  'giu',
);

/** The documents the question names by author or publisher and kind; empty when it names none. */
export function referencedDocuments(question: string, context: SearchContext): string[] {
  return documentReference(question, context).documents;
}

/**
 * The documents the question names, and the stems of the words that name them ("reed", "statement"):
 * every passage of such a document is in "Reed's statement", whether or not it repeats those words.
 */
export function documentReference(
  question: string,
  context: SearchContext,
): { documents: string[]; terms: string[] } {
  const found = new Set<string>();
  const terms = new Set<string>();
  const typed = [...question.matchAll(LOWERCASE_REFERENCE)].filter((match) =>
    [...context.documents.values()].some((document) =>
      capitalisedWords(namesOf(document.meta)).has((match[1] ?? '').replace(/['’]s$/, '')),
    ),
  );
  // "the shaheen reed letter": names before one noun name one document, which must fit them all; each
  // noun a question writes is a reference of its own.
  const byNoun = new Map<number, Set<string>>();
  for (const match of [...question.matchAll(REFERENCE), ...typed]) {
    const at = question.indexOf(match[2] ?? '', (match.index ?? 0) + (match[1] ?? '').length);
    const fitting = new Set<string>();
    const written = (match[1] ?? '').replace(/['’]s$/, '');
    // "the Illinois senator's letter": a place is also known by its other names ("IL" in "D-IL").
    const others = [
      ...(written.includes(' ')
        ? context.wordnet.phraseSynonyms(written)
        : context.wordnet.synonyms(written.toLowerCase())),
      ...stateNames(written).map((other) => other.replace(/\.$/, '')),
    ];
    const owners = [written, ...others].map((name) => contentTerms(name)).filter((terms) => terms.length > 0);
    const kind = stem((match[2] ?? '').split(/\s+/).at(-1) ?? '');
    for (const document of context.documents.values()) {
      const described = new Set(contentTerms(describe(document.meta)));
      const owner = owners.find((words) => words.every((word) => described.has(word)));
      if (!described.has(kind) || !owner) continue;
      fitting.add(document.id);
      for (const word of [...owner, kind]) terms.add(word);
    }
    const earlier = byNoun.get(at);
    byNoun.set(at, earlier ? new Set([...earlier].filter((id) => fitting.has(id))) : fitting);
  }
  for (const documents of byNoun.values()) for (const id of documents) found.add(id);
  // "the November 2024 release", "the Sept. 2023 letter": a date before the kind of document names the
  // documents of that month or year, when nothing else named one.
  if (found.size === 0) {
    for (const match of question.matchAll(DATED_REFERENCE)) {
      // A capitalised word between the date and the kind names the document otherwise ("the 2023
      // Austin letter"), which the references above read.
      if (/\p{Lu}/u.test(match[3] ?? '')) continue;
      const month = match[1] ? monthIndex(match[1]) + 1 : null;
      const year = match[2] ?? '';
      const kind = stem((match[4] ?? '').split(/\s+/).at(-1) ?? '');
      for (const document of context.documents.values()) {
        const date = document.meta.date ?? '';
        const fits =
          date.startsWith(year) && (month === null || date.slice(5, 7) === String(month).padStart(2, '0'));
        if (!fits || !new Set(contentTerms(describe(document.meta))).has(kind)) continue;
        found.add(document.id);
        terms.add(kind);
      }
    }
  }
  // A reference that fits every document tells none apart.
  return found.size < context.documents.size
    ? { documents: [...found], terms: [...terms] }
    : { documents: [], terms: [] };
}

/** "the article", "this piece": a document named by its kind alone. */
const BARE_REFERENCE = new RegExp(String.raw`\b(?:the|this|that)\s+(${DOCUMENT_NOUN})\b`, 'giu');

/**
 * The one document of the kind a bare reference names ("summarize the article" where one document is
 * an article), or null: a kind several documents share tells none apart, as a reference fitting all does.
 */
export function soleDocumentOfKind(question: string, context: SearchContext): string | null {
  for (const match of question.matchAll(BARE_REFERENCE)) {
    const kind = stem((match[1] ?? '').split(/\s+/).at(-1) ?? '');
    const fitting = [...context.documents.values()].filter((document) =>
      new Set(contentTerms(describe(document.meta))).has(kind),
    );
    if (fitting.length === 1 && context.documents.size > 1) return fitting[0]?.id ?? null;
  }
  return null;
}

function describe(meta: DocumentMeta): string {
  return [
    meta.title,
    // What a publisher puts out is an article, a story, a piece, whatever its front matter calls it.
    meta.publisher ? 'article story piece' : '',
    meta.source ?? '',
    meta.publisher ?? '',
    ...meta.speakers.flatMap((speaker) => [speaker.name, speaker.role ?? '']),
  ].join(' ');
}

/**
 * Who published or speaks in the document: a title's capitals are title case, and a source line's
 * ("Office of U.S. Senator …") hold roles, not names.
 */
function namesOf(meta: DocumentMeta): string {
  return [meta.publisher ?? '', ...meta.speakers.map((speaker) => speaker.name)].join(' ');
}

/** The words a text writes with a capital, in lower case: the names in a document's metadata. */
function capitalisedWords(text: string): Set<string> {
  return new Set([...text.matchAll(/\b\p{Lu}[\p{L}'’-]*/gu)].map((m) => m[0].toLowerCase()));
}
