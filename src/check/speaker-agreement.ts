import type { Chunk } from '../index/types.js';
import { matchSpeaker } from '../quotes/match-speaker.js';
import { buildSpeakerDirectory, type SpeakerEntry } from '../quotes/speaker-directory.js';
import { bareName, isPersonLike, surnameOf } from '../quotes/speaker-names.js';
import type { Quote } from '../quotes/types.js';
import { expandAbbreviation } from '../text/abbreviations.js';
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

/**
 * `paragraphs` and `quotes`: the whole paragraphs, in order, and the quotes of each document a source
 * of the check is in.
 */
export function speakerAgreement(
  paragraphs: ReadonlyMap<string, readonly Chunk[]>,
  quotes: ReadonlyMap<string, readonly Quote[]>,
): Agreement {
  const sentences = new Map<string, string[]>();
  const sentencesIn = (doc: string) => {
    let found = sentences.get(doc);
    if (!found) {
      found = (paragraphs.get(doc) ?? []).flatMap((paragraph) => sentencesOf(paragraph.text));
      sentences.set(doc, found);
    }
    return found;
  };
  return (quote, source, claimed) => {
    if (!claimed || !quote?.speaker) return null;
    const own = quotes.get(source.document.id) ?? [];
    const directory = buildSpeakerDirectory(own);
    if (sameNameForm(claimed, quote.speaker, directory)) return true;
    const matched = matchSpeaker(claimed, directory).matches;
    if (matched.length > 0) {
      return matched.some(
        (entry) =>
          entry.name === quote.speaker ||
          quote.members.includes(entry.name) ||
          entry.members.includes(quote.speaker ?? ''),
      );
    }
    if (!DESCRIPTION.test(claimed.trim())) return false;
    const roles = buildSpeakerDirectory(own)
      .filter((entry) => entry.name === quote.speaker)
      .flatMap((entry) => entry.roles);
    return describes(sentencesIn(source.document.id), quote, roles, claimed);
  };
}

/**
 * One person's name written two ways: the same words ending both, one name the tail of the other
 * ("Tomas Reyes" and "Harbourmaster Tomas Reyes", a title the text ran into the name; "Kraft" and
 * "Jens-Uwe Kraft", a surname the text never expanded). A surname is the last word of a name in
 * English, so a shared tail of at least that word is the same name, not a coincidence of words.
 */
function sameNameForm(claimed: string, credited: string, directory: readonly SpeakerEntry[]): boolean {
  const a = bareName(claimed).split(' ').filter(Boolean);
  const b = bareName(credited).split(' ').filter(Boolean);
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer, longerText] = a.length <= b.length ? [a, b, credited] : [b, a, claimed];
  // One word stands for a person's surname only: "Air" is not "Skyward Air"'s short name.
  if (shorter.length === 1 && !isPersonLike(longerText.trim())) return false;
  if (!shorter.every((word, i) => longer[longer.length - shorter.length + i] === word)) return false;
  // A surname the text never expanded stands for the claimed person only when the document quotes no
  // other person of that surname ("Lund" is not "Erik Lund" where Ana Lund is quoted too).
  if (b.length === 1 && a.length > 1) {
    const full = a.join(' ');
    return !directory.some((entry) => {
      const words = bareName(entry.name).split(' ');
      return words.length > 1 && words.at(-1) === b[0] && words.join(' ') !== full;
    });
  }
  return true;
}

/** Words that end a description's head noun phrase: "the governor | of the Atacama region". */
const PREPOSITION = /\s(?:of|for|at|in|from|with|on)\s/;
const DETERMINER = /^(?:the|a|an|his|her|their)\s+/;

// A title abbreviated in the text is the word in full: "Capt. Lorna Beckwith" is the captain.
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !isStopword(word))
    .map((word) => expandAbbreviation(word) ?? word);

/**
 * Whether the document calls the credited speaker what the claim does. A description is a head ("the
 * governor", "Chile's mining minister") and what places it ("of the Atacama region", the possessor
 * "Chile's"): the head must be the speaker's role as the document gives it — the role kept with their
 * quotes, or the words of a sentence that names them — and what places it must be words of the document.
 */
function describes(
  sentences: readonly string[],
  quote: Quote,
  roles: readonly string[],
  claimed: string,
): boolean {
  const text = claimed.trim().toLowerCase().replace(DETERMINER, '');
  const split = PREPOSITION.exec(` ${text} `);
  const headText = split ? text.slice(0, Math.max(0, split.index - 1)) : text;
  const placing = split ? text.slice(split.index - 1 + split[0].length - 1) : '';
  const possessor = /^([\p{L}.-]+)['’]s\s+/u.exec(headText);
  // "the ferry captain": English puts a compound's head last; the nouns before it restrict it, as a
  // place does, and need only be words of the document ("Capt. Beckwith has piloted the ferry").
  const phrase = wordsOf(possessor ? headText.slice(possessor[0].length) : headText);
  const head = phrase.slice(-1);
  const place = [...wordsOf(`${possessor?.[1] ?? ''} ${placing}`), ...phrase.slice(0, -1)];
  if (head.length === 0) return false;
  const speaker = quote.speaker ?? '';
  const names = [speaker, surnameOf(speaker)].filter((name): name is string => Boolean(name));
  const holds = (words: readonly string[], text: string) => {
    const present = new Set(wordsOf(text));
    return words.every((word) => present.has(word));
  };
  const beside = sentences.flatMap((sentence) => names.flatMap((name) => besideName(sentence, name)));
  const headFits =
    [quote.role ?? '', ...roles].some((role) => holds(head, role)) ||
    beside.some((text) => holds(head, text));
  if (!headFits) return false;
  return place.length === 0 || holds(place, sentences.join(' '));
}

/** Words a title takes before a name ("Mining Minister Rodrigo Fuentealba"), at most. */
const TITLE_WORDS = 4;

/**
 * The text that states a role beside each mention of a name: the title just before it, and the
 * appositive after it ("Carolina Videla, the governor of the Atacama region, said") — English's two
 * ways of saying who someone is. Elsewhere in the sentence a role may be someone else's ("Reyes, the
 * harbourmaster, thanked Solberg").
 */
function besideName(sentence: string, name: string): string[] {
  const found: string[] = [];
  // Names are matched whatever their case: a transcript's label writes them in capitals.
  const lower = sentence.toLowerCase();
  const wanted = name.toLowerCase();
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + wanted.length)) {
    const before = sentence.slice(0, at).trim().split(/\s+/).slice(-TITLE_WORDS);
    const title = before.slice(before.findLastIndex((word) => /[,;:]$/.test(word)) + 1).join(' ');
    // "The minister for transport, Claire Devaux, …": a description set off before the name is its
    // apposition too, back to the clause's previous boundary.
    const set = /(?:^|[,;:.!?]\s)([^,;:.!?]{1,80}),\s*$/.exec(sentence.slice(0, at))?.[1] ?? '';
    const after = sentence.slice(at + name.length);
    // …and one after it, closed by a comma, a semicolon, a transcript label's colon or the sentence's end.
    const appositive = /^\s*,([^,;:]+)(?:[,;:]|[.!?]?\s*$)/.exec(after)?.[1] ?? '';
    found.push(`${title} ${set} ${appositive}`);
  }
  return found;
}
