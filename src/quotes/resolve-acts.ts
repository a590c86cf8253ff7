// Resolving a paragraph's attributions in reading order, so that pronouns see the speakers and sentence
// subjects before them (and not the subject of their own sentence), and the confidence of each act.

import { FRAME_CONFIDENCE, INDIRECT_DISCOUNT, PRONOUN_FACTOR, UNNAMED_GROUP_CAP } from './confidence.js';
import { TELL_VERBS } from './lexicon.js';
import { DOCUMENT_MAKING, STATEMENT_NOUNS } from './noun-lexicon.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import { indirectActs, type ParagraphActs } from './paragraph-acts.js';
import { saidToOf } from './provenance.js';
import { isQuestionCue } from './question-acts.js';
import type { QuoteSpan } from './quote-marks.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import type { Sentence, SpeechAct } from './speech-act.js';
import { readSentenceSubject } from './subject-before.js';
import type { ParagraphInput } from './types.js';

const SUBJECT_KINDS = new Set(['name', 'list', 'group', 'org', 'publication']);
/** A leading adverbial before the subject: "In a separate letter to …, the Senators express …". */
// The prepositions of English (a closed class) open place and time phrases as the words above do:
// "Across town, at a VFW hall, Tolliver gave …".
const LEADING_ADVERBIAL =
  /^(?:In|On|At|During|After|Before|Following|Since|For|With|Under|Despite|Meanwhile|However|Still|Later|Earlier|Today|Yesterday|Also|Separately|Instead|Additionally|Lastly|Finally|Last|This|Asked|Speaking|Now|Then|But|And|Yet|So|Previously|Overall|Indeed|Notably|Specifically|Across|Along|Amid|Among|Around|Behind|Beside|Beyond|Inside|Near|Outside|Over|Through|Throughout|Toward|Towards|Upon|Within|Without|Back)\b[^,"“”\u2591]{0,100},\s+/i;
/** Adverbial phrases a sentence may open with before its subject ("Across town, at a VFW hall, …"). */
const MAX_LEADING_ADVERBIALS = 3;

/** Where the subject of a sentence starting at `from` begins, past its leading adverbial phrases. */
function afterAdverbials(masked: string, from: number): number {
  let at = from;
  for (let i = 0; i < MAX_LEADING_ADVERBIALS; i++) {
    const match = LEADING_ADVERBIAL.exec(masked.slice(at));
    // Only the first phrase is capitalised; the ones after it are not ("…, at a VFW hall, …").
    if (!match || (i > 0 && !/^\p{Ll}/u.test(match[0]))) break;
    at += match[0].length;
  }
  // "In a 1968 letter to her sister, Mae, she wrote": a name set off after the phrase is an apposition to
  // its last noun when a pronoun subject follows — the sentence's subject is the pronoun.
  if (at > from) at += NAME_APPOSITION.exec(masked.slice(at))?.[0].length ?? 0;
  return at;
}
const NAME_APPOSITION = /^\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2},\s+(?=(?:he|she|they|we|I)\s)/u;

/**
 * "When the Library Board voted …, it said …": a sentence may open with a subordinate clause whose
 * subject the main clause's pronoun refers back to (anaphora inside the sentence).
 */
const SUBORDINATOR = /^(?:When|After|Before|As|While|Although|Though|Because|Since|Once|Until)\s+/;
const NAMED_KINDS = new Set(['name', 'org', 'publication']);

function subordinateSubject(text: string, from: number): NounPhrase | null {
  const lead = SUBORDINATOR.exec(text.slice(from, from + 12));
  const np = lead ? readNounPhrase(text, from + lead[0].length) : null;
  return np && NAMED_KINDS.has(np.kind) ? np : null;
}

/**
 * "In a letter to Fernlo dated Tuesday, the Office … gave …", "Crestline said in a statement that …",
 * "wrote analysts at X in a note to clients": a document brought in with "in a/its …" is the writing of
 * the sentence's speaker (or, with no speech verb, its subject). News refers back to it as "the letter
 * states", "the post said", so the document is noted for its author.
 */
