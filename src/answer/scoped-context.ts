import { type Scope, scopeKey } from '../collections/scope.js';
import { indexCollections, restrictIndex } from '../index/restrict-index.js';
import { createSearchContext, type SearchContext } from './search-context.js';

/**
 * Scoped contexts kept per context (per index generation), one per scope asked: building one reads
 * every document's quotes and aliases and counts the words of its chunks, so it is done once, not per
 * question. Bounded: there are as many scopes as distinct channel bindings, and the oldest is dropped.
 */
const MAX_SCOPES = 64;
const scoped = new WeakMap<SearchContext, Map<string, SearchContext>>();

/**
 * The context a question from `scope` is answered in: the documents, chunks, speakers and aliases of
 * its collections only, with searches filtered inside retrieval. No scope, or one that covers every
 * collection in the index, is the context itself (so today's single-corpus answers are unchanged).
 */
export function withinScope(context: SearchContext, scope: Scope | undefined): SearchContext {
  if (!scope) return context;
  const allowed = new Set(scope.collections);
  if (indexCollections(context.index).every((collection) => allowed.has(collection))) return context;
  let cache = scoped.get(context);
  if (!cache) {
    cache = new Map();
    scoped.set(context, cache);
  }
  const key = scopeKey(scope);
  const found = cache.get(key);
  if (found) return found;
  const made = createSearchContext(restrictIndex(context.index, allowed), context.embedder, context.wordnet);
  if (cache.size >= MAX_SCOPES) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, made);
  return made;
}
