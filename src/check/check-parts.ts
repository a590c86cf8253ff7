import damerauLevenshtein from 'damerau-levenshtein';
import type { Citation, ClosestPassage } from '../answer/citation.js';
import { copyLine, passageLink } from '../answer/copy-line.js';
import { toCitation } from '../answer/extractive-answer.js';
import type { Quote } from '../quotes/types.js';
import type { Alignment, AlignStep } from './align-words.js';
import type { QuoteSource } from './quote-sources.js';
import type { ClaimWords } from './source-words.js';
import type { DiffPart, OriginalSpan } from './types.js';

/**
 * The verbatim span a verdict rests on: the whole of the quotes the claim touches (so a shortened claim
 * shows what it left out), or the aligned stretch when the words are the document's narration.
 */
export function spanOf(
  source: QuoteSource,
  quotes: readonly Quote[],
  alignment: Pick<Alignment, 'first' | 'last'> | null,
): OriginalSpan {
  const { chunk, document } = source;
  let start: number;
  let end: number;
  if (quotes.length > 0) {
    start = Math.min(...quotes.map((quote) => quote.start));
    end = Math.max(...quotes.map((quote) => quote.end));
  } else {
    start = source.words[alignment?.first ?? 0]?.start ?? chunk.start;
    end = source.words[alignment?.last ?? 0]?.end ?? chunk.end;
  }
  // A quote may run past a long paragraph's retrieval chunk: the span stays inside the text compared.
  start = Math.max(start, chunk.start);
  end = Math.min(end, chunk.end);
  const quote = quotes[0] ?? null;
  const text = chunk.text.slice(start - chunk.start, end - chunk.start);
  const publisher = document.meta.publisher ?? document.meta.source;
  return {
    text,
    doc: document.id,
    title: document.meta.title,
    paragraph: chunk.paragraph,
    start,
    end,
    speaker: quote?.speaker ?? null,
    role: quote?.role ?? null,
    kind: quote?.kind ?? null,
    url: document.meta.url,
    publisher,
    date: document.meta.date,
    copy_line:
      quote && new Set(quotes.map((each) => each.speaker)).size === 1
        ? copyLine(quote, { publisher, date: document.meta.date }, joinParts(quotes))
        : null,
    link: passageLink(document.meta.url, text),
  };
}

/** The words of one speaker's quotation broken by its attribution, its parts joined. */
function joinParts(quotes: readonly Quote[]): string {
  return quotes.map((quote) => quote.text.trim().replace(/[,;:]$/, '')).join(' ');
}

export function citationOf(n: number, source: QuoteSource, quote: Quote | null): Citation {
  const { chunk, document } = source;
  const paragraph = {
    doc: document.id,
    title: document.meta.title,
    paragraph: chunk.paragraph,
    ...(chunk.page ? { page: chunk.page } : {}),
    text: chunk.text,
    url: document.meta.url,
    publisher: document.meta.publisher ?? document.meta.source,
    date: document.meta.date,
  };
  return toCitation(n, paragraph, quote);
}

/** How many near misses a `not_found` verdict shows. */
const CLOSEST_SHOWN = 3;

export function closestOf(sources: readonly QuoteSource[]): ClosestPassage[] {
  return sources.slice(0, CLOSEST_SHOWN).map(({ chunk, document }) => ({
    doc: document.id,
    title: document.meta.title,
    paragraph: chunk.paragraph,
    text: chunk.text,
    url: document.meta.url,
  }));
}

/**
 * The word diff from the original to the claim: runs of unchanged words, and what was added, removed,
 * changed or cut. For an excerpt, the quote's words before and after it count as cut.
 */
export function diffOf(
  claimText: string,
  claim: ClaimWords,
  source: QuoteSource,
  alignment: Alignment,
  quotes: readonly Quote[],
): DiffPart[] {
  const parts: DiffPart[] = [];
  const claimSlice = (from: number, to: number) =>
    claimText.slice(claim.words[from]?.start ?? 0, claim.words[to]?.end ?? 0);
  const sourceSlice = (from: number, to: number) => {
    const base = source.chunk.start;
    return source.chunk.text.slice(
      (source.words[from]?.start ?? base) - base,
      (source.words[to]?.end ?? base) - base,
    );
  };
  const owners = new Set(quotes.map((quote) => source.quotes.indexOf(quote)));
  const outside = (from: number, to: number) => {
    const indices: number[] = [];
    for (let i = from; i < to; i += 1) if (owners.has(source.owner[i] ?? -1)) indices.push(i);
    return indices;
  };
  const leading = outside(0, alignment.first);
  if (leading.length > 0) {
    parts.push({ op: 'cut', text: sourceSlice(leading[0] as number, leading.at(-1) as number) });
  }
  for (const group of groupSteps(alignment.steps)) {
    const claimIndices = group.flatMap((step) => ('claim' in step ? [step.claim] : []));
    const sourceIndices = group.flatMap((step) => ('source' in step ? [step.source] : []));
    const op = group[0]?.op;
    if (op === 'bridge' || op === undefined) continue;
    const text =
      claimIndices.length > 0
        ? claimSlice(claimIndices[0] as number, claimIndices.at(-1) as number)
        : sourceSlice(sourceIndices[0] as number, sourceIndices.at(-1) as number);
    if (op === 'changed') {
      const original = sourceSlice(sourceIndices[0] as number, sourceIndices.at(-1) as number);
      parts.push({ op, text, original, ...(looksLikeTypo(text, original) && { typo: true }) });
    } else parts.push({ op, text });
  }
  const trailing = outside(alignment.last + 1, source.words.length);
  if (trailing.length > 0) {
    parts.push({ op: 'cut', text: sourceSlice(trailing[0] as number, trailing.at(-1) as number) });
  }
  return parts;
}

/**
 * A changed word one slip of the keyboard away from the original (a letter swapped, doubled, dropped or
 * struck wrong: Damerau–Levenshtein distance 1) in a word long enough that such a near form is rarely
 * another word. The claim is still altered — a typo is a difference of words — but the reader is told.
 */
function looksLikeTypo(text: string, original: string): boolean {
  const a = text.toLowerCase();
  const b = original.toLowerCase();
  if (/\s/.test(a) || /\s/.test(b) || Math.min(a.length, b.length) < TYPO_MIN_LETTERS) return false;
  return damerauLevenshtein(a, b).steps === 1;
}

/** Shorter words one letter apart are usually other words ("form"/"from", "cat"/"cut"). */
const TYPO_MIN_LETTERS = 5;

/** Consecutive steps of the same kind; bridges (never quoted) are left out, so a run they break stays one. */
function groupSteps(steps: readonly AlignStep[]): AlignStep[][] {
  const groups: AlignStep[][] = [];
  for (const step of steps) {
    if (step.op === 'bridge') continue;
    const last = groups.at(-1);
    if (last && last[0]?.op === step.op) last.push(step);
    else groups.push([step]);
  }
  return groups;
}