// The document's noun is the head of its phrase: in "a blog post" the post, not the blog.
const ISSUED_IN = new RegExp(
  String.raw`\b[Ii]n\s+(?:a|an|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}?(${[...STATEMENT_NOUNS].join('|')})(?:\s+(${[...STATEMENT_NOUNS].join('|')}))?\b`,
  'u',
);

/**
 * "Judge Lorraine Whitaker dissented.", "Penhaligon concurred": a judge who dissents or concurs writes
 * the dissent or the concurrence that the report then cites as "the dissent argued".
 */
const SEPARATE_OPINION = /\b(dissented|concurred)\b/;

function noteIssuedDocument(sentence: string, author: Speaker | null, resolver: SpeakerResolver): void {
  const issued = author ? ISSUED_IN.exec(sentence) : null;
  const noun = issued?.[2] ?? issued?.[1];
  if (noun && author) resolver.noteDocument(noun.toLowerCase(), author);
  const opinion = author?.kind === 'person' ? SEPARATE_OPINION.exec(sentence)?.[1] : undefined;
  if (opinion && author) resolver.noteDocument(opinion === 'dissented' ? 'dissent' : 'concurrence', author);
}

/**
 * "It was written by Walter Brisbane, …, and read aloud by his granddaughter": who wrote a document
 * (the passive's agent) is its author, whom "the statement said" later means — whoever reads it out.
 * The document is named in the sentence or, as "It", in the one before it.
 */
const WRITTEN_BY = new RegExp(String.raw`\b(?:${[...DOCUMENT_MAKING].join('|')})\s+by\s+`, 'u');
const DOCUMENT_NOUN = new RegExp(String.raw`\b(${[...STATEMENT_NOUNS].join('|')})\b`, 'gu');

function noteWrittenBy(
  text: string,
  sentence: Sentence,
  resolver: SpeakerResolver,
  where: { pos: number; paragraph: number },
): void {
  const part = text.slice(sentence.contentStart, sentence.end);
  const by = WRITTEN_BY.exec(part);
  if (!by) return;
  const named = [...part.slice(0, by.index).matchAll(DOCUMENT_NOUN)].at(-1)?.[1];
  const pronoun = /^\s*It\b/.test(part);
  const earlier = pronoun
    ? [...text.slice(0, sentence.contentStart).matchAll(DOCUMENT_NOUN)].at(-1)?.[1]
    : undefined;
  const noun = named ?? earlier;
  if (!noun) return;
  const np = readNounPhrase(text, sentence.contentStart + by.index + by[0].length);
  const writer = np && (np.kind === 'name' || np.kind === 'org') ? resolver.resolve(np, where) : null;
  if (writer) resolver.noteDocument(noun.toLowerCase(), writer);
}

/** The speaker of the sentence's first attribution that was resolved. */
function author(
  pa: ParagraphActs,
  sentence: Sentence,
  speakers: Map<SpeechAct, Speaker | null>,
): Speaker | null {
  for (const entry of pa.acts) {
    const speaker = entry.sentence === sentence ? speakers.get(entry.act) : null;
    if (speaker) return speaker;
  }
  return null;
}

export function confidenceOf(act: SpeechAct, indirect: boolean): number {
  const base = FRAME_CONFIDENCE[act.frame] - (indirect ? INDIRECT_DISCOUNT : 0);
  if (act.np?.kind === 'group' && act.np.definite === false) return Math.min(base, UNNAMED_GROUP_CAP);
  return act.np?.kind === 'pronoun' ? base * PRONOUN_FACTOR : base;
}

export interface ResolvedActs {
  speakers: Map<SpeechAct, Speaker | null>;
  /** Each sentence's grammatical subject, resolved (null when it names no speaker). */
  subjects: Map<Sentence, Speaker | null>;
}

