// Sieve 6: transcripts. A line "MS. RIVERA: …", "SEN. SMITH: …", "Sen. Smith: …" or "**Rivera:** …" is
// that person's turn, one quote; "Q: …" lines are a questioner's and are reported as nobody's quote.
// Upper-case labels are the transcript convention; a mixed-case label counts only when it is a title and
// a name ("Secretary Lin") or a person the document names, so Axios-style section labels ("Why it
// matters: …", "**Context:** …") are never taken for speakers.
import { isCommonWord } from '../text/word-lexicon.js';
import { TITLE_WORDS } from './lexicon.js';

export interface TranscriptLine {
  /** The label as written: "MS. RIVERA", "Q". */
  label: string;
  /** The label as a name to resolve: "Ms. Rivera"; null for a question line. */
  speaker: string | null;
  /** Offset where the spoken words start. */
  textStart: number;
  /**
   * An "A:" line of a Q&A: the interviewee's answer, whose name the label does not give. A "THE
   * WITNESS:" line is one too, with its label as the speaker to show when the answerer is unknown.
   */
  answer?: boolean;
  /**
   * A presiding office's label in a legislative record ("The SPEAKER pro tempore"): the office's
   * holder is named in brackets on its first turn, and every bare turn of the office is theirs.
   */
  office?: string;
}

/** A username as chat software writes it: "dana.k", "ops-lead-3", "t_whitcomb", "@fernhollow". */
export const USERNAME = /@[\p{L}\p{N}_]{1,30}|[\p{Ll}\p{N}][\p{Ll}\p{N}]*(?:[._-][\p{Ll}\p{N}]+)+/u;

/** Markdown emphasis may wrap the label with or without its colon: "**Q:**", "**Rivera**:". */
const EMPHASIS = String.raw`(?:\*\*|__|\*|_)?`;
// Westminster-style records write the honorific or article in mixed case before a capitalised name
// ("Ms MARGARET LOWE", "Mr KERR", "The SPEAKER"); the honorifics are English's closed class of them.
const LABEL_PREFIX = String.raw`(?:(?:The|Mr|Mrs|Ms|Mx|Miss|Dr|Sir|Dame|Lord|Lady)\.?\s+)?`;
const UPPER_LABEL = String.raw`${LABEL_PREFIX}[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}`;
const MIXED_LABEL = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
// Between a label and its colon a record may put asides in brackets: the member's seat and office, the
// time, "(via video)", "(through an interpreter)" — "Ms MARGARET LOWE (Fairhaven — Minister) (10.32):".
const ASIDES = String.raw`(?:\s*\([^()\n]{1,80}\))*`;
// Podcast and broadcast transcripts open each turn with its time: "[00:01:19] IRENE:", "(12:04) MAYA:".
// Closed captions mark each change of speaker with ">>" (">>>" for a change of story): ">> LACHANCE:".
// Chat exports give the clock time: "[9:14 AM] dana.k:".
const CLOCK = String.raw`[[(]\d{1,2}(?::\d{2}){1,2}(?:\s*[AaPp]\.?[Mm]\.?)?[\])]`;
const TIMESTAMP = String.raw`(?:${CLOCK}\s+)?(?:>{2,3}\s*)?`;
const labelLine = (label: string, separator = ':') =>
  new RegExp(
    String.raw`^\s*(?:[-•*]\s+)?${TIMESTAMP}${EMPHASIS}(${label})${ASIDES}${EMPHASIS}${separator}${EMPHASIS}\s+(?=\S)`,
    'u',
  );
const LINE = labelLine(UPPER_LABEL);
/**
 * "[9:14 AM] dana.k: need names by noon": a chat log labels each message with its time and the
 * sender's username, written as the account has it (lower case, dots, digits). Only after a time,
 * since "note: …" in prose is no turn; a username has a character no ordinary word has, or is a handle.
 */
const USERNAME_LINE = new RegExp(String.raw`^\s*${CLOCK}\s+(${USERNAME.source}):\s+(?=\S)`, 'u');
/**
 * Broadcast transcripts label a speaker's first turn, and each soundbite, with the name and the role:
 * "DANA WHITFIELD, MNN ANCHOR:", "MARK LU, FARMER:". The name is the two to four words before the comma.
 */
