/**
 * From positioned lines of a PDF to paragraphs, by layout rules that hold for printed prose in general
 * (not for any one publisher): a running header, footer or page number repeats at the same edge of many
 * pages; a paragraph break is a larger gap than the usual line spacing, a change of font size, or a
 * list item; a word broken with a hyphen at a line end continues in lower case on the next line; and a
 * paragraph that does not end a sentence at the foot of a page goes on at the top of the next.
 */
export interface PdfLine {
  text: string;
  /** Baseline height on the page (PDF coordinates: larger is higher). */
  y: number;
  fontSize: number;
}

export interface PagedParagraph {
  text: string;
  /** 1-based page where the paragraph starts. */
  page: number;
}

/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const LIST_ITEM = /^(?:[-•*▪◦]\s|\d{1,3}[.)]\s|\([a-z0-9]{1,3}\)\s)/i;
const SENTENCE_END = /[.!?:;]["'”’)\]]*$|["”’]$/;

export function pdfParagraphs(pages: PdfLine[][]): PagedParagraph[] {
  const body = dropRunningLines(pages);
  const spacing = typicalSpacing(body);
  const paragraphs: PagedParagraph[] = [];
  body.forEach((lines, index) => {
    let current: PagedParagraph | null = null;
    lines.forEach((line, at) => {
      const previous = lines[at - 1];
      const breaks =
        !current ||
        !previous ||
        previous.y - line.y > spacing * 1.4 ||
        Math.abs(previous.fontSize - line.fontSize) > previous.fontSize * 0.1 ||
        LIST_ITEM.test(line.text);
      if (at === 0 && paragraphs.length > 0 && continuesAcrossPage(paragraphs.at(-1), line)) {
        current = paragraphs.at(-1) ?? null;
        if (current) current.text = joinLines(current.text, line.text);
        return;
      }
      if (breaks || !current) {
        current = { text: line.text, page: index + 1 };
        paragraphs.push(current);
      } else current.text = joinLines(current.text, line.text);
    });
  });
  return paragraphs;
}

function continuesAcrossPage(last: PagedParagraph | undefined, first: PdfLine): boolean {
  return last !== undefined && !SENTENCE_END.test(last.text) && !LIST_ITEM.test(first.text);
}

/** "infor-" + "mation" → "information"; "well-" + "Known" keeps its hyphen; otherwise a space. */
function joinLines(text: string, next: string): string {
  if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

/** The shape of a line for comparing headers across pages: numbers vary ("Page 3"), words do not. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function edges(lines: PdfLine[]): PdfLine[] {
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(Math.max(EDGE_LINES, lines.length - EDGE_LINES))];
}

/**
 * Drops page numbers at a page's edges, and lines that repeat at the edges of at least half of the
 * pages (and of two at least): a document's own sentences do not recur page after page.
 */
function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const pagesWith = new Map<string, number>();
  for (const lines of pages)
    for (const key of new Set(edges(lines).map((line) => shape(line.text))))
      pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const repeated = (line: PdfLine) => {
    const count = pagesWith.get(shape(line.text)) ?? 0;
    return count >= 2 && count * 2 >= pages.length;
  };
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter(
      (line) => !(edge.has(line) && (PAGE_NUMBER.test(line.text.trim()) || repeated(line))),
    );
  });
}

/** The usual distance between consecutive lines (the median), which paragraph gaps exceed. */
function typicalSpacing(pages: PdfLine[][]): number {
  const gaps = pages
    .flatMap((lines) => lines.slice(1).map((line, at) => (lines[at]?.y ?? line.y) - line.y))
    .filter((gap) => gap > 0)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Number.POSITIVE_INFINITY;
}
