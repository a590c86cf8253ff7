import type { ClaimWords, Word } from './source-words.js';

/** One step of turning the source's words into the claim's. Indices point into the two word lists. */
export type AlignStep =
  | { op: 'same'; claim: number; source: number }
  | { op: 'changed'; claim: number; source: number }
  /** A word the claim has and the source does not. */
  | { op: 'added'; claim: number }
  /** A source word the claim leaves out without marking a cut. */
  | { op: 'removed'; source: number }
  /** A source word left out where the claimant marked a cut ("…"). */
  | { op: 'cut'; source: number }
  /** A source word outside the quotation joining two quoted parts ("…,” he said. “…"): never quoted. */
  | { op: 'bridge'; source: number };

export interface Alignment {
  steps: AlignStep[];
  /** Claim words found unchanged. */
  same: number;
  /** Words added, removed or changed (cuts and bridges are free). */
  edits: number;
  /** Source words from the first to the last one aligned (inclusive indices). */
  first: number;
  last: number;
}

/** How alike the claim is to its best-aligned stretch of the source: 1 when no word differs. */
export function similarity(alignment: Alignment): number {
  const total = alignment.same + alignment.edits;
  return total === 0 ? 0 : alignment.same / total;
}

/** What the aligner knows of each source word besides its form. */
export interface SourceWord extends Word {
  /**
   * Narration between two quoted parts of one speaker: leaving it out is not a cut, since it was never
   * part of the quotation.
   */
  bridge: boolean;
}

enum Move {
  Diagonal = 1,
  Up = 2, // claim word added
  Left = 3, // source word removed / cut / bridge
}

/**
 * The cheapest way to read the whole claim as a stretch of the source (semi-global edit distance
 * over words: the stretch may start and end anywhere; word insertions, deletions and changes cost 1;
 * cuts the claimant marked and unquoted bridges cost 0). Cost is O(claim × source) in time and in a
 * byte per cell of memory: callers bound both lengths.
 */
export function alignWords(claim: ClaimWords, source: readonly SourceWord[]): Alignment | null {
  const n = claim.words.length;
  const m = source.length;
  if (n === 0 || m === 0) return null;
  const width = m + 1;
  const moves = new Uint8Array((n + 1) * width);
  let previous = new Int32Array(width); // row 0: the stretch may begin anywhere, for free
  let current = new Int32Array(width);
  for (let i = 1; i <= n; i += 1) {
    const key = claim.words[i - 1]?.key;
    const freeCut = claim.cutBefore[i] === true;
    current[0] = i;
    moves[i * width] = Move.Up;
    for (let j = 1; j <= m; j += 1) {
      const word = source[j - 1] as SourceWord;
      // A word outside the quotation cannot have been "changed" into a claim word: the claim adds one.
      const diagonal = (previous[j - 1] as number) + (word.key === key ? 0 : word.bridge ? 2 : 1);
      const up = (previous[j] as number) + 1;
      // Leaving out a source word after claim word i: free where the claimant marked a cut right after
      // it (and before the next claim word), or where the word is narration between quoted parts.
      const left = (current[j - 1] as number) + (freeCut && i < n ? 0 : word.bridge ? 0 : 1);
      let best = diagonal;
      let move = Move.Diagonal;
      if (up < best) [best, move] = [up, Move.Up];
      if (left < best) [best, move] = [left, Move.Left];
      current[j] = best;
      moves[i * width + j] = move;
    }
    [previous, current] = [current, previous];
  }
  let end = 1;
  for (let j = 2; j <= m; j += 1) if ((previous[j] as number) < (previous[end] as number)) end = j;
  return traceBack(claim, source, moves, width, end);
}

function traceBack(
  claim: ClaimWords,
  source: readonly SourceWord[],
  moves: Uint8Array,
  width: number,
  end: number,
): Alignment {
  const steps: AlignStep[] = [];
  let i = claim.words.length;
  let j = end;
  while (i > 0) {
    const move = moves[i * width + j];
    if (move === Move.Diagonal) {
      const same = claim.words[i - 1]?.key === source[j - 1]?.key;
      steps.push({ op: same ? 'same' : 'changed', claim: i - 1, source: j - 1 });
      i -= 1;
      j -= 1;
    } else if (move === Move.Up) {
      steps.push({ op: 'added', claim: i - 1 });
      i -= 1;
    } else {
      const cut = claim.cutBefore[i] === true && i < claim.words.length;
      steps.push({ op: cut ? 'cut' : source[j - 1]?.bridge ? 'bridge' : 'removed', source: j - 1 });
      j -= 1;
    }
  }
  steps.reverse();
  // Bridges and cuts at the edges belong to no stretch: trim them so the stretch starts and ends on
  // a word of the claim.
  while (steps.length > 0 && isFreeSkip(steps[0])) steps.shift();
  while (steps.length > 0 && isFreeSkip(steps.at(-1))) steps.pop();
  const sourceIndices = steps.flatMap((step) => ('source' in step ? [step.source] : []));
  return {
    steps,
    same: steps.filter((step) => step.op === 'same').length,
    edits: steps.filter((step) => step.op === 'changed' || step.op === 'added' || step.op === 'removed')
      .length,
    first: Math.min(...sourceIndices, Number.POSITIVE_INFINITY),
    last: Math.max(...sourceIndices, Number.NEGATIVE_INFINITY),
  };
}

function isFreeSkip(step: AlignStep | undefined): boolean {
  return step?.op === 'cut' || step?.op === 'bridge';
}

/** A stretch of claim words found word for word, unbroken, in one source. */
export interface ExactRun {
  claimStart: number;
  length: number;
  sourceStart: number;
}

/**
 * For each claim position, the longest unbroken run of claim words that the source has word for word
 * from there (the pieces a spliced quotation is made of). O(claim × source).
 */
export function longestRuns(claim: readonly Word[], source: readonly Word[]): (ExactRun | null)[] {
  const n = claim.length;
  const m = source.length;
  let below = new Int32Array(m + 1);
  let row = new Int32Array(m + 1);
  const best: (ExactRun | null)[] = new Array(n).fill(null);
  for (let i = n - 1; i >= 0; i -= 1) {
    const key = claim[i]?.key;
    for (let j = m - 1; j >= 0; j -= 1) {
      const length = source[j]?.key === key ? (below[j + 1] as number) + 1 : 0;
      row[j] = length;
      const current = best[i];
      if (length > 0 && (!current || length > current.length)) {
        best[i] = { claimStart: i, length, sourceStart: j };
      }
    }
    [below, row] = [row, below];
  }
  return best;
}
