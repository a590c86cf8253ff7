/**
 * The paragraph rule (documented in the README):
 * - News text as we receive it puts one paragraph per line, so every non-empty line is a paragraph.
 * - Hard-wrapped files (plain text wrapped at ~70–100 columns with blank lines between paragraphs)
 *   would be cut mid-sentence by that rule, so when most multi-line blocks look wrapped, each
 *   blank-line-separated block is one paragraph — except that a bullet or heading line starts a new one.
 * A paragraph's span is an exact slice of the text (trimmed of surrounding white space), so quotes cut
 * from it stay verbatim spans of the file.
 */
export interface TextSpan {
  start: number;
  end: number;
}

interface Line extends TextSpan {
  text: string;
}

const MAX_WRAP_WIDTH = 100;
const MIN_WRAP_WIDTH = 30;
const STARTS_NEW_PARAGRAPH = /^\s*(?:[-*•]\s|\d{1,3}[.)]\s|#{1,6}\s)/;

export function splitParagraphs(
  text: string,
  from = 0,
  options: { allowHardWrap?: boolean } = {},
): TextSpan[] {
  const blocks = toBlocks(readLines(text, from));
  const wrapped = (options.allowHardWrap ?? true) && isHardWrapped(blocks);
  const spans = wrapped ? blocks.flatMap(joinWrappedBlock) : blocks.flat();
  return spans.map((span) => trimSpan(text, span)).filter((span) => span.end > span.start);
}

function readLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    const content = match[0].replace(/[\r\n]+$/, '');
    lines.push({ text: content, start: match.index, end: match.index + content.length });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return lines;
}

function toBlocks(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * A block looks wrapped when every line but the last fits a terminal-width column, none starts a list
 * item, and most of them stop mid-sentence: a wrapped line ends in a word, while one-line news
 * paragraphs of similar length each end a sentence ("…, Meyer said." / "…?" / "…”").
 */
function looksWrapped(block: Line[]): boolean {
  const inner = block.slice(0, -1);
  const fits = inner.every((line, index) => {
    const next = block[index + 1];
    const width = line.text.trimEnd().length;
    return (
      width >= MIN_WRAP_WIDTH &&
      width <= MAX_WRAP_WIDTH &&
      next !== undefined &&
      !STARTS_NEW_PARAGRAPH.test(next.text)
    );
  });
  const midSentence = inner.filter((line) => !SENTENCE_END.test(line.text.trimEnd())).length;
  return fits && midSentence * 2 > inner.length;
}

const SENTENCE_END = /[.!?:;]["'”’)\]]*$|["”’]$/;

function isHardWrapped(blocks: Line[][]): boolean {
  const multiLine = blocks.filter((block) => block.length > 1);
  if (multiLine.length === 0) return false;
  return multiLine.filter(looksWrapped).length * 2 >= multiLine.length;
}

function joinWrappedBlock(block: Line[]): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const line of block) {
    const last = spans.at(-1);
    if (last && !STARTS_NEW_PARAGRAPH.test(line.text)) last.end = line.end;
    else spans.push({ start: line.start, end: line.end });
  }
  return spans;
}

function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
