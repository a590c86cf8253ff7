// Quotes whose speaker the layout names rather than a verb of speech: a pull quote or blockquote with a
// credit line after it, a reaction list's labelled bullets, the sender of a printed email. The layouts
// themselves are read in credit-lines.ts and email-blocks.ts; here the names are resolved as any
// speaker's name is, and the quotes made drafts.

import { trimRange } from '../text/sentences.js';
import { CREDIT_LINE } from './confidence.js';
import { creditNameEnds, creditStart, labelledQuote, standingQuote } from './credit-lines.js';
import { readNounPhrase } from './noun-phrase.js';
import type { Draft } from './quote-drafts.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import type { ParagraphInput } from './types.js';

/** What may be named as a speaker: a person's name, an organisation, a publication. */
const CREDITED_KINDS = new Set(['name', 'org', 'publication']);

/** The quotes of `paragraph` that the credit line `next` credits to the one it names; [] otherwise. */
export function creditedQuote(
  paragraph: ParagraphInput | undefined,
  next: ParagraphInput | undefined,
  resolver: SpeakerResolver,
): Draft[] {
  const at = next ? creditStart(next.text) : null;
  if (!paragraph || !next || at === null) return [];
  const spans = standingQuote(paragraph.text);
  const np = spans.length > 0 ? readNounPhrase(next.text, at, true) : null;
  if (!np || !CREDITED_KINDS.has(np.kind) || !creditNameEnds(next.text, np.end)) return [];
  const speaker = resolver.resolve({ ...np, start: -1 }, { pos: next.start + at, paragraph: next.number });
  if (!speaker || speaker.unnamed) return [];
  return spanDrafts(paragraph, spans, speaker, 'credit line');
}

/**
 * A reaction labelled with its speaker ("- **Okafor**, in a text to Pulse: “…”"): the name opening the
 * label, read as any speaker's name is, says whose the quote is.
 */
export function labelledDrafts(paragraph: ParagraphInput, resolver: SpeakerResolver): Draft[] {
  const label = labelledQuote(paragraph.text);
  if (!label) return [];
  const np = readNounPhrase(paragraph.text, label.nameAt, true);
  if (!np || !CREDITED_KINDS.has(np.kind) || np.end > label.labelEnd) return [];
  // Only the name's own decoration may follow it: emphasis, an aside in brackets, a comma's phrase.
  if (
    !/^(?:\*\*|__)?(?:\s*\([^()]*\))?(?:\*\*|__)?(?:,.*)?$/su.test(
      paragraph.text.slice(np.end, label.labelEnd),
    )
  )
    return [];
  const where = { pos: paragraph.start + label.nameAt, paragraph: paragraph.number };
  const speaker = resolver.resolve({ ...np, start: -1 }, where);
  if (!speaker || speaker.unnamed) return [];
  resolver.noteSpeaker(speaker, paragraph.start + label.nameAt, paragraph.number);
  return spanDrafts(paragraph, label.spans, speaker, 'label');
}

/** The sender a "From:" header names, resolved as any name in the text is; null when it names no one. */
export function senderOf(
  sender: string,
  resolver: SpeakerResolver,
  where: { pos: number; paragraph: number },
): Speaker | null {
  const np = readNounPhrase(sender, 0, true);
  if (!np || !CREDITED_KINDS.has(np.kind)) return null;
  const speaker = resolver.resolve({ ...np, start: -1 }, where);
  return speaker && !speaker.unnamed ? speaker : null;
}

/** Direct quotes of `speaker` over the spans of `paragraph`. */
function spanDrafts(
  paragraph: ParagraphInput,
  spans: ReadonlyArray<{ start: number; end: number }>,
  speaker: Speaker,
  cue: string,
): Draft[] {
  return spans.map((span) => ({
    paragraph,
    kind: 'direct' as const,
    ...trimRange(paragraph.text, span),
    speaker,
    via: null,
    cue,
    confidence: CREDIT_LINE,
  }));
}
