// Sieve 6: transcripts. A line "MS. RIVERA: …" or "SEN. SMITH: …" is that person's words; "Q: …" lines
// are a questioner's and are reported as nobody's quote. Only upper-case labels count, so Axios-style
// section labels ("Why it matters: …") are never taken for speakers.
import { TITLE_WORDS } from './lexicon.js';

export interface TranscriptLine {
  /** The label as written: "MS. RIVERA", "Q". */
  label: string;
  /** The label as a name to resolve: "Ms. Rivera"; null for a question line. */
  speaker: string | null;
  /** Offset where the spoken words start. */
  textStart: number;
}

const LINE = /^\s*(?:[-•*]\s+)?((?:[A-Z][A-Z.'’-]*)(?:\s+[A-Z][A-Z.'’-]*){0,3}):\s+(?=\S)/;
const QUESTION_LABELS = new Set(['Q', 'QUESTION', 'REPORTER', 'INTERVIEWER', 'AUDIENCE MEMBER', 'MODERATOR']);
const NOT_SPEAKERS = new Set([
  'NOTE',
  "EDITOR'S NOTE",
  'EDITOR’S NOTE',
  'UPDATE',
  'UPDATED',
  'CORRECTION',
  'BREAKING',
  'EXCLUSIVE',
  'WATCH',
  'READ',
  'READ MORE',
  'RELATED',
  'PHOTOS',
  'VIDEO',
  'LIVE',
  'SOURCE',
  'SOURCES',
  'CONTACT',
  'MEDIA CONTACT',
  'FACT CHECK',
  'TRANSCRIPT',
  'ANALYSIS',
  'OPINION',
  'A',
]);

function titleCase(label: string): string {
  return label
    .split(/\s+/)
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}

/** The transcript label of a paragraph, if it has one. `labelCount` is how many such lines the document has. */
export function readTranscriptLine(text: string, labelCount: number): TranscriptLine | null {
  const match = LINE.exec(text);
  const label = match?.[1];
  if (!match || !label || label.replace(/[^A-Z]/g, '').length < 1) return null;
  if (QUESTION_LABELS.has(label)) return { label, speaker: null, textStart: match[0].length };
  if (NOT_SPEAKERS.has(label) || label.length < 2) return null;
  const words = label.split(/\s+/);
  const titled = words.length >= 2 && TITLE_WORDS.has((words[0] ?? '').replace(/\.$/, '').toLowerCase());
  // A single upper-case word is a speaker only in a document that reads as a transcript.
  if (!titled && words.length < 2 && labelCount < 2) return null;
  return { label, speaker: titleCase(label), textStart: match[0].length };
}

/** How many paragraphs look like transcript lines (decides whether bare "SMITH:" labels are trusted). */
export function countTranscriptLabels(texts: readonly string[]): number {
  return texts.filter((text) => {
    const label = LINE.exec(text)?.[1];
    return label !== undefined && !NOT_SPEAKERS.has(label);
  }).length;
}
