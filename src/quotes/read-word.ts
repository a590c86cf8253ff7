// Words with offsets. A word keeps its period when it is an abbreviation or initial ("Sen.", "U.S.",
// "J."), so names and titles read whole; `bare` is what the word lists are keyed by.

export interface Word {
  text: string;
  start: number;
  end: number;
  /** Lowercase, without a possessive 's and without a trailing period. */
  bare: string;
  capital: boolean;
  possessive: boolean;
}

const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}&]|[-'’.](?=[\p{L}\p{N}]))*/uy;
const KEEP_PERIOD =
  /^(?:\p{L}|(?:\p{L}\.)+\p{L}|mr|mrs|ms|dr|sen|sens|rep|reps|gov|gen|lt|col|sgt|capt|adm|prof|rev|hon|st|jr|sr|inc|corp|co|ltd)$/iu;

/** The word starting exactly at `pos`, or null. */
export function readWord(text: string, pos: number): Word | null {
  WORD_RE.lastIndex = pos;
  const match = WORD_RE.exec(text);
  if (!match) return null;
  let end = pos + match[0].length;
  let raw = match[0];
  if (text[end] === '.' && KEEP_PERIOD.test(raw)) {
    end++;
    raw += '.';
  }
  let possessive = /['’]s$/i.test(raw) && raw.length > 2;
  if (!possessive && /['’]/.test(text[end] ?? '') && !/\p{L}/u.test(text[end + 1] ?? '') && /s$/i.test(raw)) {
    possessive = true; // plural possessive: "enemies' terms", "Axios' requests"
  }
  const bare = raw
    .replace(/['’]s$/i, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return { text: raw, start: pos, end, bare, capital: /^\p{Lu}/u.test(raw), possessive };
}

/** Words of `text[from, to)` in order. */
export function readWords(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    if (/[\p{L}\p{N}]/u.test(text[i] ?? '')) {
      const word = readWord(text, i);
      if (word && word.end <= to) {
        out.push(word);
        i = word.end;
        continue;
      }
    }
    i++;
  }
  return out;
}
