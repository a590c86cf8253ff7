// Finds quoted spans in one paragraph. Offsets always point into the original text: curly and straight
// marks are told apart by their shape here instead of by rewriting the text, so every span stays verbatim.

export interface QuoteSpan {
  /** Index of the opening mark; -1 when the quote carries on from the previous paragraph without reopening. */
  open: number;
  /** Index of the closing mark; -1 when the quote runs to the end of the paragraph. */
  close: number;
  /** The words inside the marks (trimmed of whitespace). */
  innerStart: number;
  innerEnd: number;
  /** Part of a quote opened in an earlier paragraph. */
  continued: boolean;
  /** Single quote marks as the primary delimiter (British style); never a nested quote. */
  single: boolean;
}

// Japanese corner brackets 「…」 are the primary marks of text translated from Japanese, as “…” are of
// English; 『…』 inside them is the inner quote (nested-quotes.ts).
const DOUBLE_OPENERS = '“„«‟「';
const DOUBLE_CLOSERS = '”»」';
const SINGLE_MARKS = "'‘’";

type Shape = 'open' | 'close' | 'either';

/**
 * French and Swiss text quotes «…», German and Danish text »…«: the first guillemet of a paragraph
 * shows which way its quotes point (a quote opens before it closes).
 */
function guillemetsReversed(text: string): boolean {
  const first = /[«»]/.exec(text);
  return first?.[0] === '»';
}

