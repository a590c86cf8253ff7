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
import { buildEntityTable } from './entity-table.js';
import { readNounPhrase } from './noun-phrase.js';
import { type Draft, toQuotes } from './quote-drafts.js';
import { type Speaker, SpeakerResolver } from './speaker-resolver.js';
import { countTranscriptLabels, readTranscriptLine } from './transcript.js';
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

export function extractQuotes(input: ExtractInput): Quote[] {
  const paragraphs: readonly ParagraphInput[] = input.paragraphs;
  const table = buildEntityTable(paragraphs, input.speakerHints ?? []);
  const resolver = new SpeakerResolver(table);
  const labelCount = countTranscriptLabels(paragraphs.map((p) => p.text));
  const state: DocumentState = { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null };
  const drafts: Draft[] = [];
  for (const paragraph of paragraphs) {
    const line = readTranscriptLine(paragraph.text, labelCount);
    if (line) {
      // A question line ("Q: …") is nobody's quote; a speaker line is that speaker's words.
      Object.assign(state, { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null });
      if (!line.speaker) continue;
      const speaker = transcriptSpeaker(line.speaker, resolver, paragraph.start, paragraph.number);
      const range = trimRange(paragraph.text, { start: line.textStart, end: paragraph.text.length });
      resolver.noteSpeaker(speaker, paragraph.start, paragraph.number);
      drafts.push({
        paragraph,
        kind: 'direct',
        ...range,
        speaker,
        via: null,
        cue: 'transcript',
        confidence: TRANSCRIPT_TURN,
      });
      continue;
    }
    drafts.push(...attributeParagraph(paragraph, state, resolver));
  }
  return toQuotes(drafts);
}
