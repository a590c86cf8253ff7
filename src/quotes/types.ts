import type { SpeakerHint } from '../corpus/types.js';

export type QuoteKind = 'direct' | 'indirect';

export interface SaidWhen {
  /** The date as the text gives it ("2023", "Oct. 27, 2024", "Friday") or the document's date. */
  text: string;
  /** `text`: written in the attribution; `document`: the document's own date, as a fallback. */
  source: 'text' | 'document';
}

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
  // Provenance (set on every quote the extractor makes; optional so quotes stored by earlier versions
  // and quotes built by hand stay valid).
  /** The outlet, organisation or person the words were said to, when the text names one ("told the paper"). */
  saidTo?: string | null;
  /** When it was said: a date the attribution gives (`source: "text"`), else the document's date. */
  when?: SaidWhen | null;
  /**
   * Who passes the words on when the speaker said them to someone else: the outlet that reported them
   * (`via`), or this document's publisher quoting another outlet's interview or a letter.
   */
  relayedBy?: string | null;
  /** The source is unnamed ("a senior official", "people familiar with the matter"): `speaker` describes them. */
  unnamed?: boolean;
  /**
   * The words are a question the speaker asked ("Vollmer asked whether the city had studied …"): they
   * are the asker's, but assert nothing, so answers and quote checks never read them as a claim.
   */
  question?: boolean;
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

/** What the extractor may know of the document itself (front matter), for provenance. */
export interface DocumentInfo {
  publisher?: string | null;
  /** The document's date as its front matter gives it ("2024-10-27", "2023-09"). */
  date?: string | null;
}

export interface ExtractInput {
  paragraphs: readonly ParagraphInput[];
  document?: DocumentInfo;
  /** Optional speakers from front matter: seed the entity table (names and roles), never invent quotes. */
  speakerHints?: readonly SpeakerHint[];
}
