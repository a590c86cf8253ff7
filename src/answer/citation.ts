import type { QuoteKind } from '../quotes/types.js';

export interface Citation {
  n: number;
  doc: string;
  title: string;
  paragraph: number;
  page?: number;
  /** The cited passage, verbatim. */
  text: string;
  /** The attributed quote of the passage the answer relies on, when there is one. */
  speaker: string | null;
  quote: string | null;
  /** Whether `quote` is the speaker's own words (direct) or the document's report of them. */
  kind: QuoteKind | null;
  role: string | null;
  url: string | null;
  publisher: string | null;
  date: string | null;
}

export interface ClosestPassage {
  doc: string;
  title: string;
  paragraph: number;
  /** The paragraph, verbatim. */
  text: string;
  url: string | null;
}
