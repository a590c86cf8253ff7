// Where the words of a paragraph start: after a bullet ("- "), an Axios-style section label ("Why it
// matters: ", "Zoom in: ") or a dateline ("WASHINGTON, DC – "). Speaker subjects and indirect clauses
// are read from there, so "Zoom in" never becomes a speaker and a bullet never becomes part of a quote.

import { countWords } from '../text/sentences.js';
import { lexiconTags } from '../text/word-lexicon.js';
import { SPEECH_VERBS } from './lexicon.js';

const BULLET = /^\s*(?:[-•*–]\s+)/;
/** A speaker label ("Sen. Jack Reed:") is a name with a title or role: a longer run is a sentence. */
const MAX_LABEL_WORDS = 6;
/** Newsletters set the label in bold, the colon inside or outside it: "**The other side:** …". */
const LABEL = /^(?:\*\*|__)?([A-Z][^:.!?"“”\n*_]{0,48})(?:\*\*|__)?:(?:\*\*|__)?\s+(?=\S)/;
const DATELINE =
  /^(?:\p{Lu}[\p{L}.'’]*(?:,?\s+\p{Lu}[\p{L}.'’]*){0,4}\)?\s*(?:\([^)]{1,30}\)\s*)?)\s*[–—-]{1,2}\s+(?=\S)/u;

function bulletEnd(text: string, from = 0): number {
  return from + (BULLET.exec(text.slice(from))?.[0].length ?? 0);
}

const PERSONAL_PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'us', 'them']);

/** A section label: a short phrase and a colon, not a speaker introducing a quote ("Okafor added:"). */
function labelEnd(text: string, from: number): number {
  const match = LABEL.exec(text.slice(from));
  const label = match?.[1];
  if (!match || !label || countWords(label) > MAX_LABEL_WORDS || label === label.toUpperCase()) return from;
  const wh = /^(?:What|Why|How|Where|Who|When|The)\b/.test(label);
  // A section label is a noun phrase ("The other side", "Zoom in"); a finite verb makes the words
  // before the colon a clause introducing what follows ("Okafor added:", "Her letter reads in full:").
  const words = label.split(/\s+/).map((word) => word.toLowerCase().replace(/[^a-z]/g, ''));
  // A personal pronoun is a clause's subject or object ("Roe put it bluntly:"): a section label, a noun
  // phrase, has none outside a wh-label ("Why it matters:").
  // "A statement from Acme read:": after its subject, "read(s)" brings written words in ("Read more:"
  // opening a label is an imperative).
  const clause = words.some(
    (word, i) =>
      SPEECH_VERBS.has(word) ||
      /PastTense|PresentTense/.test(lexiconTags(word)) ||
      PERSONAL_PRONOUNS.has(word) ||
      (i > 0 && (word === 'read' || word === 'reads')),
  );
  // "What they're saying:" is Axios's label, but "The mayor said:" is a subject and its verb of speech:
  // a label opening with "The" is a noun phrase ("The big picture:"), which holds no verb of speech.
  const spoken = label.startsWith('The') && words.some((word) => SPEECH_VERBS.has(word));
  if (clause && (!wh || spoken)) return from;
  if (label.includes(',')) return from;
  return from + match[0].length;
}

/**
 * A live blog's timestamp before an entry, "**6:05 a.m.** — " or "10:30 ET – ": the entry's sentence
 * starts after it, as after a dateline.
 */
const TIMESTAMP =
  /^(?:\*\*|__)?\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))*(?:\*\*|__)?\s*[–—-]{1,2}\s+(?=\S)/i;

function datelineEnd(text: string, from: number): number {
  const stamp = TIMESTAMP.exec(text.slice(from));
  if (stamp) return from + stamp[0].length;
  const match = DATELINE.exec(text.slice(from));
  if (!match || match[0].length > 48) return from;
  // "WASHINGTON – " or "Washington, D.C. – ", not "Walter Isaacson — the biographer — said".
  if (!/^\p{Lu}{2,}\b/u.test(match[0]) && !/[,()]/.test(match[0])) return from;
  return from + match[0].length;
}

/** Offset where a paragraph's own words begin (after bullet, label and dateline). */
export function contentStart(text: string): number {
  const bullet = bulletEnd(text);
  return datelineEnd(text, labelEnd(text, bullet));
}

/** Where a dateline ("COPIAPÓ, Chile (AP) — ") ends, or 0: its place names are scenery, not speakers. */
export function datelineSkip(text: string): number {
  const from = labelEnd(text, bulletEnd(text));
  const end = datelineEnd(text, from);
  return end > from ? end : 0;
}

export function isBullet(text: string): boolean {
  return BULLET.test(text);
}

/**
 * Where the words of a Markdown block quote ("> Dear members, …") begin, or null. A newsletter or a
 * blog sets an email, a post or a letter off this way, with its writer named in the line before it
 * ("the chair, Rosa Ekwueme, wrote:"). A sign-off ("> Rosa") or a heading is no sentence: only words
 * that end as a sentence does, or run to a clause's length, are a quotation.
 */
export function blockQuoteStart(text: string): number | null {
  const marker = /^\s*>\s+/.exec(text);
  if (!marker) return null;
  const body = text.slice(marker[0].length).trim();
  const sentence = /[.!?…]["”’)]?$/.test(body) || body.split(/\s+/).length >= MIN_CLAUSE_WORDS;
  return sentence ? marker[0].length : null;
}

/** Fewer words than this, with no closing punctuation, make a sign-off or a heading, not a sentence. */
const MIN_CLAUSE_WORDS = 4;

/**
 * A headline or a caption-like title line: mostly capitalised words and no sentence punctuation at the
 * end. Names in such lines ("Senators Warren, Shaheen, Duckworth Seek Answers") are not trusted.
 */
export function isHeadline(text: string): boolean {
  const trimmed = text.trim();
  if (/[.!?"”:]$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
  if (words.length < 3) return countWords(trimmed) <= 4;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}
