// Words with offsets. A word keeps its period when it is an abbreviation or initial ("Sen.", "U.S.",
// "J."), so names and titles read whole; `bare` is what the word lists are keyed by.

import { cachedByPosition } from './text-cache.js';

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

/**
 * "@fernhollow", "@VAT_Kiran": a social-media handle is the name of an account, so it reads as one
 * capitalised word whatever its case. Only where nothing word-like precedes the "@", which leaves the
 * "@" of an e-mail address ("press@example.org") alone.
 */
const HANDLE_RE = /@[\p{L}\p{N}_]{1,30}(?![\p{L}\p{N}_@])/uy;

/** The word starting exactly at `pos`, or null. */
export function readWord(text: string, pos: number): Word | null {
  if (text[pos] === '@') return readHandle(text, pos);
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

function readHandle(text: string, pos: number): Word | null {
  if (/[\p{L}\p{N}_.]/u.test(text[pos - 1] ?? '')) return null;
  HANDLE_RE.lastIndex = pos;
  const match = HANDLE_RE.exec(text);
  if (!match) return null;
  let end = pos + match[0].length;
  const possessive = /^['’]s(?![\p{L}\p{N}])/u.test(text.slice(end));
  if (possessive) end += 2;
  return {
    text: text.slice(pos, end),
    start: pos,
    end,
    bare: match[0].toLowerCase(),
    capital: true,
    possessive,
  };
}

/** Words of `text[from, to)` in order. */
/** Each finder reads its sentence's words again: they are kept by range (text-cache.ts); callers get a copy. */
const cachedWords = cachedByPosition((text, key) => {
  const from = Math.floor(key / (text.length + 1));
  return scanWords(text, from, key - from * (text.length + 1));
});

export function readWords(text: string, from = 0, to = text.length): Word[] {
  // A range past either end reads as the text's own ends, which keeps the key one number.
  const start = Math.max(0, Math.min(from, text.length));
  const end = Math.max(start, Math.min(to, text.length));
  return cachedWords(text, start * (text.length + 1) + end).slice();
}

function scanWords(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    if (/[\p{L}\p{N}@]/u.test(text[i] ?? '')) {
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
