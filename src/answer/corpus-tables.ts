import type { IndexData } from '../index/index-store.js';
import type { CorpusTables } from '../index/types.js';
import { runNow, type Steps } from '../run-in-slices.js';
import { corpusNameRunSteps } from './corpus-names.js';
import { wordCountSteps } from './correct-question.js';
import { corpusViewSteps } from './search-context.js';
import { descriptionSteps } from './speaker-descriptions.js';

/**
 * The corpus-wide tables of an index, computed by its writer at publication (save-postgres-index.ts)
 * with the very code a process that reads the chunks runs on first need, so a replica that reads the
 * tables answers as one that built them — without reading every paragraph's text and every quote to
 * make them at each start and each new publication. What they hold grows with the corpus's
 * vocabulary, names and speakers, not with its paragraphs.
 */
export function corpusTables(index: IndexData): CorpusTables {
  return runNow(corpusTableSteps(index));
}

function* corpusTableSteps(index: IndexData): Steps<CorpusTables> {
  const view = yield* corpusViewSteps(index);
  return {
    speakers: view.speakers,
    aliases: [...view.aliases],
    vocabulary: [...(yield* wordCountSteps(view))],
    nameRuns: [...(yield* corpusNameRunSteps(view))],
    descriptions: [...(yield* descriptionSteps(view))].map(([name, stems]) => [name, [...stems]]),
  };
}