function doubleShape(text: string, i: number, reversed: boolean): Shape | null {
  const mark = text[i] ?? '';
  if (reversed && mark === '»') return 'open';
  if (reversed && mark === '«') return 'close';
  if (DOUBLE_OPENERS.includes(mark)) return 'open';
  // Swedish and Finnish typesetting opens a quote with ” as well as closing it (”Vi ger oss inte”, sa
  // hon). A closing mark never stands after a space and before a word, so there it opens.
  if (
    mark === '”' &&
    /[\s([{\u2014\u2013]/.test(i === 0 ? ' ' : (text[i - 1] ?? ' ')) &&
    /\S/.test(text[i + 1] ?? ' ')
  )
    return 'open';
  if (DOUBLE_CLOSERS.includes(mark)) return 'close';
  if (mark !== '"') return null;
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  const after = text[i + 1] ?? ' ';
  const opens = /[\s([{\u2014\u2013/-]/.test(before) && !/\s/.test(after);
  const closes = !/\s/.test(before) && /[\s.,;:!?)\]}\u2014\u2013'’-]/.test(after);
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

/** Which kind of mark: double marks pair among themselves („…“, „…”, “…”, ”…”, "…"), as do guillemets. */
function markFamily(mark: string | undefined): string {
  if (mark === '«' || mark === '»') return 'guillemet';
  if (mark === '「' || mark === '」') return 'corner';
  // Straight and curly marks are one kind: a text that mixes them by mistake still pairs them.
  return 'curly';
}

function innerRange(text: string, from: number, to: number): { innerStart: number; innerEnd: number } {
  let innerStart = from;
  let innerEnd = to;
  while (innerStart < innerEnd && /\s/.test(text[innerStart] ?? '')) innerStart++;
  while (innerEnd > innerStart && /\s/.test(text[innerEnd - 1] ?? '')) innerEnd--;
  return { innerStart, innerEnd };
}

function makeSpan(
  text: string,
  open: number,
  close: number,
  continued: boolean,
  single = false,
  lead = 0,
): QuoteSpan {
  const from = open < 0 ? lead : open + 1;
  const to = close < 0 ? text.length : close;
  return { open, close, ...innerRange(text, from, to), continued, single };
}

/**
 * Double-quoted spans of a paragraph. `carriedOpen` says the previous paragraph ended inside a quote: by
 * news convention the next paragraph then reopens with an opening mark, or (less often) simply goes on
 * until a closing mark.
 */
function findDoubleSpans(text: string, carriedOpen: boolean): QuoteSpan[] {
  const marks: Array<{ index: number; shape: Shape; inch: boolean }> = [];
  const reversed = guillemetsReversed(text);
  for (let i = 0; i < text.length; i++) {
    const shape = doubleShape(text, i, reversed);
    if (shape === null) continue;
    // A straight mark right after a digit is an inch mark (a 12" pipe) unless it closes a quote.
    const inch = text[i] === '"' && /\d/.test(text[i - 1] ?? '') && shape !== 'open';
    marks.push({ index: i, shape, inch });
  }
  const spans: QuoteSpan[] = [];
  let open: number | null = null;
  let continued = false;
  let k = 0;
  if (carriedOpen) {
    const lead = /^\s*(?:[-•*]\s+)?/.exec(text)?.[0].length ?? 0;
    const first = marks[0];
    if (first && first.index === lead && first.shape !== 'close') {
      open = first.index;
      continued = true;
      k = 1;
    } else if (first && first.shape !== 'open') {
      spans.push(makeSpan(text, -1, first.index, true, false, lead));
      k = 1;
    }
  }
  for (; k < marks.length; k++) {
    const mark = marks[k];
    if (!mark) continue;
    if (open === null) {
      if (mark.shape === 'close' || mark.inch) continue; // a stray closing mark opens nothing
      open = mark.index;
    } else if (markFamily(text[mark.index]) !== markFamily(text[open])) {
    } else {
      spans.push(makeSpan(text, open, mark.index, continued));
      open = null;
      continued = false;
    }
  }
  if (open !== null) spans.push(makeSpan(text, open, -1, continued));
  return spans;
}

/**
 * Single-quoted spans outside double quotes. Apostrophes (don't, Musk's, '90s) are excluded by shape: an
 * opening mark needs a space before and a letter after, a closing mark a non-space before and a space or
 * punctuation after. "the players' union" looks like a closing mark too, so such a plural possessive
 * closes a quote only when no clearer closing mark follows in the paragraph.
 */
function findSingleSpans(text: string, taken: readonly QuoteSpan[]): QuoteSpan[] {
  const inDouble = (i: number) =>
    taken.some((s) => i >= Math.max(s.open, 0) && i <= (s.close < 0 ? text.length : s.close));
  const opens: number[] = [];
  const closes: Array<{ index: number; possessive: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i] ?? '';
    if (!SINGLE_MARKS.includes(mark) || inDouble(i)) continue;
    const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
    const after = text[i + 1] ?? ' ';
    if (mark !== '’' && /[\s([{\u2014\u2013-]/.test(before) && /\p{L}/u.test(after)) opens.push(i);
    else if (mark !== '‘' && !/\s/.test(before) && /[\s.,;:!?)\]\u2014\u2013]/.test(after)) {
      closes.push({ index: i, possessive: /s/i.test(before) && / \p{Ll}/u.test(text.slice(i + 1, i + 3)) });
    }
  }
  const spans: QuoteSpan[] = [];
  let from = 0;
  for (const open of opens) {
    if (open < from) continue;
    const candidates = closes.filter((c) => c.index > open && c.index - open <= 400);
    const close = candidates.find((c) => !c.possessive) ?? candidates[candidates.length - 1];
    if (!close) continue;
    spans.push(makeSpan(text, open, close.index, false, true));
    from = close.index + 1;
  }
  return spans;
}

export interface ParagraphQuotes {
  spans: QuoteSpan[];
  /** The paragraph ends inside an open double quote (a multi-paragraph quote goes on). */
  endsOpen: boolean;
}

export function findQuoteSpans(text: string, carriedOpen: boolean): ParagraphQuotes {
  const dialogue = findDialogueSpans(text);
  if (dialogue.length > 0) return { spans: dialogue, endsOpen: false };
  const doubles = findDoubleSpans(text, carriedOpen).flatMap((span) => splitIncise(text, span));
  const singles = findSingleSpans(text, doubles);
  const spans = [...doubles, ...singles]
    .filter((s) => s.innerEnd > s.innerStart)
    .sort((a, b) => a.innerStart - b.innerStart);
  const last = doubles[doubles.length - 1];
  return { spans, endsOpen: last !== undefined && last.close < 0 };
}

/**
 * French typesetting keeps an incise inside one pair of guillemets: « Ce pont, a dit le maire, ne
 * rouvrira pas » — kept by translated wires as « This bridge, said Mayor Bertrand Lavoisier, will not
 * reopen … ». The words are two quotes around an attribution, as an English split quote is. Only a
 * reporting verb followed by a capitalised name (and an optional appositive) between commas counts.
 */
const INCISE =
  /,\s+(?:said|says|added|adds|asked|asks|replied|replies|continued|insisted|insists|explained|explains|warned|warns)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*(?:,\s+[^,«»\u2014]{1,60}?)?(,)\s+(?=\S)/du;

function splitIncise(text: string, span: QuoteSpan): QuoteSpan[] {
  const mark = text[span.open] ?? '';
  if (mark !== '«' && mark !== '»') return [span];
  const m = INCISE.exec(text.slice(span.innerStart, span.innerEnd));
  const closingComma = m?.indices?.[1]?.[0];
  if (!m || closingComma === undefined) return [span];
  const comma = span.innerStart + m.index;
  // The first quote keeps its comma, as an English split quote does ("“This bridge,” said …").
  const first = makeSpan(text, span.open, comma + 1, span.continued);
  // The second opens after the incise's closing comma, where an English split quote reopens.
  const second = makeSpan(text, span.innerStart + closingComma + 1, span.close, false);
  return [first, second];
}

export const DIALOGUE_DASH = '\u2014';

/**
 * Dialogue dashes, the way Spanish (and Portuguese, Italian, Russian…) typesetting quotes speech, kept
 * by translated wires: a paragraph that opens with an em dash touching its first word is speech; the
 * narrator's tag begins at a dash after a space ("—We will not give in —the minister said") and ends
 * at a dash touching its last word, the speech going on after the punctuation that follows
 * ("…said—. If we open…"). English uses the em dash as a parenthesis or an attribution ("— says
 * Ortiz"), but never to open a paragraph glued to its first word, so the rule does not fire on English
 * prose. The dashes are the marks: the spans' `open`/`close` point at them.
 */
function findDialogueSpans(text: string): QuoteSpan[] {
  if (text[0] !== DIALOGUE_DASH || !/\S/.test(text[1] ?? ' ') || text[1] === DIALOGUE_DASH) return [];
  const spans: QuoteSpan[] = [];
  const tagStart = text.indexOf(` ${DIALOGUE_DASH}`, 1);
  if (tagStart < 0) return [makeSpan(text, 0, -1, false)];
  const tagOpen = tagStart + 1;
  spans.push(makeSpan(text, 0, tagOpen, false));
  // The tag ends at a dash right after a word, then punctuation or a space ("—. ", "—, ").
  const end = /\S(\u2014)([.,;:]?)\s+(?=\S)/u.exec(text.slice(tagOpen + 1));
  if (end?.index !== undefined) {
    const dash = tagOpen + 1 + end.index + 1;
    const resume = dash + 1 + (end[2]?.length ?? 0);
    const next = text.indexOf(` ${DIALOGUE_DASH}`, resume);
    const span = makeSpan(text, dash, next < 0 ? -1 : next + 1, false);
    spans.push({ ...span, ...innerRange(text, resume, next < 0 ? text.length : next) });
  }
  return spans.filter((span) => span.innerEnd > span.innerStart);
}

/** Start of the span including its opening mark (or the paragraph start for a carried-over quote). */
export function spanStart(span: QuoteSpan): number {
  return span.open < 0 ? span.innerStart : span.open;
}

/** End of the span including its closing mark. */
export function spanEnd(span: QuoteSpan, textLength: number): number {
  return span.close < 0 ? textLength : span.close + 1;
}

/**
 * The words of a quote as they end before any inner quote closes: `finish the job,’` ends with the comma,
 * so a quote whose last words are quoted still reads as an utterance.
 */
export function withoutInnerClose(inner: string): string {
  return inner.replace(/['’‘›‹"]+$/, '');
}
