import type { Embedder } from '../index/embedder.js';
import type { IndexData } from '../index/index-store.js';
import type { ServedIndex } from '../index/served-index.js';
import type { Steps } from '../run-in-slices.js';
import type { Wordnet } from '../text/wordnet.js';
import { corpusNameRunSteps } from './corpus-names.js';
import { correctionTableSteps } from './correct-question.js';
import { type SearchContext, searchContextSteps } from './search-context.js';
import { descriptionSteps } from './speaker-descriptions.js';

/**
 * The search context of a generation the bot is about to serve, with every table questions are read
 * with already built: the corpus's vocabulary (typos), its name runs and their cased forms (names
 * typed in lower case, clipped short forms), and what the documents write around each speaker's
 * name ("the Rhode Island senator"). Each is otherwise built on the first question that needs it —
 * right for the CLI, which answers one question and may need none of them, but in the bot that first
 * question of each generation waited seconds at 100,000 paragraphs. As steps (run-in-slices.ts), so
 * the swap spends that time in slices between requests.
 */
export function* servedContextSteps(
  index: IndexData | ServedIndex,
  embedder: Embedder,
  wordnet: Wordnet,
): Steps<SearchContext> {
  const context = yield* searchContextSteps(index, embedder, wordnet);
  yield* corpusNameRunSteps(context);
  yield* correctionTableSteps(context);
  yield* descriptionSteps(context);
  return context;
}
