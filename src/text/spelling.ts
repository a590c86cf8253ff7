/**
 * Spelling correction of a question word against the corpus's own vocabulary (Norvig's corrector,
 * with the edit bound search engines use: Elasticsearch's "AUTO" fuzziness). A word is corrected only
 * when nothing else can explain it — the documents never use it and no dictionary knows it — so a
 * correctly spelt word is never changed, whatever the topic: such a word is either a typo or a name
 * the documents lack, and a name the documents lack has no close spelling in them to be taken for.
 */

/** Words this short have too many neighbours one edit away to guess which was meant. */
const MIN_LENGTH = 4;

/** Edits allowed for a word of this length: 1 up to five letters, 2 beyond (Elasticsearch AUTO:3,6). */
function allowedEdits(length: number): number {
  return length < 6 ? 1 : 2;
}

/** The vocabulary a question is corrected against: each word of the documents with its frequency. */
export class Vocabulary {
  private readonly byLength = new Map<number, [string, number][]>();

  constructor(counts: ReadonlyMap<string, number>) {
    for (const [word, count] of counts) {
      const list = this.byLength.get(word.length) ?? [];
      list.push([word, count]);
      this.byLength.set(word.length, list);
    }
  }

  /**
   * The closest vocabulary word within the allowed edits (fewest edits, then the most frequent), or
   * null. `word` is lower case.
   */
  closest(word: string): string | null {
    if (word.length < MIN_LENGTH || /\d/.test(word)) return null;
    const limit = allowedEdits(word.length);
    let best: { word: string; edits: number; count: number } | null = null;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        // A different first letter is the rarest typo and the likeliest different word.
        if (candidate[0] !== word[0]) continue;
        const edits = boundedEdits(word, candidate, best ? Math.min(best.edits, limit) : limit);
        if (edits === null) continue;
        if (!best || edits < best.edits || (edits === best.edits && count > best.count))
          best = { word: candidate, edits, count };
      }
    }
    return best?.word ?? null;
  }

  /**
   * The vocabulary word a clipped form stands for, or null: English shortens a word by cutting its
   * end ("info", "admin", "sens") or by dropping its vowels and keeping its first and last letters
   * ("govt", "stmt", "ppl"), so the short form is the start of the word or a vowel-poor subsequence
   * ending where it ends. The most frequent such word wins, since the writer expects to be
   * understood. A word with vowels that is no start of a word (most unknown names) is no such form.
   */
  expansion(word: string): string | null {
    if (word.length < MIN_CLIPPED || word.length > MAX_CLIPPED || /[^a-z]/.test(word)) return null;
    const truncation = word.length >= MIN_TRUNCATION;
    const contraction = (word.slice(1).match(/[aeiou]/g) ?? []).length <= 1;
    let best: { word: string; count: number } | null = null;
    for (const [length, list] of this.byLength) {
      if (length < word.length + 2) continue;
      for (const [candidate, count] of list) {
        if (candidate[0] !== word[0] || (best && count <= best.count)) continue;
        const clipped = truncation && candidate.startsWith(word);
        const contracted = contraction && candidate.at(-1) === word.at(-1) && isSubsequence(word, candidate);
        if (clipped || contracted) best = { word: candidate, count };
      }
    }
    return best?.word ?? null;
  }
}

/** Clipped forms people type: two letters are too ambiguous, and past six a word is seldom clipped. */
const MIN_CLIPPED = 3;
const MAX_CLIPPED = 6;
/** A cut word keeps enough of its start to be read ("info", "intel"); "pr" or "de" could be anything. */
const MIN_TRUNCATION = 3;

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const letter of long) if (letter === short[at]) at++;
  return at === short.length;
}

/**
 * Optimal-string-alignment distance (a swap of neighbours is one edit) when it is at most `limit`,
 * else null; stops as soon as a row exceeds the limit, so most candidates cost a few cells.
 */
export function boundedEdits(a: string, b: string, limit: number): number | null {
  if (Math.abs(a.length - b.length) > limit) return null;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return null;
    before = previous;
    previous = current;
  }
  const distance = previous[b.length] ?? limit + 1;
  return distance <= limit ? distance : null;
}
