import type { SearchContext } from '../answer/search-context.js';
import { matchSpeaker } from '../quotes/match-speaker.js';
import { buildSpeakerDirectory } from '../quotes/speaker-directory.js';
import { bareName, surnameOf } from '../quotes/speaker-names.js';
import type { Quote } from '../quotes/types.js';
import { sentencesOf } from '../text/sentences.js';
import { isStopword } from '../text/terms.js';
import type { QuoteSource } from './quote-sources.js';

/** Whether the asker's speaker is the one a document credits: null when either is unknown. */
export type Agreement = (quote: Quote | null, source: QuoteSource, claimed: string | null) => boolean | null;

/**
 * Names are read within the quote's own document: a surname there means that document's person. A
 * claimed speaker that names nobody the document quotes may still describe the credited one ("the
 * governor of the Atacama region"): it agrees when one sentence of the document that names the credited
 * speaker holds every content word of the description — the document itself calls them that. Only a
 * description is read so: in English it opens with a determiner or a possessive ("the mayor", "Chile's
 * mining minister"); a bare name the document does not know is someone else, never a description.
 */
const DESCRIPTION = /^(?:the|a|an|his|her|their)\s|^[\p{L}.-]+['’]s\s/iu;

export function speakerAgreement(context: SearchContext): Agreement {
  const sentences = new Map<string, string[]>();
  const sentencesIn = (doc: string) => {
    let found = sentences.get(doc);
    if (!found) {
      found = [...context.paragraphs.values()]
        .filter((paragraph) => paragraph.doc === doc)
        .flatMap((paragraph) => sentencesOf(paragraph.text));
      sentences.set(doc, found);
    }
    return found;
  };
  return (quote, source, claimed) => {
    if (!claimed || !quote?.speaker) return null;
    const matched = matchSpeaker(claimed, buildSpeakerDirectory(source.document.quotes)).matches;
    if (matched.length > 0) {
      return matched.some(
        (entry) =>
          entry.name === quote.speaker ||
          quote.members.includes(entry.name) ||
          entry.members.includes(quote.speaker ?? ''),
      );
    }
    if (!DESCRIPTION.test(claimed.trim())) return false;
    return describes(sentencesIn(source.document.id), quote, claimed);
  };
}

function describes(sentences: readonly string[], quote: Quote, claimed: string): boolean {
  const words = (text: string) =>
    bareName(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word && !isStopword(word));
  const wanted = words(claimed);
  if (wanted.length === 0) return false;
  const speaker = quote.speaker ?? '';
  const names = [speaker, surnameOf(speaker)].filter((name): name is string => Boolean(name));
  const has = (text: string) => {
    const present = new Set(words(text));
    return wanted.every((word) => present.has(word));
  };
  if (quote.role && has(`${quote.role} ${speaker}`)) return true;
  return sentences.some((sentence) => names.some((name) => sentence.includes(name)) && has(sentence));
}
