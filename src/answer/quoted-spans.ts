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

/** At least this many words in each part of a quote the answer shortened with an ellipsis. */
const MIN_ELLIPSIS_PART_WORDS = 3;

/**
 * True when `quoted` appears word for word in `source`, on word boundaries ("violate" is not in
 * "violated"). An ellipsis the source does not have ("a ... b") is accepted only when each part has
 * at least three words and the parts appear in order: short fragments strung together can reverse
 * a statement's meaning.
 */
export function isVerbatimIn(quoted: string, source: string): boolean {
  const haystack = normalizeForMatch(source);
  const whole = trimEdges(normalizeForMatch(quoted));
  if (whole.length === 0) return false;
  if (findWord(haystack, whole, 0) >= 0) return true;
  const parts = whole
    .split(/\s*(?:\.\.\.|…)\s*/)
    .map(trimEdges)
    .filter((part) => part.length > 0);
  if (parts.length < 2 || parts.some((part) => part.split(' ').length < MIN_ELLIPSIS_PART_WORDS))
    return false;
  let from = 0;
  for (const part of parts) {
    const at = findWord(haystack, part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Index of `needle` in `haystack` at or after `from`, starting and ending on word boundaries; -1 if none. */
function findWord(haystack: string, needle: string, from: number): number {
  const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let at = haystack.indexOf(needle, from); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const startsWord = !isWordChar(needle[0]) || !isWordChar(before);
    const endsWord = !isWordChar(needle.at(-1)) || !isWordChar(after);
    if (startsWord && endsWord) return at;
  }
  return -1;
}
