// Speech reported inside a transcript turn ("The minister tells us this bill will not
// raise rents"): the reported clause is the reported person's indirect quote, passed on by the one
// speaking (`via`).

import { attributeParagraph, type DocumentState } from './attribute-paragraph.js';
import { paragraphPieces } from './paragraph-pieces.js';
import type { Draft } from './quote-drafts.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import type { ParagraphInput } from './types.js';

/**
 * "I'd say …", "we said that …": the turn's own speaker, whose words the turn already holds (and "I'd
 * say" is a hedge, not a report of speech).
 */
const FIRST_PERSON = /^(?:I|We)(?:['’](?:d|m|ve|ll|re))?$/;

/** The indirect quotes reported between `from` and `to` of the paragraph, read in `speaker`'s voice. */
export function reportedWithin(
  paragraph: ParagraphInput,
  from: number,
  to: number,
  speaker: Speaker,
  resolver: SpeakerResolver,
): Draft[] {
  const text = ' '.repeat(from) + paragraph.text.slice(from, to) + ' '.repeat(paragraph.text.length - to);
  const state: DocumentState = { carriedOpen: false, chain: null, introducer: null, previousSpeaker: null };
  const drafts = resolver.inVoiceOf(speaker, () =>
    paragraphPieces({ ...paragraph, text }).flatMap((piece) => attributeParagraph(piece, state, resolver)),
  );
  return drafts
    .filter((d) => d.kind === 'indirect' && d.speaker && !FIRST_PERSON.test(d.speaker.name))
    .map((d) => ({ ...d, via: d.via ?? speaker.name }));
}