const ROLE_LINE = new RegExp(
  String.raw`^\s*${TIMESTAMP}${EMPHASIS}([A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){1,3}),\s+[A-Z][A-Z.'’&-]*(?:\s+[A-Z][A-Z.'’&-]*){0,4}${ASIDES}${EMPHASIS}:${EMPHASIS}\s+(?=\S)`,
  'u',
);
const MIXED_LINE = labelLine(MIXED_LABEL);
/**
 * The Congressional Record ends a member's label with a full stop: "Mr. HALVORSEN. Madam Speaker, …",
 * "Ms. VARGA.", "Mr. SMITH of Texas."; the chair is its office, with its holder in brackets on the
 * first turn: "The SPEAKER pro tempore (Ms. MARCHBANKS).". An honorific and a name in capitals, or the
 * presiding office, then the stop: a sentence never starts with a capitalised surname and a stop.
 */
const RECORD_LINE =
  /^\s*(?:((?:Mr|Mrs|Ms|Miss|Dr)\.\s+[A-Z][A-Z'’-]+(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)|(The\s+(?:SPEAKER|CHAIR|CHAIRMAN|CHAIRWOMAN|PRESIDENT|PRESIDING\s+OFFICER|ACTING\s+PRESIDENT)(?:\s+pro\s+tempore)?)(?:\s*\(((?:Mr|Mrs|Ms|Miss|Dr)\.\s+[A-Z][A-Z'’-]+)\))?)\.\s+(?=\S)/u;

/** Where a record's label ("Mr. HALVORSEN. ") ends, or 0: a label is no mention of its member. */
export function recordLabelEnd(text: string): number {
  return RECORD_LINE.exec(text)?.[0].length ?? 0;
}

function recordLine(text: string): TranscriptLine | null {
  const match = RECORD_LINE.exec(text);
  if (!match) return null;
  const [whole, member, office, holder] = match;
  // "Mr. SMITH of Texas": the state tells two members of one name apart; the name is the label's.
  if (member)
    return { label: member, speaker: titleCase(member.replace(/\s+of\s.*$/, '')), textStart: whole.length };
  if (!office) return null;
  return {
    label: office,
    speaker: holder ? titleCase(holder) : null,
    textStart: whole.length,
    office: office.replace(/\s+/g, ' '),
  };
}

/** AP-style interviews write "Q." and "A." for the question and answer labels. */
const DOTTED_QA_LINE = labelLine('Q|A', String.raw`\.`);
// A moderator's or an audience member's turn is theirs (a named moderator, or "Audience member" as an
// unnamed speaker); the question labels are of askers a transcript never names.
const QUESTION_LABELS = new Set(['Q', 'QUESTION', 'REPORTER', 'INTERVIEWER']);
const ANSWER_LABELS = new Set(['A', 'ANSWER']);
// Legal transcripts label the deponent's words outside the Q/A ("THE WITNESS: Can I see it again?") by
// the part they play; they are the answerer's, as the "A." lines are.
const WITNESS_LABELS = new Set(['THE WITNESS', 'WITNESS', 'THE DEPONENT', 'DEPONENT']);
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
  // A transcript's roster names who takes part ("PARTICIPANTS: Nadia Farrow, spokeswoman; …"): a list,
  // never anyone's turn.
  'PARTICIPANTS',
  'PARTICIPATING',
  'PRESENT',
  'ALSO PRESENT',
  // A legal transcript's roster of counsel: "APPEARANCES: Peter Lindahl, … for the plaintiff."
  'APPEARANCES',
  'APPEARING',
  'IN ATTENDANCE',
  'ATTENDEES',
  'PANELISTS',
  'PANELLISTS',
  'GUESTS',
  'SPEAKERS',
  'WITNESSES',
  'CAST',
]);

function titleCase(label: string): string {
  return label
    .split(/\s+/)
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}

/** Whether a mixed-case label is a person the document names ("Okafor", "Ruth Abernathy"). */
export type IsPersonName = (label: string) => boolean;

const isTitled = (words: readonly string[]) =>
  words.length >= 2 && TITLE_WORDS.has((words[0] ?? '').replace(/\.$/, '').toLowerCase());

function mixedCaseLine(text: string, labelCount: number, isPersonName: IsPersonName): TranscriptLine | null {
  const match = MIXED_LINE.exec(text);
  const label = match?.[1];
  if (!match || !label) return null;
  if (QUESTION_LABELS.has(label.toUpperCase())) return { label, speaker: null, textStart: match[0].length };
  if (NOT_SPEAKERS.has(label.toUpperCase()) || SALUTATION.test(label)) return null;
  // One such line may be a heading ("President Lin: a profile"); a transcript has them on several turns.
  const speaker = labelCount >= 2 && (isTitled(label.split(/\s+/)) || isPersonName(label));
  return speaker ? { label, speaker: label, textStart: match[0].length } : null;
}

