// Passages headed by their speaker: an oral history's "**Doris Kettleman, 86, night operator …**" or a
// published address's heading naming who gives it, then paragraphs in that person's first person. Each
// paragraph under the heading is the narrator's words, one quote like a transcript turn's continuation,
// until the next heading or a paragraph of the writer's own narration.

import { isFirstName } from '../text/word-lexicon.js';
import { readNameRun } from './name-runs.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import type { ParagraphInput } from './types.js';

/** A paragraph that is all heading: wholly bold, or a Markdown heading line. */
const HEADING = /^(?:\*\*([^*]+?)\*\*|__([^_]+?)__|#{1,6}\s+(.+?))\s*$/u;

/** After the name a heading may describe the narrator, set off as an appositive is. */
const DESCRIPTION_AFTER_NAME = /^(?:$|\s*[,:\u2014\u2013]\s+\S)/u;

/**
 * Who a heading paragraph names as its passage's speaker: undefined when the paragraph is no heading,
 * null for a heading that names no person (a section title ends a passage too), else the person.
 */
export function narratorOf(paragraph: ParagraphInput, resolver: SpeakerResolver): Speaker | null | undefined {
  const match = HEADING.exec(paragraph.text.trim());
  if (!match) return undefined;
  const inner = (match[1] ?? match[2] ?? match[3] ?? '').trim();
  const offset = paragraph.text.indexOf(inner);
  const run = readNameRun(paragraph.text, offset, true);
  // A person's name opens the heading: a given name and a surname at least, so that a title such as
  // "Public Comment" or "Part Two" is no one.
  const first = run?.nameWords[0];
  if (
    !run ||
    run.start !== offset ||
    run.nameWords.length < 2 ||
    !first ||
    !isFirstName(first.text) ||
    !DESCRIPTION_AFTER_NAME.test(paragraph.text.slice(run.end))
  )
    return null;
  const where = { pos: paragraph.start + offset, paragraph: paragraph.number };
  const speaker = resolver.resolve(
    { kind: 'name', start: run.start, end: run.end, text: run.name, run },
    where,
  );
  return speaker?.kind === 'person' && !speaker.unnamed ? speaker : null;
}

/** Quoted words, blanked: what the narrator remembers others saying is not the narrator's own voice. */
const QUOTED = /["“„«「‘][^"“”„«»「」‘’]*["”»」’]/gu;

/** First or second person outside quote marks: a speaker addresses the reader; a news writer does not. */
const FIRST_OR_SECOND_PERSON =
  /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|My|we|We|us|our|Our|you|You|your|Your)\b/u;

/** Whether the words say "I", "we" or "you": speech is addressed; a news writer's narration is not. */
export function speaksInPerson(words: string): boolean {
  return FIRST_OR_SECOND_PERSON.test(words);
}

/** Whether the words name `speaker` by surname, in the third person, as a writer's narration does. */
export function namesSpeaker(words: string, speaker: Speaker): boolean {
  const surname =
    speaker.name
      .replace(/,?\s+(?:Jr|Sr)\.?$/, '')
      .split(/\s+/)
      .at(-1) ?? '';
  return (
    surname !== '' &&
    new RegExp(String.raw`\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`).test(words)
  );
}

/**
 * Whether a paragraph under a narrator's heading is theirs: a sentence (not a caption or a sign-off) in
 * the first or second person, outside any quote, that does not name the narrator in the third person
 * (which the writer's closing note would).
 */
export function narratorSpeaks(paragraph: ParagraphInput, narrator: Speaker): boolean {
  const text = paragraph.text.trim();
  if (/^[[(*_>]/.test(text) || !/[.!?…"”’]$/.test(text)) return false;
  const own = text.replace(QUOTED, ' ');
  return speaksInPerson(own) && !namesSpeaker(own, narrator);
}
