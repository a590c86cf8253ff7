/**
 * Words as a quote check compares them: letters and digits, case folded, apostrophes unified. Case,
 * punctuation, quote marks and white space never make two quotations different (a reporter's house
 * style changes them freely); every other difference is a difference of words.
 */
export interface Word {
  /** Folded form compared. */
  key: string;
  /** Offsets of the word in the text it was read from. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*/gu;

export function readWords(text: string, offset = 0): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    key: match[0].toLowerCase().replace(/[’‘]/g, "'"),
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

/**
 * A claim's words in order, with the places where the claimant marked a cut ("…", "...", "[…]"): by
 * journalistic convention an omission inside a quotation is shown with an ellipsis, so words left out
 * there are a faithful shortening, and words left out anywhere else are an alteration.
 */
export interface ClaimWords {
  words: Word[];
  /** `cutBefore[i]`: the claimant marked a cut just before word i (i may equal words.length). */
  cutBefore: boolean[];
}

const ELLIPSIS = /\[?\s*(?:\.\s*){3}\]?|\[?…\]?/g;

export function readClaim(text: string): ClaimWords {
  const words: Word[] = [];
  const cutBefore: boolean[] = [];
  let from = 0;
  let pendingCut = false;
  for (const match of [...text.matchAll(ELLIPSIS), null]) {
    const until = match ? match.index : text.length;
    const part = readWords(text.slice(from, until), from);
    for (const [i, word] of part.entries()) {
      cutBefore[words.length] = i === 0 && pendingCut && words.length > 0;
      words.push(word);
    }
    if (match) {
      pendingCut = true;
      from = match.index + match[0].length;
    }
  }
  cutBefore[words.length] = false;
  return { words, cutBefore };
}
