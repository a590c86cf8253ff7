// damerau-levenshtein ships no type declarations.
declare module 'damerau-levenshtein' {
  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
  export default function damerauLevenshtein(
    a: string,
    b: string,
  ): { steps: number; relative: number; similarity: number };
}
