// Very long paragraphs (a whole file on one line, a scraped page without line breaks) are read as
// pieces of at most about MAX_PIECE_CHARS, cut at sentence boundaries outside quotes. Every rule after
// this reads a bounded window, so extraction stays linear in the input however long a line is. News
// paragraphs are a few hundred characters and even long transcript turns stay far below the cap, so
// ordinary documents are never cut.
import { splitSentences } from '../text/sentences.js';
import type { ParagraphInput } from './types.js';

/** Pieces aim at this length; a piece only grows past it while a quote is open (to twice the length). */
export const MAX_PIECE_CHARS = 8000;

/**
 * Counts double quote marks so a cut can avoid an open quote: straight marks come in pairs, curly ones
 * open (“ „ «) and close (” »). Approximate on purpose — it only chooses where to cut.
 */
class QuoteBalance {
  private straight = 0;
  private curly = 0;

  read(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const ch = text[i];
      if (ch === '"') this.straight++;
      else if (ch === '“' || ch === '„' || ch === '«') this.curly++;
      else if (ch === '”' || ch === '»') this.curly--;
    }
  }

  get closed(): boolean {
    return this.straight % 2 === 0 && this.curly <= 0;
  }

  reset(): void {
    this.straight = 0;
    this.curly = 0;
  }
}

/**
 * Where a piece may end: sentence starts, and inside a sentence longer than a piece (a text with no
 * sentence punctuation) a space about every MAX_PIECE_CHARS, so no piece grows without bound.
 */
function* boundaries(text: string): Generator<number> {
  for (const sentence of splitSentences(text)) {
    for (let at = sentence.start + MAX_PIECE_CHARS; at < sentence.end; at += MAX_PIECE_CHARS) {
      const space = text.lastIndexOf(' ', at);
      yield space > at - MAX_PIECE_CHARS / 2 ? space + 1 : at;
    }
    yield sentence.end;
  }
}

/** The paragraph itself when short enough, else consecutive pieces with the same number and absolute starts. */
export function paragraphPieces(paragraph: ParagraphInput): ParagraphInput[] {
  const { text } = paragraph;
  if (text.length <= MAX_PIECE_CHARS) return [paragraph];
  const pieces: ParagraphInput[] = [];
  const balance = new QuoteBalance();
  let from = 0;
  let read = 0;
  const cut = (at: number) => {
    pieces.push({ number: paragraph.number, text: text.slice(from, at), start: paragraph.start + from });
    from = at;
  };
  for (const at of boundaries(text)) {
    balance.read(text, read, at); // each character is counted once
    read = at;
    const length = at - from;
    if (length < MAX_PIECE_CHARS || (!balance.closed && length < 2 * MAX_PIECE_CHARS)) continue;
    cut(at);
    balance.reset();
  }
  cut(text.length);
  return pieces;
}
