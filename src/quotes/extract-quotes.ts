// Entry point: document paragraphs → attributed quotes (direct and indirect), each a verbatim span with
// absolute offsets. Pure: no I/O, no network, no model. The sieves follow the design notes ("Who-said-
// what: attribution rules that work in news text"), in precision order, each in its own module:
//   1 quote–verb–speaker (after-act.ts)   2 speaker–verb–colon (colon-acts.ts)
//   3 reported clauses (clause-acts.ts, final-act.ts)   4 according to, labels (source-acts.ts)
//   5 continuations (attribute-paragraph.ts)   6 transcripts (transcript.ts)
// Speakers are resolved against a per-document entity table (entity-table.ts, speaker-resolver.ts).

import { trimRange } from '../text/sentences.js';
import { attributeParagraph, type DocumentState } from './attribute-paragraph.js';
import { TRANSCRIPT_TURN } from './confidence.js';
import { buildEntityTable, type EntityTable } from './entity-table.js';
import { readNounPhrase } from './noun-phrase.js';
import { paragraphPieces } from './paragraph-pieces.js';
import { type Draft, toQuotes } from './quote-drafts.js';
import { type Speaker, SpeakerResolver } from './speaker-resolver.js';
import { countTranscriptLabels, type IsPersonName, readTranscriptLine } from './transcript.js';
import type { ExtractInput, ParagraphInput, Quote } from './types.js';

function transcriptSpeaker(
  label: string,
  resolver: SpeakerResolver,
  pos: number,
  paragraph: number,
): Speaker {
  const np = readNounPhrase(label, 0);
  const resolved =
    np && np.end === label.length ? resolver.resolve({ ...np, start: -1 }, { pos, paragraph }) : null;
  return resolved ?? { name: label, role: null, members: [], kind: 'person' };
}

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
 * Speech a speaker reports within a turn ("The minister told us that …") is the reported person's
 * indirect quote; the label is blanked so it is never read as a subject.
 */
function reportedInTurn(paragraph: ParagraphInput, textStart: number, resolver: SpeakerResolver): Draft[] {
  const text = ' '.repeat(textStart) + paragraph.text.slice(textStart);
  const state: DocumentState = { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null };
  return paragraphPieces({ ...paragraph, text })
    .flatMap((piece) => attributeParagraph(piece, state, resolver))
    .filter((d) => d.kind === 'indirect');
}

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
  paragraphs.forEach((paragraph, i) => {
    const line = lines[i];
    if (line) {
      // A question line ("Q: …") is nobody's quote; a speaker line is that speaker's words.
      Object.assign(state, { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null });
      if (!line.speaker) return;
      const speaker = transcriptSpeaker(line.speaker, resolver, paragraph.start, paragraph.number);
      resolver.noteSpeaker(speaker, paragraph.start, paragraph.number);
      // The whole turn is one quote, however many sentences it has.
      const range = trimRange(paragraph.text, { start: line.textStart, end: paragraph.text.length });
      const cue = 'transcript';
      drafts.push({
        paragraph,
        kind: 'direct',
        ...range,
        speaker,
        via: null,
        cue,
        confidence: TRANSCRIPT_TURN,
      });
      drafts.push(...reportedInTurn(paragraph, line.textStart, resolver));
      return;
    }
    for (const piece of paragraphPieces(paragraph))
      drafts.push(...attributeParagraph(piece, state, resolver));
  });
  return toQuotes(drafts, input.document);
}
