// Entry point: document paragraphs → attributed quotes (direct and indirect), each a verbatim span with
// absolute offsets. Pure: no I/O, no network, no model. The sieves follow the design notes ("Who-said-
// what: attribution rules that work in news text"), in precision order, each in its own module:
//   1 quote–verb–speaker (after-act.ts)   2 speaker–verb–colon (colon-acts.ts)
//   3 reported clauses (clause-acts.ts, final-act.ts)   4 according to, labels (source-acts.ts)
//   5 continuations (attribute-paragraph.ts)   6 transcripts (transcript.ts)
// Speakers are resolved against a per-document entity table (entity-table.ts, speaker-resolver.ts).

import { trimRange } from '../text/sentences.js';
import { attributeParagraph, type DocumentState } from './attribute-paragraph.js';
import { TRANSCRIPT_CONTINUATION, TRANSCRIPT_TURN } from './confidence.js';
import { creditedQuote, labelledDrafts, senderOf } from './credited-drafts.js';
import { type EmailPart, readEmailParts } from './email-blocks.js';
import { buildEntityTable, type Entity, type EntityTable } from './entity-table.js';
import { completeShortNames } from './later-full-names.js';
import { TITLE_WORDS } from './lexicon.js';
import { namesSpeaker, narratorOf, narratorSpeaks, speaksInPerson } from './narrator-headings.js';
import { nestedDrafts } from './nested-quotes.js';
import { paragraphPieces } from './paragraph-pieces.js';
import { type Draft, toQuotes } from './quote-drafts.js';
import { entitySpeaker } from './speaker.js';
import { type Speaker, SpeakerResolver } from './speaker-resolver.js';
import { countTranscriptLabels, type IsPersonName, readTranscriptLine } from './transcript.js';
import { officeHolderInIntroduction } from './transcript-office.js';
import { transcriptSpeaker } from './transcript-speaker.js';
import type { ExtractInput, ParagraphInput, Quote } from './types.js';

/** A mixed-case label ("Okafor", "Ruth Abernathy") names a person when the document names them so. */
function personNameTest(table: EntityTable): IsPersonName {
  return (label) => {
    const words = label.toLowerCase().split(/\s+/);
    const last = words[words.length - 1];
    return table.entities.some(
      (e) =>
        (e.kind === 'person' || e.kind === 'unknown') &&
        e.words.length >= 2 &&
        (e.words.join(' ') === words.join(' ') || (words.length === 1 && e.words.at(-1) === last)),
    );
  };
}

/**
 * "I'd say …", "we said that …": the turn's own speaker, whose words the turn already holds (and "I'd
 * say" is a hedge, not a report of speech).
 */
