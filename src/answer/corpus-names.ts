import { runNow, type Steps, stepCounter } from '../run-in-slices.js';
import type { SearchContext } from './search-context.js';

/** Runs of capitalised words (joined by "of", "the" …) in the documents: the names they write in full. */
const NAME_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|the|for|on|and)\s+)*\p{Lu}[\p{L}'’.-]*)+/gu;

const runs = new WeakMap<SearchContext, string[]>();

/** Built once per index, on first need, unless the bot built it with the generation (question-tables.ts). */
export function corpusNameRuns(context: SearchContext): string[] {
  return runs.get(context) ?? runNow(corpusNameRunSteps(context));
}

/** Paragraphs read between two yields. */
const STEP_PARAGRAPHS = 200;

/** corpusNameRuns as steps (run-in-slices.ts); kept for the context once built. */
export function* corpusNameRunSteps(context: SearchContext): Steps<string[]> {
  const known = runs.get(context);
  if (known) return known;
  const found: string[] = [];
  const tick = stepCounter(STEP_PARAGRAPHS);
  for (const chunk of context.paragraphs.values()) {
    for (const match of chunk.text.matchAll(NAME_RUN)) found.push(match[0]);
    if (tick()) yield;
  }
  runs.set(context, found);
  return found;
}
