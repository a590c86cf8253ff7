import type { Citation, ClosestPassage } from '../answer/citation.js';
import type { QuoteKind } from '../quotes/types.js';

/**
 * What a quotation a person brings is, judged against the documents:
 * - `verbatim`: the words of a quotation as the document has it (case, punctuation, quote marks and
 *   white space aside);
 * - `shortened`: a faithful excerpt — the words are the document's, in order, with parts left out at the
 *   edges or where the claim marks a cut ("…");
 * - `altered`: a near copy with words added, removed or changed (shown as a word diff);
 * - `spliced`: pieces said in different places or by different people joined into one;
 * - `misattributed`: the words are there, but the document credits someone else;
 * - `paraphrase`: the document reports the idea only as indirect speech, not as these words;
 * - `not_found`: nothing in the documents is close enough (the closest passages are shown, not cited).
 */
export type Verdict =
  | 'verbatim'
  | 'shortened'
  | 'altered'
  | 'spliced'
  | 'misattributed'
  | 'paraphrase'
  | 'not_found';

/** A verbatim span of a document that a verdict rests on. */
export interface OriginalSpan {
  /** The document's words, verbatim. */
  text: string;
  doc: string;
  title: string;
  paragraph: number;
  /** Document offsets of `text`. */
  start: number;
  end: number;
  speaker: string | null;
  role: string | null;
  kind: QuoteKind | null;
  url: string | null;
  publisher: string | null;
  date: string | null;
  /** A line a reporter can paste (`“…,” Dan Meyer, …, told Axios (Oct. 27, 2024).`); null with no speaker. */
  copy_line: string | null;
  /** The document's URL with a text fragment that highlights these words; null without a URL. */
  link: string | null;
}

/** One part of a word diff from the original to the claim. */
export interface DiffPart {
  /** `same`: in both; `added`: only in the claim; `removed`: left out, unmarked; `cut`: left out at a
   * marked cut or outside the excerpt; `changed`: `text` (claim) stands where `original` stood. */
  op: 'same' | 'added' | 'removed' | 'cut' | 'changed';
  text: string;
  original?: string;
  /** For `changed`: the claim's word is one keystroke from the original's (a likely typo). */
  typo?: boolean;
}

/** A piece of a spliced claim and where it comes from. */
export interface SplicePiece {
  /** The claim's words of this piece. */
  text: string;
  original: OriginalSpan;
}

/** How the document's speaker of the words was found (`quote_check.attribution`). */
export interface AttributionEvidence {
  speaker: string;
  /** The attribution cue that fired: "said", "continuation", "label", … (null when none was kept). */
  cue: string | null;
  /** The extractor's 0–1 confidence in the speaker. */
  confidence: number;
  /** True when the speaker was inferred from context rather than named beside the words. */
  low_confidence: boolean;
  /** One plain sentence: who, by which cue, how sure. */
  note: string;
}

/**
 * The result of checking one quotation (`whosaid check --json`, `quote_check` in `ask --json`). Keys are
 * snake_case because this object is the published JSON contract.
 */
export interface QuoteCheck {
  verdict: Verdict;
  /** The quotation checked, as given. */
  claim: string;
  /** Who the documents credit with the words (null when not found or when the document names no one). */
  said_by: string | null;
  /** Who the asker said said it, as typed (null when the asker named no one). */
  claimed_speaker: string | null;
  /** How the wording compares, also when the verdict is about the speaker (`misattributed`). */
  wording: 'verbatim' | 'shortened' | 'altered' | 'paraphrase' | null;
  /** The span the verdict rests on (for `spliced`: the first piece's; null for `not_found`). */
  original: OriginalSpan | null;
  /** From the original to the claim; empty when there is nothing to compare. */
  diff: DiffPart[];
  /** For `spliced`: each piece with its own source. */
  pieces: SplicePiece[];
  /** Passages cited for the verdict (numbered from 1); empty for `not_found`. */
  citations: Citation[];
  /** For `not_found`: the passages that came closest, never cited. */
  closest: ClosestPassage[];
  /** How the document's speaker was found; null when the verdict names no speaker. */
  attribution: AttributionEvidence | null;
  /**
   * True when the claimed speaker differs from the document's but the document's was only inferred and
   * the claimed one is named beside the words: the verdict stays `misattributed` (measured: reporting the
   * wording instead lost more true misattributions than it saved true quotes), and the summary says the
   * attribution is an inference to check in the passage.
   */
  speaker_uncertain: boolean;
  /** One plain sentence saying what was found. */
  summary: string;
}
