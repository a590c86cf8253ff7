import { type Scope, scopeKey } from '../collections/scope.js';
import { indexCollections, restrictIndex } from '../index/restrict-index.js';
import type { Chunk, StoredDocument } from '../index/types.js';
import type { Quote } from '../quotes/types.js';
import { runInSlices } from '../run-in-slices.js';
import { servedContextSteps } from './question-tables.js';
import { createSearchContext, type ReadFromStores, type SearchContext } from './search-context.js';

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
    const read = readsOnDemand(context) ? await scopeRead(context, restricted.documents) : undefined;
    return runInSlices(servedContextSteps(restricted, context.embedder, context.wordnet, read));
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
 * The whole paragraphs and the quotes of a scope's documents, in the index's order, read from the
 * stores a document at a time: its tables (vocabulary, names, descriptions) and its speaker directory
 * are built from them, then they are dropped. What this holds for a moment grows with the scope; what
 * the scope keeps grows with its words and speakers.
 */
async function scopeRead(
  context: SearchContext,
  documents: readonly StoredDocument[],
): Promise<ReadFromStores> {
  const paragraphs = new Map<string, Chunk>();
  const quotes = new Map<string, Quote[]>();
  for (const document of documents) {
    for (const paragraph of await context.store.documentParagraphs(document.id, document.paragraphCount))
      paragraphs.set(`${paragraph.doc}#${paragraph.paragraph}`, paragraph);
    quotes.set(document.id, await context.quotes.ofDocument(document));
  }
  return { paragraphs, quotes };
}