/**
 * The transcript label of a paragraph, if it has one. `labelCount` is how many such lines the document
 * has; `isPersonName` says whether a mixed-case label names a person of the document.
 */
export function readTranscriptLine(
  text: string,
  labelCount: number,
  isPersonName: IsPersonName = () => false,
): TranscriptLine | null {
  const match = LINE.exec(text) ?? ROLE_LINE.exec(text) ?? DOTTED_QA_LINE.exec(text);
  const label = match?.[1];
  const chat = labelCount >= 2 && !match ? USERNAME_LINE.exec(text) : null;
  if (chat?.[1]) return { label: chat[1], speaker: chat[1], textStart: chat[0].length };
  // A record's labels count only in a document with several of them, like bare "SMITH:" labels.
  const record = labelCount >= 2 ? recordLine(text) : null;
  if (record && !match) return record;
  if (!match || !label || label.replace(/[^A-Z]/g, '').length < 1)
    return mixedCaseLine(text, labelCount, isPersonName);
  if (QUESTION_LABELS.has(label)) return { label, speaker: null, textStart: match[0].length };
  // "A:" answers a "Q:" only in a document that reads as a transcript; alone it is a list letter.
  if (ANSWER_LABELS.has(label) && labelCount >= 2)
    return { label, speaker: null, textStart: match[0].length, answer: true };
  if (NOT_SPEAKERS.has(label) || label.length < 2) return null;
  if (WITNESS_LABELS.has(label.toUpperCase()))
    return { label, speaker: titleCase(label), textStart: match[0].length, answer: true };
  const words = label.split(/\s+/);
  // A single upper-case word is a speaker only in a document that reads as a transcript.
  if (!isTitled(words) && words.length < 2 && labelCount < 2) return null;
  const named = namedInAside(label, text.slice(text.indexOf(label) + label.length));
  return { label, speaker: named ?? titleCase(label), textStart: match[0].length };
}

/**
 * "HOST (Lena Ostrow):", "CALLER (Ray, from Millbury):": a broadcast transcript gives a role's label the
 * name of the one who holds it in brackets, with where they are from after a comma. Only for a label of
 * one word that is a role: after a name ("Mr PETER ALDOUS (Eastvale — Minister)") the brackets hold
 * the seat.
 */
function namedInAside(label: string, after: string): string | null {
  // A role: an ordinary word, or an agent noun the lexicon may lack ("caller", "moderator").
  const word = label.toLowerCase();
  if (label.includes(' ') || !(isCommonWord(word) || /\p{L}{3}(?:er|or|ist|ant|ent)$/u.test(word)))
    return null;
  const aside = /^\s*\(([^()\n]{1,80})\)/.exec(after)?.[1];
  // "RESIDENT (unidentified):": the brackets say the speaker goes unnamed, as "UNIDENTIFIED MALE:" does.
  if (aside && /^\s*(?:unidentified|unnamed|name\s+withheld)\s*$/i.test(aside)) return `Unidentified ${word}`;
  const name = aside?.split(',')[0]?.trim() ?? '';
  return /^\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){0,2}$/u.test(name) ? name : null;
}

/** "Dear Colette:" opens a letter to her: a salutation names the one written to, never a speaker. */
const SALUTATION = /^(?:Dear|DEAR)\s/;

/** How many paragraphs look like transcript lines (decides whether bare "SMITH:" labels are trusted). */
export function countTranscriptLabels(
  texts: readonly string[],
  isPersonName: IsPersonName = () => false,
): number {
  return texts.filter((text) => {
    const upper = (LINE.exec(text) ?? ROLE_LINE.exec(text) ?? DOTTED_QA_LINE.exec(text))?.[1];
    if (upper !== undefined) return !NOT_SPEAKERS.has(upper) || ANSWER_LABELS.has(upper);
    if (RECORD_LINE.test(text) || USERNAME_LINE.test(text)) return true;
    const mixed = MIXED_LINE.exec(text)?.[1];
    if (mixed === undefined || SALUTATION.test(mixed)) return false;
    return QUESTION_LABELS.has(mixed.toUpperCase()) || isTitled(mixed.split(/\s+/)) || isPersonName(mixed);
  }).length;
}
