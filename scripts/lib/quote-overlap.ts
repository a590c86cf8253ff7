// Text overlap between a reported quote and a labelled one, for evaluation and tests: tokens are
// lowercased words with punctuation and quote-mark style ignored, so "…way," and "…way" are the same.

function quoteTokens(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .replace(/[‘’]/g, "'")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

/** Shared tokens (as a multiset) divided by the longer token count: 1 means the same words. */
export function quoteOverlap(a: string, b: string): number {
  const left = quoteTokens(a);
  const right = quoteTokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of right) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of left) {
    const count = counts.get(token) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(token, count - 1);
    }
  }
  return shared / Math.max(left.length, right.length);
}

/** The threshold used by the evaluation and the gold tests. */
export const OVERLAP_THRESHOLD = 0.6;
