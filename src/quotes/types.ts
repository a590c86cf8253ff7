import type { SpeakerHint } from '../corpus/types.js';

export type QuoteKind = 'direct' | 'indirect';

/**
 * A quote found in a document: always a verbatim span of the source text.
 * Invariant: `paragraph.text.slice(start - paragraph.start, end - paragraph.start) === text`.
 */
export interface Quote {
  text: string;
  kind: QuoteKind;
  /** Canonical speaker: "Dan Meyer", "SpaceX", "The Wall Street Journal", "the Senators"; null when unknown. */
  speaker: string | null;
  /** Role from an appositive or title: "national security attorney", "NASA Administrator". */
  role: string | null;
  /** For a group speaker ("the Senators"), the people the document names as its members; otherwise []. */
  members: string[];
  /** Who reported the words when the speaker did not say them to this publication ("the Journal reported"). */
  via: string | null;
  /** The attribution cue: "said", "told … that", "according to", "wrote", "label", "continuation"… */
  cue: string | null;
  /** 0..1: how sure the attribution rule that fired is. */
  confidence: number;
  /** 1-based paragraph number. */
  paragraph: number;
  /** Offsets into the same text as `Paragraph.start`/`end`. */
  start: number;
  end: number;
}

/** What the extractor needs of a paragraph (a subset of corpus `Paragraph`). */
export interface ParagraphInput {
  number: number;
  text: string;
  start: number;
}

export interface ExtractInput {
  paragraphs: readonly ParagraphInput[];
  /** Optional speakers from front matter: seed the entity table (names and roles), never invent quotes. */
  speakerHints?: readonly SpeakerHint[];
}