const FIRST_PERSON = /^(?:I|We)(?:['’](?:d|m|ve|ll|re))?$/;

/**
 * Speech a speaker reports within a turn ("The minister told us that …") is the reported person's
 * indirect quote, passed on by the turn's speaker (`via`); the label is blanked so it is never read as
 * a subject.
 */
function reportedInTurn(
  paragraph: ParagraphInput,
  textStart: number,
  speaker: Speaker,
  resolver: SpeakerResolver,
  ownReports = false,
): Draft[] {
  const text = ' '.repeat(textStart) + paragraph.text.slice(textStart);
  const state: DocumentState = { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null };
  return resolver
    .inVoiceOf(speaker, () =>
      paragraphPieces({ ...paragraph, text }).flatMap((piece) => attributeParagraph(piece, state, resolver)),
    )
    .flatMap((d): Draft[] => {
      if (!d.speaker) return [];
      // Words the turn quotes from someone it names ("Tom Esterly … wrote to me, and I will read part
      // of his letter: “…”") are that person's, passed on; its own words are the turn itself.
      // A pronoun's antecedent in a speaker's story ("He said, “…”") is often someone the document
      // never names, so only a quote whose own attribution names its speaker is taken.
      if (d.kind === 'direct')
        return d.named && d.speaker !== speaker && d.speaker.name !== speaker.name
          ? [{ ...d, via: d.via ?? speaker.name }]
          : [];
      // "I told him it was …" in a narrator's passage reports the narrator's own earlier words, as a
      // speaker quoting themselves does (no one passes them on).
      if (/^I$/.test(d.speaker.name)) return ownReports ? [{ ...d, speaker, via: null }] : [];
      return FIRST_PERSON.test(d.speaker.name) ? [] : [{ ...d, via: d.via ?? speaker.name }];
    });
}

/**
 * A turn, the words it quotes (nested-quotes.ts) and what it reports: a quotation the turn's own
 * reading found (“He said, ‘…’”) is not taken again from the reports.
 */
function turnWithQuotes(draft: Draft, nested: Draft[], reported: Draft[]): Draft[] {
  const overlaps = (d: Draft) => nested.some((n) => d.start < n.end && n.start < d.end);
  return [draft, ...nested, ...reported.filter((d) => d.kind !== 'direct' || !overlaps(d))];
}

/** The whole turn is one quote, however many sentences it has. */
function turnDraft(
  paragraph: ParagraphInput,
  textStart: number,
  speaker: Speaker,
  confidence: number,
): Draft {
  const range = trimRange(paragraph.text, { start: textStart, end: paragraph.text.length });
  return { paragraph, kind: 'direct', ...range, speaker, via: null, cue: 'transcript', confidence };
}

/** A printed email's body paragraph, the sender's words; a quoted line, the earlier writer's. */
function emailDrafts(paragraph: ParagraphInput, part: EmailPart, resolver: SpeakerResolver): Draft[] {
  if (part.kind !== 'body' && part.kind !== 'quoted') return [];
  const where = { pos: paragraph.start, paragraph: paragraph.number };
  const sender = senderOf(part.sender, resolver, where);
  if (!sender) return [];
  const quoted = part.kind === 'quoted' ? part.quotedSender : null;
  const speaker = quoted ? senderOf(quoted, resolver, where) : part.kind === 'body' ? sender : null;
  if (!speaker) return [];
  const start = part.kind === 'quoted' ? (/^\s*>\s?/.exec(paragraph.text)?.[0].length ?? 0) : 0;
  const draft = {
    ...turnDraft(paragraph, start, speaker, TRANSCRIPT_TURN),
    cue: 'email',
    via: quoted ? sender.name : null,
  };
  // What the body reports others saying is theirs, passed on by the sender, as inside a turn.
  return quoted
    ? [draft]
    : turnWithQuotes(draft, nestedDrafts(draft, resolver), reportedInTurn(paragraph, 0, speaker, resolver));
}

/**
 * Who answers the "A:" lines of a Q&A: an interview names its subject in the introduction, before the
 * first turn. When it names several people, the subject is the one the introduction opens with (its
 * first sentence is about them: "Grace Templeton took over from Ian Marsh …"); otherwise the answers
 * stay unattributed.
 */
function interviewee(
  table: EntityTable,
  paragraphs: readonly ParagraphInput[],
  firstTurn: number,
): Speaker | null {
  const firstTurnStart = paragraphs[firstTurn]?.start ?? 0;
  const named = table.entities.filter(
    (e) =>
      // A run of capitals is a person when it is one, or has a first name ("Northwest Weekly" has none).
      (e.kind === 'person' || (e.kind === 'unknown' && e.words.length >= 2 && e.gender !== null)) &&
      e.mentions.some((m) => m >= 0 && m < firstTurnStart),
  );
  const before = paragraphs.slice(0, firstTurn);
  const intro = before.find((p) => /[.!?]$/.test(p.text.trim()));
  // Only titles between a point and the mention: the mention is the name written right there.
  const onlyTitles = (text: string) =>
    text.split(/\s+/).every((word) => word === '' || TITLE_WORDS.has(word.replace(/\.$/, '').toLowerCase()));
  const opensWith = (mention: number) =>
    intro !== undefined && mention >= intro.start && onlyTitles(intro.text.slice(0, mention - intro.start));
  const subject = questionedPerson(before, named, onlyTitles);
  const only =
    named.length === 1
      ? named[0]
      : (subject ?? named.filter((e) => e.mentions.some((m) => m >= 0 && opensWith(m)))[0]);
  return only ? entitySpeaker(only, null) : null;
}

/**
 * English names the one a Q&A questions with the event noun and "of" or "with": "the deposition of
 * Gregory Paulsen", "an interview with Dr. Ana Ruiz", "the cross-examination of the witness". The
 * nouns are those of a questioning (a closed set of kinds of event, not of any document's words).
 */
const QUESTIONING =
  /\b(?:interview|deposition|testimony|examination|questioning|conversation)s?\s+(?:of|with)\s+/giu;

function questionedPerson(
  introduction: readonly ParagraphInput[],
  named: readonly Entity[],
  onlyTitles: (text: string) => boolean,
): Entity | null {
  const found = new Set<Entity>();
  for (const paragraph of introduction) {
    for (const match of paragraph.text.matchAll(QUESTIONING)) {
      const from = paragraph.start + (match.index ?? 0) + match[0].length;
      const at = (m: number) =>
        m >= from &&
        m < paragraph.start + paragraph.text.length &&
        onlyTitles(paragraph.text.slice(from - paragraph.start, m - paragraph.start));
      for (const entity of named) if (entity.mentions.some(at)) found.add(entity);
    }
  }
  // Two people so introduced (a joint interview) leave the answers to the other cues.
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * An unlabelled paragraph between two turns of a transcript goes on with the turn before it (a
 * speaker's answer over several paragraphs). Narration is told apart by what a turn never has: quote
 * marks, the speaker named in the third person, a bracketed stage direction, no first or second person.
 */
function continuesTurn(paragraph: ParagraphInput, speaker: Speaker): boolean {
  const text = paragraph.text.trim();
  if (/^[[(]/.test(text)) return false;
  // A turn may quote someone ("I will read part of his letter: “…”"): what decides is the speech
  // around the quotation, so whole quotations are left out; a mark left open (a quote running on into
  // the next paragraph) is narration's.
  const around = text.replace(WHOLE_QUOTATION, ' ');
  if (/["“”„«»「」]/.test(around)) return false;
  // A heading between turns ("Ukraine", "PART TWO") is no sentence: a turn's paragraph ends as one does.
  if (!/[.!?…][”"»」]?$/.test(text) || text.split(/\s+/).length < 4) return false;
  // Speech is addressed: a turn says "I", "we" or "you", which a news writer's narration outside
  // quote marks never does; and it never names its own speaker in the third person.
  return speaksInPerson(around) && !namesSpeaker(around, speaker);
}

/** A quotation opened and closed within the paragraph, in any of the marks the extractor reads. */
const WHOLE_QUOTATION = /“[^“”]*”|"[^"]*"|«[^«»]*»|„[^„“”]*[“”]|「[^「」]*」/g;

export function extractQuotes(input: ExtractInput): Quote[] {
  const paragraphs: readonly ParagraphInput[] = input.paragraphs;
  const table = buildEntityTable(paragraphs, input.speakerHints ?? []);
  const resolver = new SpeakerResolver(table);
  const isPersonName = personNameTest(table);
  const labelCount = countTranscriptLabels(
    paragraphs.map((p) => p.text),
    isPersonName,
  );
  const lines = paragraphs.map((p) => readTranscriptLine(p.text, labelCount, isPersonName));
  const state: DocumentState = { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null };
  const drafts: Draft[] = [];
  const labelNames = new Map<string, Speaker | null>();
  const firstTurn = lines.findIndex((line) => line !== null);
  const lastTurn = lines.findLastIndex((line) => line !== null);
  const answerer =
    firstTurn >= 0 &&
    lines.some((line) => line?.answer) &&
    lines.some((line) => line && !line.speaker && !line.answer)
      ? interviewee(table, paragraphs, firstTurn)
      : null;
  // What precedes the first turn introduces who speaks and who moderates (transcript-office.ts).
  const introduction = paragraphs.slice(0, Math.max(0, firstTurn)).map((paragraph) => paragraph.text);
  let turn: Speaker | null = null;
  // The person a heading names, whose first-person paragraphs follow it (narrator-headings.ts).
  let narrator: Speaker | null = null;
  // A record's presiding office → its holder, named in brackets on the office's first turn.
  const holders = new Map<string, string>();
  const email = readEmailParts(paragraphs.map((p) => p.text));
  paragraphs.forEach((paragraph, i) => {
    const part = email[i];
    if (part) {
      // Headers and sign-offs are the mail's furniture; a body paragraph is the sender's.
      drafts.push(...emailDrafts(paragraph, part, resolver));
      turn = null;
      return;
    }
    const found = lines[i];
    const line =
      found?.office && !found.speaker ? { ...found, speaker: holders.get(found.office) ?? null } : found;
    if (line?.office && line.speaker) holders.set(line.office, line.speaker);
    if (line) {
      // A question line ("Q: …") is nobody's quote; a speaker line is that speaker's words.
      Object.assign(state, { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null });
      turn = null;
      if (!line.speaker && !(line.answer && answerer)) return;
      const where = { pos: paragraph.start, paragraph: paragraph.number };
      const office = line.speaker ? officeHolderInIntroduction(line.speaker, introduction) : null;
      const officer = office ? table.byName.get(office.toLowerCase()) : undefined;
      const speaker =
        line.answer && answerer
          ? answerer
          : officer
            ? entitySpeaker(officer, null)
            : office
              ? { name: office, role: null, members: [], kind: 'person' as const }
              : line.speaker
                ? transcriptSpeaker(line.speaker, resolver, where, labelNames)
                : answerer;
      if (!speaker) return;
      resolver.noteSpeaker(speaker, paragraph.start, paragraph.number);
      const draft = turnDraft(paragraph, line.textStart, speaker, TRANSCRIPT_TURN);
      // The turn's reports first: reading them notes whom its sentences are about, whom its inner
      // quotes' "he" and "she" may mean.
      const reported = reportedInTurn(paragraph, line.textStart, speaker, resolver);
      drafts.push(...turnWithQuotes(draft, nestedDrafts(draft, resolver), reported));
      turn = speaker;
      return;
    }
    // After the last turn, prose is the article's own, unless a stage direction ("(COMMERCIAL BREAK)")
    // after it shows the transcript still runs.
    const inside = i < lastTurn || /^\s*[[(][^\])]*[\])]\s*$/.test(paragraphs[i + 1]?.text ?? '');
    if (turn && inside && continuesTurn(paragraph, turn)) {
      const draft = turnDraft(paragraph, 0, turn, TRANSCRIPT_CONTINUATION);
      // As in a labelled turn: its reports first, then the words it quotes.
      const reported = reportedInTurn(paragraph, 0, turn, resolver);
      drafts.push(...turnWithQuotes(draft, nestedDrafts(draft, resolver), reported));
      return;
    }
    turn = null;
    const heading = narratorOf(paragraph, resolver);
    if (heading !== undefined) {
      narrator = heading;
      return;
    }
    if (narrator && narratorSpeaks(paragraph, narrator)) {
      const draft = turnDraft(paragraph, 0, narrator, TRANSCRIPT_CONTINUATION);
      resolver.noteSpeaker(narrator, paragraph.start, paragraph.number);
      const nested = nestedDrafts(draft, resolver);
      drafts.push(...turnWithQuotes(draft, nested, reportedInTurn(paragraph, 0, narrator, resolver, true)));
      return;
    }
    narrator = null;
    // A reaction labelled with its speaker ("- **Okafor**: “…”"), then a pull quote or blockquote
    // credited on the line after it ("— Gerald Oakes, keeper"): the line itself is typography, not speech.
    const labelled = labelledDrafts(paragraph, resolver);
    if (labelled.length > 0) {
      drafts.push(...labelled, ...labelled.flatMap((draft) => nestedDrafts(draft, resolver)));
      return;
    }
    const credited = creditedQuote(paragraph, paragraphs[i + 1], resolver);
    if (credited.length > 0) {
      drafts.push(...credited, ...credited.flatMap((draft) => nestedDrafts(draft, resolver)));
      return;
    }
    if (creditedQuote(paragraphs[i - 1], paragraph, resolver).length > 0) return;
    for (const piece of paragraphPieces(paragraph)) {
      const found = attributeParagraph(piece, state, resolver);
      drafts.push(...found, ...found.flatMap((draft) => nestedDrafts(draft, resolver)));
    }
  });
  completeShortNames(drafts, table);
  return toQuotes(drafts, input.document);
}
