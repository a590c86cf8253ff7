import { type Scope, scopeKey } from '../collections/scope.js';
import { indexCollections, restrictIndex } from '../index/restrict-index.js';
import type { CorpusTables, StoredDocument } from '../index/types.js';
import { runInSlices } from '../run-in-slices.js';
import { CorpusTableParts } from './corpus-table-parts.js';
import { servedContextSteps } from './question-tables.js';
import { createSearchContext, type SearchContext } from './search-context.js';

/**
 * Scoped contexts kept per context (per index generation), one per scope asked: building one reads
 * every document's quotes and aliases and counts the words of its chunks, so it is done once, not per
 * question. Bounded: there are as many scopes as distinct channel bindings, and the oldest is dropped.
 */
const MAX_SCOPES = 64;
const scoped = new WeakMap<SearchContext, Map<string, SearchContext>>();
/** Scoped contexts being built in slices (prepareScope), so two requests build one once. */
const building = new WeakMap<SearchContext, Map<string, Promise<SearchContext>>>();

/**
 * The context a question from `scope` is answered in: the documents, chunks, speakers and aliases of
 * its collections only, with searches filtered inside retrieval. No scope, or one that covers every
 * collection in the index, is the context itself (so today's single-corpus answers are unchanged).
 * Built here, at once, unless prepareScope built it before.
 */
export function withinScope(context: SearchContext, scope: Scope | undefined): SearchContext {
  if (!scope || coversAll(context, scope)) return context;
  const key = scopeKey(scope);
  const found = cacheOf(context).get(key);
  if (found) return found;
  const allowed = new Set(scope.collections);
  const made = createSearchContext(restrictIndex(context.index, allowed), context.embedder, context.wordnet);
  // Over a store that reads chunks on demand, the scope's tables need its paragraphs, which only
  // prepareScope reads (awaited): what is built here serves what needs no table (documents,
  // speakers) and is not kept, so the prepared one replaces it.
  return readsOnDemand(context) ? made : keep(context, key, made);
}

/**
 * Builds the context of `scope` ahead of its request, in slices (run-in-slices.ts) and with every
 * table questions are read with (question-tables.ts), as the bot does for each generation it serves:
 * a bound channel's first question would otherwise build it at once, holding the bot's one thread for
 * seconds on a large index while other requests wait unacknowledged.
 */
export async function prepareScope(context: SearchContext, scope: Scope | undefined): Promise<void> {
  if (!scope || coversAll(context, scope)) return;
  const key = scopeKey(scope);
  if (cacheOf(context).has(key)) return;
  let inFlight = building.get(context);
  if (!inFlight) {
    inFlight = new Map();
    building.set(context, inFlight);
  }
  const pending = inFlight.get(key);
  if (pending) {
    await pending;
    return;
  }
  const allowed = new Set(scope.collections);
  const restricted = restrictIndex(context.index, allowed);
  const made = (async () => {
    const view = readsOnDemand(context)
      ? { ...restricted, tables: await scopeTables(context, restricted.documents) }
      : restricted;
    return runInSlices(servedContextSteps(view, context.embedder, context.wordnet));
  })();
  inFlight.set(key, made);
  try {
    keep(context, key, await made);
  } finally {
    inFlight.delete(key);
  }
}

function coversAll(context: SearchContext, scope: Scope): boolean {
  const allowed = new Set(scope.collections);
  return indexCollections(context.index).every((collection) => allowed.has(collection));
}

function cacheOf(context: SearchContext): Map<string, SearchContext> {
  let cache = scoped.get(context);
  if (!cache) {
    cache = new Map();
    scoped.set(context, cache);
  }
  return cache;
}

function keep(context: SearchContext, key: string, made: SearchContext): SearchContext {
  const cache = cacheOf(context);
  // One built at once while the sliced build ran is kept: both are the same scope's context.
  const found = cache.get(key);
  if (found) return found;
  if (cache.size >= MAX_SCOPES) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, made);
  return made;
}

/** Whether the index holds neither its chunks nor its quotes, which a scope then reads (PostgreSQL). */
function readsOnDemand(context: SearchContext): boolean {
  return context.index.store !== undefined || context.index.quoteStore !== undefined;
}

/**
 * The tables of a scope's documents (vocabulary, names, descriptions, speaker directory, aliases),
 * as the writer computes the whole index's (corpus-table-parts.ts), from its paragraphs and quotes
 * read from the stores a document at a time: what this holds grows with the scope's quotes, words and
 * speakers, not with its paragraphs.
 */
async function scopeTables(
  context: SearchContext,
  documents: readonly StoredDocument[],
): Promise<CorpusTables> {
  const parts = new CorpusTableParts();
  const paragraphsOf = (document: StoredDocument) =>
    context.store.documentParagraphs(document.id, document.paragraphCount);
  for (const document of documents)
    parts.add(
      { ...document, quotes: await context.quotes.ofDocument(document) },
      await paragraphsOf(document),
    );
  return parts.finish(documents, paragraphsOf);
}
