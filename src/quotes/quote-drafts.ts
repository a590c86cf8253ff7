// Attributed spans become Quote objects here: a quoted passage is one quote, as the writer marked it,
// unless it is as long as an excerpt of a statement or letter, which is split into sentences (short
// ones stay attached) so a quote is a unit a reader can cite; a transcript turn is one quote. Quoted titles and
// words-as-words are dropped; offsets are made absolute and checked against the paragraph text.

import { countWords, splitSentences, trimRange } from '../text/sentences.js';
import { isQuestionCue } from './question-acts.js';
import { withoutInnerClose } from './quote-marks.js';
import type { Speaker } from './speaker-resolver.js';
import type { DocumentInfo, ParagraphInput, Quote, QuoteKind, SaidWhen } from './types.js';

export interface Draft {
  paragraph: ParagraphInput;
  kind: QuoteKind;
  /** Local offsets into `paragraph.text`. */
  start: number;
  end: number;
  speaker: Speaker | null;
  via: string | null;
  cue: string | null;
  confidence: number;
  /** The outlet, organisation or person the words were said to, as the attribution names them. */
  saidTo?: string | null;
  /** When the attribution says the words were said. */
  when?: SaidWhen | null;
  /**
   * A direct quote's speaker was read from a name in its own attribution, not a pronoun or a carried
   * speaker: inside a turn only such a quote is someone else's (extract-quotes.ts, reportedInTurn).
   */
  named?: boolean;
  /** Quotes whose speaker comes from elsewhere (a later paragraph of the same quote) share a chain. */
  chain?: Chain;
}

export interface Chain {
  speaker: Speaker | null;
  cue: string | null;
  drafts: Draft[];
}

/** Gives a chain its speaker and fills in the chain's earlier, unattributed parts. */
export function settleChain(chain: Chain, speaker: Speaker | null, cue: string | null): void {
  if (!speaker || chain.speaker) return;
  chain.speaker = speaker;
  chain.cue = cue;
  for (const draft of chain.drafts) {
    if (draft.speaker) continue;
    draft.speaker = speaker;
    draft.cue = 'continuation';
  }
}

const MIN_SENTENCE_WORDS = 5;
/**
 * News quotes run one to three sentences of about 20 words each; a quoted passage longer than that is an
 * excerpt of a written statement or letter, where the sentence is the unit a reader cites.
 */
const MAX_WHOLE_QUOTE_WORDS = 60;
/** "titled", "called", "dubbed" stand right before the quoted title they name. */
const NAMING_CUE_CHARS = 30;
/** A quoted title ("The Art of the Deal") is short and all capitalised; a quoted sentence is not. */
const MAX_TITLE_WORDS = 8;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'in', 'on', 'for', 'a', 'an', 'to', 'at', 'by', 'or']);
const NAMING_CUE =
  /\b(?:titled|entitled|named|nicknamed|headlined|so-called|the\s+(?:word|term|phrase|hashtag|slogan|title)|known\s+as)\s*$/i;

/**
 * A quoted title or name rather than speech: `the "Starlink" program`, `a report titled "…"`. Only asked
 * of quotes found inside a sentence; a quote with its own adjacent attribution is speech.
 */
export function looksLikeTitle(
  text: string,
  openMark: number,
  innerStart: number,
  innerEnd: number,
): boolean {
  if (NAMING_CUE.test(text.slice(Math.max(0, openMark - NAMING_CUE_CHARS), Math.max(0, openMark))))
    return true;
  const inner = text.slice(innerStart, innerEnd);
  if (/[.!?,]$/.test(withoutInnerClose(inner)) || countWords(inner) > MAX_TITLE_WORDS) return false;
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || SMALL_WORDS.has(w.toLowerCase()));
}

/** A quote as marked, or for a long excerpt its sentence pieces; pieces under five words stay with a neighbour. */
function pieces(draft: Draft): Array<{ start: number; end: number }> {
  const text = draft.paragraph.text;
  const whole =
    draft.kind === 'indirect' ||
    draft.cue === 'transcript' ||
    countWords(text.slice(draft.start, draft.end)) <= MAX_WHOLE_QUOTE_WORDS;
  if (whole) return [{ start: draft.start, end: draft.end }];
  const ranges = splitSentences(text, draft.start, draft.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    const short = countWords(text.slice(range.start, range.end)) < MIN_SENTENCE_WORDS;
    const previousShort =
      previous && countWords(text.slice(previous.start, previous.end)) < MIN_SENTENCE_WORDS;
    if (previous && (short || previousShort)) previous.end = range.end;
    else merged.push({ ...range });
  }
  return merged.map((r) => trimRange(text, r));
}

/** Words written down (a letter, a post) rather than spoken to this document's writer. */
const WRITTEN_CUES = /^(?:wrote|writes|write|posted|tweeted)\b/;

/**
 * Who relays the words: the outlet that reported them, or this document's publisher when the speaker
 * said them to another outlet or wrote them elsewhere.
 */
function relayedBy(draft: Draft, via: string | null, document: DocumentInfo): string | null {
  if (via) return via;
  const publisher = document.publisher ?? null;
  if (!publisher || publisher === draft.speaker?.name) return null;
  const toOther = draft.saidTo !== null && draft.saidTo !== undefined && draft.saidTo !== publisher;
  return toOther || WRITTEN_CUES.test(draft.cue ?? '') ? publisher : null;
}

export function toQuotes(drafts: readonly Draft[], document: DocumentInfo = {}): Quote[] {
  const quotes: Quote[] = [];
  // Two acts of one sentence may report the same words ("reported 14 cases … and said in its bulletin
  // that …"): the same words of the same speaker are one quote.
  const seen = new Set<string>();
  for (const draft of drafts) {
    // Decision: a quote whose speaker cannot be resolved is not reported. A pull quote or a quoted
    // headline with nobody named is not attributable, and a wrong or empty speaker misleads more than
    // a missing quote does.
    if (!draft.speaker?.name) continue;
    const { paragraph } = draft;
    for (const piece of pieces(draft)) {
      const text = paragraph.text.slice(piece.start, piece.end);
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      const key = `${draft.kind} ${paragraph.start + piece.start} ${paragraph.start + piece.end} ${draft.speaker.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const via = draft.via && draft.via !== draft.speaker.name ? draft.via : null;
      const documentDate = document.date ? { text: document.date, source: 'document' as const } : null;
      quotes.push({
        text,
        kind: draft.kind,
        speaker: draft.speaker.name,
        role: draft.speaker.role,
        members: draft.speaker.members,
        via,
        cue: draft.cue,
        confidence: Math.round(draft.confidence * 100) / 100,
        saidTo: draft.saidTo ?? null,
        when: draft.when ?? documentDate,
        relayedBy: relayedBy(draft, via, document),
        unnamed: draft.speaker.unnamed === true,
        ...(draft.kind === 'indirect' && isQuestionCue(draft.cue) ? { question: true } : {}),
        paragraph: paragraph.number,
        start: paragraph.start + piece.start,
        end: paragraph.start + piece.end,
      });
    }
  }
  return quotes.sort((a, b) => a.start - b.start || a.end - b.end);
}