/** Resolves every act sentence by sentence, noting speakers and sentence subjects as it reads. */
export function resolveActs(
  ctx: { paragraph: ParagraphInput; pa: ParagraphActs; spans: readonly QuoteSpan[] },
  resolver: SpeakerResolver,
): ResolvedActs {
  const { paragraph, pa, spans } = ctx;
  const { text, number } = paragraph;
  const speakers = new Map<SpeechAct, Speaker | null>();
  const subjects = new Map<Sentence, Speaker | null>();
  const used = new Set<SpeechAct>([
    ...pa.bySpan.values(),
    ...indirectActs(pa, spans, text.length).map((i) => i.act),
  ]);
  for (const act of used) if (act.parent) used.add(act.parent);
  for (const sentence of pa.sentences) {
    const from = sentence.contentStart;
    const subjectAt = afterAdverbials(pa.masked, from);
    const subjectNp = readSentenceSubject(text, subjectAt);
    // "Her husband, asked about the split, laughed", "The dissent also took issue with …": someone's
    // relative or document (resolved to its author) is a subject as a name is.
    const resolvable = subjectNp && (SUBJECT_KINDS.has(subjectNp.kind) || subjectNp.kind === 'owned');
    // A subject that is also the speaker of the sentence's attribution ("Kell said …") is read as one.
    const speaking = pa.acts.some(
      ({ act, sentence: s }) => s === sentence && act.np !== null && act.np.start === subjectNp?.start,
    );
    const subject = resolvable
      ? resolver.resolve(subjectNp, { pos: paragraph.start + from, paragraph: number, speaking })
      : null;
    subjects.set(sentence, subject);
    // A subject read where the sentence (after an adverbial) begins, not after "If" or another word.
    const opening = subjectNp?.start === subjectAt ? subject : null;
    const subordinate = subordinateSubject(text, from);
    const inner = subordinate
      ? resolver.resolve(subordinate, { pos: paragraph.start + subordinate.start, paragraph: number })
      : null;
    if (subordinate && inner) resolver.noteSubject(inner, paragraph.start + subordinate.start, number, true);
    for (const { act } of pa.acts.filter((a) => a.sentence === sentence)) {
      const pos = paragraph.start + act.cueStart;
      // "X praised what she called a "relentless" half": the pronoun is the sentence's subject.
      const own = act.frame === 'label' && act.np?.kind === 'pronoun' && subject?.kind === 'person';
      // "The dissent took issue with the reading, calling it "…"": a participle with no reporting verb
      // before it takes the main clause's subject, as an English participial adjunct does.
      const adjunct = act.frame === 'participle' && !act.parent ? opening : null;
      const parent = act.parent ? (speakers.get(act.parent) ?? null) : adjunct;
      // "“…,” he told Owen": the pronoun is not the one told.
      const object =
        act.np?.kind === 'pronoun' && TELL_VERBS.has(act.cue.split(/\s/)[0] ?? '')
          ? saidToOf(text, act, resolver, { pos, paragraph: number })
          : null;
      const speaker = act.np
        ? own
          ? subject
          : resolver.resolve(act.np, {
              pos,
              paragraph: number,
              paragraphStart: paragraph.start,
              subject,
              opening,
              speaking: true,
              object,
            })
        : parent;
      // An appositive at this mention ("said Jane Roe, the commissioner") is the speaker's role.
      if (speaker && act.role && !speaker.role && speaker.kind === 'person')
        resolver.rememberRole(speaker, act.role);
      speakers.set(act, speaker);
      if (act.document && speaker) resolver.noteDocument(act.document, speaker);
      // "Taylor Reese said she would …": the pronoun right after the verb is the speaker.
      const pronoun =
        act.frame === 'clause' && act.complement
          ? /^(he|she)\b/i.exec(text.slice(act.complement.start))
          : null;
      if (speaker?.kind === 'person' && pronoun?.[1])
        resolver.noteGender(speaker, pronoun[1].toLowerCase() === 'he' ? 'm' : 'f');
      if (speaker && used.has(act)) resolver.noteSpeaker(speaker, pos, number);
      const asked =
        speaker && isQuestionCue(act.cue) ? saidToOf(text, act, resolver, { pos, paragraph: number }) : null;
      if (speaker && asked) resolver.noteAddressee(asked, speaker, pos, number);
    }
    noteWrittenBy(text, sentence, resolver, { pos: paragraph.start + from, paragraph: number });
    noteIssuedDocument(
      pa.masked.slice(from, sentence.end),
      author(pa, sentence, speakers) ?? subject,
      resolver,
    );
    // Noted after the sentence's own attributions: in "Musk will lose, he said" he is not Musk.
    if (subject && subjectNp) resolver.noteSubject(subject, paragraph.start + subjectNp.start, number);
  }
  return { speakers, subjects };
}
