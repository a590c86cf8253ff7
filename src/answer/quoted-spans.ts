/** A string the answer puts in double quotes. */
export interface QuotedSpan {
  /** The words between the quote marks. */
  inner: string;
  /** Offsets of the whole span, marks included, in the sentence. */
  start: number;
  end: number;
}

const QUOTED = /[“"„]([^“”"„]{2,}?)[”"]/g;

export function findQuotedSpans(sentence: string): QuotedSpan[] {
  return [...sentence.matchAll(QUOTED)].map((match) => ({
    inner: match[1] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/**
 * The only differences allowed between a quote in an answer and the document: quote-mark style,
 * apostrophe style, white space, and punctuation at the edges of the quoted string.
 */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function trimEdges(text: string): string {
  return text.replace(/^[\s.,;:!?'"-]+|[\s.,;:!?'"-]+$/g, '');
}

/**
 * True when `quoted` appears word for word in `source`. An ellipsis in the quote ("a ... b") is
 * accepted only when each part appears, in order, in the source.
 */
export function isVerbatimIn(quoted: string, source: string): boolean {
  const haystack = normalizeForMatch(source);
  const parts = normalizeForMatch(quoted)
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map(trimEdges)
    .filter((part) => part.length > 0);
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
