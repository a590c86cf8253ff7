import type { Verdict } from '../../src/check/types.js';

/** One claim of test/fixtures/check-eval/claims.json (built by scripts/build-check-eval.ts). */
export interface CheckClaim {
  id: string;
  split: 'dev' | 'test';
  doc: string;
  /** How it was made: true, shortened, altered, spliced, misattributed, paraphrase, invented. */
  type: string;
  claim: string;
  speaker: string | null;
  expected: { verdict: Verdict; said_by: string | null };
}
