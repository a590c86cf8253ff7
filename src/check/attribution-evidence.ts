import type { Chunk } from '../index/types.js';
import { surnameOf } from '../quotes/speaker-names.js';
import type { Quote } from '../quotes/types.js';
import type { AttributionEvidence } from './types.js';

/**
 * Below this, the speaker was not named by a speech frame beside the words but carried over from
 * context (a quote standing alone, a pronoun's antecedent, a continuation, a nested or introduced
 * block): the weakest frame that names a speaker outright ("according to", a label) is 0.75 on the
 * extractor's scale (src/quotes/confidence.ts), and everything under it rests on inference.
 */
const NAMED_BY_FRAME = 0.75;

/** How the document's speaker of a quote was found, as a check shows it. */
export function attributionOf(quote: Quote | null): AttributionEvidence | null {
  if (!quote?.speaker) return null;
  const low = quote.confidence < NAMED_BY_FRAME;
  const cue = quote.cue ?? 'context';
  return {
    speaker: quote.speaker,
    cue: quote.cue,
    confidence: Math.round(quote.confidence * 100) / 100,
    low_confidence: low,
    note: low
      ? `${quote.speaker} was inferred from context (cue “${cue}”, confidence ${quote.confidence.toFixed(2)}), not named beside the words`
      : `${quote.speaker} is named beside the words (cue “${cue}”, confidence ${quote.confidence.toFixed(2)})`,
  };
}

/**
 * Whether a disagreement between the claimed speaker and the document's is too weak to call the quote
 * misattributed: the document's speaker was inferred, and the claimed one is named in the quote's
 * paragraph or the one before — a candidate the inference may have passed over. The check then says
 * how the speaker was inferred, so the misattribution reads as the document's inference, not a fact.
 */
export function uncertainDisagreement(
  paragraphs: readonly Chunk[],
  quote: Quote,
  claimed: string | null,
): boolean {
  if (!claimed || quote.confidence >= NAMED_BY_FRAME) return false;
  const forms = [claimed, surnameOf(claimed)].filter((form): form is string => Boolean(form));
  const nearby = [quote.paragraph, quote.paragraph - 1].map(
    (n) => paragraphs.find((paragraph) => paragraph.paragraph === n)?.text.toLowerCase() ?? '',
  );
  return nearby.some((text) => forms.some((form) => wordIn(text, form.toLowerCase())));
}

function wordIn(text: string, phrase: string): boolean {
  const at = text.indexOf(phrase);
  if (at < 0) return false;
  const before = text[at - 1] ?? ' ';
  const after = text[at + phrase.length] ?? ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}
