// How sure each way of finding a speaker is, on a 0–1 scale kept with every quote (answers show low
// confidence as such). The order matters more than the values: it follows the sieve order of
// precision (DESIGN.md, "Who-said-what"), from the adjacent `"…," X said` down to a speaker carried
// over from context. The values are not fitted to any document.
import type { SpeechAct } from './speech-act.js';

/** By attribution frame: a speech verb right after the quote is the most reliable cue English has. */
export const FRAME_CONFIDENCE: Record<SpeechAct['frame'], number> = {
  after: 0.95,
  colon: 0.9,
  introducer: 0.85,
  clause: 0.85,
  final: 0.85,
  /** A sentence split around its attribution: the reported words are certain, their extent a little less. */
  middle: 0.8,
  participle: 0.85,
  according: 0.75,
  label: 0.75,
};

/** Reported speech has no quote marks to delimit it, so its extent is less certain than a quotation's. */
export const INDIRECT_DISCOUNT = 0.05;
/** A pronoun speaker is only as good as the antecedent chosen for it. */
export const PRONOUN_FACTOR = 0.9;
/** Unnamed groups ("officials said", "residents say") are attributable, but only just. */
export const UNNAMED_GROUP_CAP = 0.6;
/** A transcript label ("MS. RIVERA:") names the speaker of its turn outright. */
export const TRANSCRIPT_TURN = 0.9;
/** A pull quote or blockquote with a credit line after it ("— Gerald Oakes, keeper"): named outright. */
export const CREDIT_LINE = 0.85;
/** An unlabelled paragraph between turns, read as the previous turn going on: no label of its own. */
export const TRANSCRIPT_CONTINUATION = 0.75;
/** The second half of a split quote, or a quote continued into the next paragraph: same speaker. */
export const CONTINUED_QUOTE = 0.8;
/** A quote-only paragraph right after "X wrote:"/"said in a statement:" belongs to the introducer. */
export const INTRODUCED_QUOTE = 0.85;
/** A quote standing alone in a paragraph, credited to the last speaker: the weakest direct cue. */
export const STANDALONE_QUOTE = 0.7;
/** Bullets or a bare statement under an introducer: the speaker is clear, the extent less so. */
export const INTRODUCED_BLOCK = 0.6;
/** Words the outer speaker presents as someone else's (a quote inside a quote): second-hand. */
export const NESTED_QUOTE = 0.65;
