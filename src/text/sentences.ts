// Sentence boundaries with offsets. We split ourselves instead of calling `sbd` because we need offsets
// into the original text and must not split inside a quotation ("…issue. Neither…" is one quoted
// statement for attribution purposes); abbreviations such as "U.S." and "Sen." are protected here.

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr sen sens rep reps gov gen lt col sgt capt cpt adm prof rev hon st jr sr inc corp co ltd
  no vs etc jan feb mar apr aug sep sept oct nov dec mass ill calif fla ariz conn wash pa va md mich minn
  tenn tex wis colo okla ore ky la ala ga ind kan miss mo neb nev wyo del dept est approx fig ft mt ave
  blvd univ assn bros pres supt det insp`
    .split(/\s+/)
    .filter(Boolean),
);

// Closing marks of every common style: English ”’, German “‘ („…“ ‚…‘), French » and German « (»…«).
const CLOSERS = '"\'”’“‘)]»«›‹」』';
// ” opens a quote in Swedish and Finnish typesetting (quote-marks.ts); after a space it never closes one.
const OPENERS = '"“‘\'(«[„‚»‹›「『”';

/**
 * "… to 6 p.m. The city manager …": a capitalised determiner or subject pronoun never stands inside an
 * English sentence, so after an abbreviation's full stop it opens the next one (the stop does both jobs).
 */
const SENTENCE_OPENER = /^(?:The|A|An|He|She|It|They|We|His|Her|Its|Their|This|These|Those|There)\s/;

function isAbbreviation(text: string, dot: number, floor: number): boolean {
  const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(floor, dot - 24), dot))?.[0] ?? '';
  const word = before.replace(/^\.+/, '');
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "D.C", "a.m"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits `text[start, end)` into sentences (trimmed ranges). `quoteClosing(i)` returns, for an index
 * inside a quotation, the index of the mark that closes it (or -1 when the quote never closes), and
 * undefined outside quotations: a boundary inside a quote is only allowed where the quote itself ends.
 */
export function splitSentences(
  text: string,
  start = 0,
  end = text.length,
  quoteClosing: (i: number) => number | undefined = () => undefined,
): Range[] {
  const ranges: Range[] = [];
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i] ?? '';
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (ch === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue; // ellipsis "…"
    let j = i + 1;
    while (j < end && CLOSERS.includes(text[j] ?? '')) j++;
    const closing = quoteClosing(i);
    if (closing !== undefined && (closing < 0 || closing >= j)) continue;
    if (j >= end || !/\s/.test(text[j] ?? '')) continue;
    let k = j;
    while (k < end && /\s/.test(text[k] ?? '')) k++;
    if (k >= end) break;
    const next = text[k] ?? '';
    if (!/[\p{Lu}\p{N}]/u.test(next) && !OPENERS.includes(next) && next !== '-' && next !== '•') continue;
    // "No. 7" is the numero sign, but "she voted no. She said …" ends a sentence: "no." abbreviates
    // only before a number.
    const wordNo =
      /(?:^|[^\p{L}])no$/iu.test(text.slice(Math.max(sentenceStart, i - 3), i)) && !/\p{N}/u.test(next);
    if (
      ch === '.' &&
      !wordNo &&
      isAbbreviation(text, i, sentenceStart) &&
      !SENTENCE_OPENER.test(text.slice(k, k + 8))
    )
      continue;
    ranges.push({ start: sentenceStart, end: j });
    sentenceStart = k;
  }
  ranges.push({ start: sentenceStart, end });
  return ranges
    .map((r) => trimRange(text, r))
    .filter((r) => r.end > r.start && /[\p{L}\p{N}]/u.test(text.slice(r.start, r.end)));
}

export function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The sentences of a text as strings: each line separately, then split at sentence ends. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const range of splitSentences(text, lineStart, lineStart + line.length)) {
      const sentence = text.slice(range.start, range.end).trim();
      if (sentence) sentences.push(sentence);
    }
    lineStart += line.length + 1;
  }
  return sentences;
}
