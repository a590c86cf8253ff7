import { runNow, type Steps, stepCounter } from '../run-in-slices.js';
import type { CorpusView } from './search-context.js';

/** Runs of capitalised words (joined by "of", "the" …) in the documents: the names they write in full. */
const NAME_RUN = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|the|for|on|and)\s+)*\p{Lu}[\p{L}'’.-]*)+/gu;

const runs = new WeakMap<CorpusView, ReadonlyMap<string, number>>();

/**
 * Each run and how many times the documents write it, in the order first met: what readers of the
 * runs count (blends.ts) and the order they break ties by, held once per distinct run rather than
 * once per occurrence. Built once per index, on first need, unless the bot built it with the
 * generation (question-tables.ts) or the index's writer did (corpus-tables.ts).
 */
export function corpusNameRuns(context: CorpusView): ReadonlyMap<string, number> {
  return runs.get(context) ?? runNow(corpusNameRunSteps(context));
}

/** Paragraphs read between two yields. */
const STEP_PARAGRAPHS = 200;

/** corpusNameRuns as steps (run-in-slices.ts); kept for the context once built. */
export function* corpusNameRunSteps(context: CorpusView): Steps<ReadonlyMap<string, number>> {
  const known = runs.get(context);
  if (known) return known;
  const precomputed = context.index.tables?.nameRuns;
  const found = new Map<string, number>(precomputed);
  const tick = stepCounter(STEP_PARAGRAPHS);
  if (!precomputed) {
    for (const chunk of context.paragraphs.values()) {
      addNameRuns(found, chunk.text);
      if (tick()) yield;
    }
  }
  runs.set(context, found);
  return found;
}

/** Counts the name runs of one paragraph into `found` (the writer streaming documents uses it too). */
export function addNameRuns(found: Map<string, number>, text: string): void {
  for (const match of text.matchAll(NAME_RUN)) found.set(match[0], (found.get(match[0]) ?? 0) + 1);
}
