// Pull quotes, blockquotes and "quotes of the week" credit their words on a line of their own after
// them: a dash, the name, then perhaps a role or an occasion ("— Gerald Oakes, keeper of Lock 17") —
// or, for a letter, its closing ("Yours faithfully, Mrs E. Pryce").
// The line is typographic, not prose: nothing else in news opens a paragraph with a dash and a name
// and stops there or at a comma. Dash dialogue ("– I don't know, says Ana.") opens with speech, so
// the words after its dash run on past any name.

import { findQuoteSpans } from './quote-marks.js';

/** An em dash, en dash or two hyphens at the start of a paragraph, after an optional "> ". */
const CREDIT_DASH = /^\s*(?:>\s*)?(?:\u2014|\u2013|--)\s*/u;
/** A credit line is short: a name and a few words of role, place or occasion. */
const MAX_CREDIT_WORDS = 20;
/** Markdown's blockquote marker. */
const BLOCKQUOTE = /^\s*>\s+/;

/**
 * A letter's closing line names its writer ("> Yours faithfully, Mrs E. Pryce"): English closes letters
 * with a small, fixed set of valedictions.
 */
export const VALEDICTIONS = String.raw`(?:Yours(?:\s+(?:faithfully|sincerely|truly|respectfully))?|Sincerely(?:\s+yours)?|Respectfully(?:\s+yours)?|(?:(?:Best|Kind|Warm|With\s+best)\s+)?[Rr]egards|Cordially|With\s+thanks|Thank\s+you|Thanks|Cheers|Best|Warmly)`;
const VALEDICTION = new RegExp(String.raw`^\s*(?:>\s*)?${VALEDICTIONS},?\s+`, 'u');

/** Where the words after a credit line's dash begin, or null when the paragraph is no credit line. */
export function creditStart(text: string): number | null {
  const dash = CREDIT_DASH.exec(text) ?? VALEDICTION.exec(text);
  if (!dash || text.split(/\s+/).length > MAX_CREDIT_WORDS) return null;
  return dash[0].length;
}

/**
 * Whether the name read at the credit line's start ends the line or is followed by a comma: "— Lorna
 * Adeyemi-Hart, chief executive" yes, "— Nobody called us" no.
 */
export function creditNameEnds(text: string, end: number): boolean {
  return /^\s*(?:[,;(]|$)/.test(text.slice(end));
}

/**
 * The spans a paragraph standing for a quote holds: the words inside its marks when quote marks wrap
 * the whole of it (after an optional "> "); the whole blockquote when it has none. Empty when the
 * paragraph has prose of its own around its quotes.
 */
export function standingQuote(text: string): Array<{ start: number; end: number }> {
  const block = BLOCKQUOTE.exec(text);
  const from = block ? block[0].length : 0;
  const { spans } = findQuoteSpans(text, false);
  const outer = spans.filter((span) => !spans.some((other) => other !== span && contains(other, span)));
  if (outer.length > 0) {
    // Nothing but the quotes themselves, spaces and punctuation.
    let rest = text.slice(from);
    for (const span of [...outer].reverse()) {
      const a = span.open - from;
      const b = (span.close < 0 ? text.length : span.close + 1) - from;
      rest = rest.slice(0, Math.max(0, a)) + rest.slice(b);
    }
    if (/[\p{L}\p{N}]/u.test(rest)) return [];
    return outer.map((span) => ({ start: span.innerStart, end: span.innerEnd }));
  }
  if (!block) return [];
  const end = text.trimEnd().length;
  return end > from ? [{ start: from, end }] : [];
}

function contains(
  outer: { innerStart: number; innerEnd: number },
  inner: { innerStart: number; innerEnd: number },
): boolean {
  return outer.innerStart <= inner.innerStart && inner.innerEnd <= outer.innerEnd;
}

/** A list bullet and bold or underlined emphasis before a reaction's speaker. */
const LABEL_LEAD = /^\s*(?:[-•*]\s+)?(?:\*\*|__)?/;
/** The colon that ends the label, then the quote: `: “`. */
const LABEL_COLON = /:(?:\*\*|__)?\s+(?=[“"«„‘'])/;
/** A label is a name and a few words about them ("Okafor, in a text to Pulse"), never a sentence. */
const MAX_LABEL_CHARS = 140;

/**
 * "- **Sen. Dana Ruiz (D-Ore.)**: “…”", "**Okafor**, in a text to Pulse: “…”": reaction lists give the
 * speaker, a colon, then nothing but the quote. Where the speaker's words begin (`nameAt`), where the
 * label ends (`labelEnd`) and the quote's spans; null when the paragraph is not one.
 */
export function labelledQuote(
  text: string,
): { nameAt: number; labelEnd: number; spans: Array<{ start: number; end: number }> } | null {
  const nameAt = LABEL_LEAD.exec(text)?.[0].length ?? 0;
  const colon = LABEL_COLON.exec(text.slice(nameAt, nameAt + MAX_LABEL_CHARS));
  if (!colon) return null;
  const labelEnd = nameAt + colon.index;
  // The label holds no quote of its own and no sentence's end (a title's stop, "Sen. Ruiz", is none).
  if (/[“”"«»„]|\p{Ll}{4,}[.!?]\s+\p{Lu}|[!?]/u.test(text.slice(nameAt, labelEnd))) return null;
  const from = labelEnd + colon[0].length;
  const spans = standingQuote(text.slice(from)).map((span) => ({
    start: span.start + from,
    end: span.end + from,
  }));
  return spans.length > 0 ? { nameAt, labelEnd, spans } : null;
}
