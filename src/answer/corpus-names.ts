import type { SearchContext } from './search-context.js';

/** Runs of capitalised words (joined by "of", "the" …) in the documents: the names they write in full. */
const NAME_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|the|for|on|and)\s+)*\p{Lu}[\p{L}'’.-]*)+/gu;

const runs = new WeakMap<SearchContext, string[]>();

/** Built once per index, on first need (only a clipped short form in a question asks for it). */
export function corpusNameRuns(context: SearchContext): string[] {
  let found = runs.get(context);
  if (!found) {
    found = [...context.paragraphs.values()].flatMap((chunk) =>
      [...chunk.text.matchAll(NAME_RUN)].map((match) => match[0]),
    );
    runs.set(context, found);
  }
  return found;
}
