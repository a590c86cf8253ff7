import type { QuoteCheck } from '../check/types.js';
import type { SpeakerEntry } from '../quotes/speaker-directory.js';
import type { Quote } from '../quotes/types.js';
import type { Wordnet } from '../text/wordnet.js';
import type { Citation, ClosestPassage } from './citation.js';

export type { Citation, ClosestPassage } from './citation.js';

/** A retrieved paragraph with what a citation needs. `text` is verbatim from the document. */
export interface Passage {
  chunkId: string;
  doc: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  paragraph: number;
  /** The page (PDF) the paragraph starts on, shown in citations as "p. N". */
  page?: number;
  text: string;
  /** Offset of `text` in the document (quote offsets are document offsets too). */
  start: number;
  quotes: Quote[];
  /** Fused retrieval score (Reciprocal Rank Fusion, plus the speaker preference). */
  score: number;
  /** Share (0..1) of the question's key terms the passage covers, synonyms counting partly. */
  coverage: number;
  /** The same share over the question's words other than the names it mentions. */
  conceptCoverage: number;
  /**
   * Stems of the question's words that name this passage's document ("reed", "statement" for
   * "Reed's statement"): the passage is in that document whether or not it repeats them.
   */
  referencedAs?: string[];
}

/** Something a verifier took out of a generated answer, and why (reported by `ask --json`). */
export interface Removal {
  kind: 'citation' | 'quote' | 'attribution' | 'sentence';
  text: string;
  reason: string;
}

export interface Answer {
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /** Which path produced the answer. */
  mode: 'extractive' | 'generated';
  /** Notes for the reader, e.g. that generation failed and the extractive answer is shown. */
  notes: string[];
  removed: Removal[];
  /** Speakers the question named, resolved to canonical names. */
  speakers: string[];
  /**
   * When it abstains: the passages that came closest, shown as such ("closest passages"), never as
   * citations. Empty when it answers.
   */
  closest: ClosestPassage[];
  /** When the question quotes a statement to check ("did X say “…”?"): the check, and the answer reports it. */
  quoteCheck?: QuoteCheck;
}

/** What a generated sentence is checked against. */
export interface VerifyContext {
  /** The passages the model was given, numbered from 1 in this order. */
  passages: Passage[];
  speakers: SpeakerEntry[];
  wordnet: Wordnet;
}
