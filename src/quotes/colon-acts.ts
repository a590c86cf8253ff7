// Sieve 2: the attribution right before a quote. `Okafor added: "…"`, `In their letter, the Senators
// wrote: "…"`, `Meyer said, "…"`, `Said Jones: "…"`, and a paragraph ending in `X today issued the
// following statement:` that introduces the next paragraph(s).
import { SPEECH_VERBS } from './lexicon.js';
import { DOCUMENT_MAKING, STATEMENT_NOUNS } from './noun-lexicon.js';
import { readNounPhrase } from './noun-phrase.js';
import type { NounPhrase } from './noun-phrase-shape.js';
import type { QuoteSpan } from './quote-marks.js';
import { readWord, readWords } from './read-word.js';
import { makeAct, type SpeechAct } from './speech-act.js';
import { readSubjectBefore } from './subject-before.js';

// "read from the letter:", "sent us this:": verbs that bring someone's written words in before a colon.
const COLON_VERBS = new Set([...SPEECH_VERBS, 'read', 'reads', 'sent', 'messaged']);
const COMMA_VERBS = new Set([
  'said',
  'says',
  'added',
  'asked',
  'wrote',
  'replied',
  'continued',
  'explained',
  'told',
]);
const STATEMENT_INTRODUCER =
  /\b(issued|released|put out|sent|shared|posted|provided|gave|offered)\s+(?:the\s+following|this|a|the|an)\b[^:\u2591]{0,60}?\b(?:statement|remarks|comments?|response)\b[^:\u2591]{0,40}$/i;

/**
 * How far a speech verb may stand before the colon or comma that opens the quote: "Reed added in a
 * statement on Friday:" puts a few adjunct words between them; a comma after a verb allows fewer,
 * because commas separate so many other things.
 */
const MAX_WORDS_VERB_TO_COLON = 8;
const MAX_WORDS_VERB_TO_COMMA = 3;

/** `Said Jones: "…"`: verb first, at the start of the sentence. */
function invertedColonAct(text: string, end: number, floor: number): SpeechAct | null {
  const verb = readVerbCapitalised(text, floor);
  const np = verb ? readNounPhrase(text, verb.end + 1) : null;
  if (!verb || !np || np.kind === 'pronoun' || np.end !== trimmedEnd(text, floor, end)) return null;
  return {
    frame: 'colon',
    np,
    role: null,
    cue: verb.bare,
    cueStart: floor,
    cueEnd: np.end,
    complement: null,
    spans: [],
  };
}

/** Nouns for what someone said, which introduce their words after a colon: "Her verdict: “…”". */
const VERDICT_NOUNS = new Set([
  'verdict',
  'answer',
  'reply',
  'response',
  'advice',
  'message',
  'warning',
  'prediction',
]);

/**
 * `Her verdict: "…"`, `Ortiz's answer: "…"`: a sentence that is only a possessor and a noun for what
 * was said, then a colon, gives the possessor's words.
 */
function verdictAct(text: string, end: number, floor: number): SpeechAct | null {
  // "Roe’s reply was short:": a copula and an adjective may describe the words before they come.
  const phrase =
    /^\s*(?:(?:Her|His|Their)|(\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})['’]s?)\s+(?:\p{Ll}+\s+)?(\p{Ll}+)(?:\s+(?:was|is)\s+\p{Ll}+)?\s*$/u.exec(
      text.slice(floor, end),
    );
  if (!phrase?.[2] || !VERDICT_NOUNS.has(phrase[2])) return null;
  const start = floor + (/^\s*/.exec(text.slice(floor))?.[0].length ?? 0);
  const pronoun = /^(Her|His|Their)\b/.exec(text.slice(start))?.[1];
  const np = pronoun
    ? ({
        kind: 'pronoun',
        start,
        end: start + pronoun.length,
        text: { Her: 'she', His: 'he', Their: 'they' }[pronoun] ?? '',
      } as const)
    : readNounPhrase(text.slice(0, start + (phrase[1]?.length ?? 0)), start);
  if (!np || (np.kind !== 'pronoun' && np.kind !== 'name' && np.kind !== 'org')) return null;
  return makeAct('colon', np, phrase[2], start, end, null);
}

/** "as she tells it, “…”", "as Ortiz puts it, “…”": a parenthetical that hands the words to X. */
// "as one council aide put it": a description of the speaker serves as a name does.
const AS_PUT =
  /\b[Aa]s\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}?(?:\p{Lu}[\p{L}.'’-]*|he|she|they)|(?:one|a|an|another|the)\s+(?:[\p{Ll}'’-]+\s+){0,3}?[\p{Ll}-]+)\s+(?:tells|told|puts|put|says|said|recalls|recalled|describes|described)\s+it\s*$/u;

/** Who may put it so: a person or body by name, a pronoun, or a description of one. */
const AS_PUT_KINDS = new Set(['pronoun', 'name', 'org', 'role', 'owned', 'group']);

function asPutAct(text: string, end: number, floor: number): SpeechAct | null {
  const m = AS_PUT.exec(text.slice(floor, end));
  if (!m?.[1]) return null;
  const start = floor + m.index + m[0].indexOf(m[1]);
  const np = readNounPhrase(text.slice(0, start + m[1].length), start);
  return np && AS_PUT_KINDS.has(np.kind) && np.end === start + m[1].length
    ? makeAct('colon', np, 'as … puts it', start, end, null)
    : null;
}

/**
 * "The cover carries a blurb from the novelist Hal Brennerman: “…”", "a statement from the union: “…”":
 * a thing said to come from someone, right before the colon, introduces what came from them.
 */
const FROM_SOURCE = /\b(?:a|an|the|this)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}+)\s+from\s+(?=\S)/gu;

function fromSourceAct(text: string, end: number, floor: number): SpeechAct | null {
  const last = trimmedEnd(text, floor, end);
  const match = [...text.slice(floor, last).matchAll(FROM_SOURCE)].pop();
  if (match?.index === undefined || !match[1]) return null;
  const np = readNounPhrase(text.slice(0, last), floor + match.index + match[0].length);
  if (!np || np.end !== last || !['name', 'role', 'org', 'list'].includes(np.kind)) return null;
  return makeAct('colon', np, match[1], floor + match.index, end, null);
}

/**
 * "Roe put it bluntly: “…”", "as she puts it this way:": "put it" with a manner after it is a verb of
 * speech of its own in English (how someone worded what follows), not the verb "put" with an object.
 */
const PUT_IT = /\b(?:put|puts)\s+it(?:\s+(?:\p{Ll}+ly|this\s+way|another\s+way|simply|best|plainly))?\s*$/u;

function putItAct(text: string, masked: string, end: number, floor: number): SpeechAct | null {
  const match = PUT_IT.exec(masked.slice(floor, end));
  if (!match) return null;
  const subject = readSubjectBefore(text, masked, floor + match.index, floor);
  if (!subject || !('np' in subject)) return null;
  return makeAct('colon', subject.np, 'put it', subject.np.start, end, null, subject.role);
}

function readVerbCapitalised(text: string, pos: number) {
  const word = readWord(text, pos);
  return word && COMMA_VERBS.has(word.bare) && text[word.end] === ' ' ? word : null;
}

function trimmedEnd(text: string, from: number, end: number): number {
  while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/**
 * "Pruitt posted a photo of his deputies on X, with the caption: "…"": words a post or a message carries
 * are its poster's, however long the description of what was posted.
 */
const WITH_TEXT =
  /\b(posted|shared|published|uploaded|tweeted|sent)\b[^:\u2591]{0,120}?,?\s+with\s+(?:the|a|an)\s+(?:caption|message|note|words|text|line)\s*$/i;

function withTextAct(text: string, masked: string, end: number, floor: number): SpeechAct | null {
  const match = WITH_TEXT.exec(masked.slice(floor, end));
  if (!match?.[1]) return null;
  const subject = readSubjectBefore(text, masked, floor + match.index, floor);
  if (!subject || !('np' in subject)) return null;
  return {
    frame: 'colon',
    np: subject.np,
    role: subject.role,
    cue: match[1].toLowerCase(),
    cueStart: subject.np.start,
    cueEnd: end,
    complement: null,
    spans: [],
  };
}

/** Public notices, which speak for whoever issues them, besides the statement nouns. */
const NOTICE_NOUNS = ['alert', 'notice', 'bulletin', 'advisory', 'order'];

/**
 * "An emergency alert sent to phones by the Office of Emergency Services read: "…"": a document the
 * sentence's subject names, made by someone (sent, issued, posted, written … by X), speaks in its
 * author's words — the author's noun phrase runs up to the verb.
 */
const DOCUMENT_BY = new RegExp(
  String.raw`\b(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:${[...STATEMENT_NOUNS, ...NOTICE_NOUNS].join('|')})\s+(?:[^,;:\u2591]{0,40}?\s)?(?:${[...DOCUMENT_MAKING].join('|')})\s+(?:[^,;:\u2591]{0,30}?\s)?by\s+$`,
  'iu',
);

function documentByAuthor(
  text: string,
  masked: string,
  verbStart: number,
  floor: number,
): { np: NounPhrase; role: string | null } | null {
  const head = masked.slice(floor, verbStart).trimEnd();
  for (const m of head.matchAll(/\bby\s+/g)) {
    const at = floor + (m.index ?? 0) + m[0].length;
    if (!DOCUMENT_BY.test(masked.slice(floor, at))) continue;
    const np = readNounPhrase(text, at);
    if (np && (np.kind === 'org' || np.kind === 'name') && np.end === floor + head.length)
      return { np, role: null };
  }
  return null;
}

function colonOrCommaAct(
  text: string,
  masked: string,
  end: number,
  floor: number,
  colon: boolean,
): SpeechAct | null {
  const before = masked.slice(floor, end);
  const introducer = colon ? STATEMENT_INTRODUCER.exec(before) : null;
  if (introducer?.[1]) {
    const verbStart = floor + introducer.index;
    const subject = readSubjectBefore(text, masked, verbStart, floor);
    if (subject && 'np' in subject) {
      return {
        frame: 'colon',
        np: subject.np,
        role: subject.role,
        cue: 'statement',
        cueStart: subject.np.start,
        cueEnd: end,
        complement: null,
        spans: [],
      };
    }
  }
  const posted = colon ? withTextAct(text, masked, end, floor) : null;
  if (posted) return posted;
  const inverted = colon ? invertedColonAct(text, end, floor) : null;
  if (inverted) return inverted;
  const verdict = colon ? verdictAct(text, end, floor) : null;
  if (verdict) return verdict;
  const worded = colon ? putItAct(text, masked, end, floor) : null;
  if (worded) return worded;
  const sourced = colon ? fromSourceAct(text, end, floor) : null;
  if (sourced) return sourced;
  const asPut = colon ? null : asPutAct(text, end, floor);
  if (asPut) return asPut;
  const words = readWords(masked, floor, end);
  const maxAdjunct = colon ? MAX_WORDS_VERB_TO_COLON : MAX_WORDS_VERB_TO_COMMA;
  for (let k = words.length - 1; k >= 0 && words.length - 1 - k <= maxAdjunct; k--) {
    const word = words[k];
    if (!word || word.capital || !(colon ? COLON_VERBS : COMMA_VERBS).has(word.bare)) continue;
    const found = readSubjectBefore(text, masked, word.start, floor);
    const subject = found && 'np' in found ? found : documentByAuthor(text, masked, word.start, floor);
    if (!subject) continue;
    return {
      frame: 'colon',
      np: subject.np,
      role: subject.role,
      cue: word.bare,
      cueStart: subject.np.start,
      cueEnd: word.end,
      complement: null,
      spans: [],
    };
  }
  return null;
}

/** Sieve 2: `Okafor added: "…"`, `Meyer said, "…"` right before quote `index`. */
export function findColonAct(
  text: string,
  masked: string,
  spans: readonly QuoteSpan[],
  index: number,
  floor: number,
): SpeechAct | null {
  const span = spans[index];
  if (!span || span.open < 0) return null;
  const before = /([:,])\s*$/.exec(masked.slice(floor, span.open));
  if (!before?.[1]) return null;
  const end = span.open - before[0].length;
  const act = colonOrCommaAct(text, masked, end, floor, before[1] === ':');
  if (act) act.spans.push(index);
  return act;
}

/** A paragraph ending in "…, today issued the following statement:" introduces the next paragraph(s). */
export function findIntroducerAct(text: string, masked: string, floor: number): SpeechAct | null {
  const end = text.trimEnd().length;
  if (masked[end - 1] !== ':') return null;
  const act = colonOrCommaAct(text, masked, end - 1, floor, true);
  if (act) act.frame = 'introducer';
  return act;
}

/**
 * `she said “the smell of the machine,” according to the Register`: a verb of speech with its subject
 * right before the quote, no comma between, makes the quote its object — the subject's words, whatever
 * source the sentence names after them (which is then only who reported them).
 */
export function findVerbBeforeAct(
  text: string,
  masked: string,
  spans: readonly QuoteSpan[],
  index: number,
  floor: number,
): SpeechAct | null {
  const span = spans[index];
  if (!span || span.open < 0) return null;
  const verb = readWords(masked, floor, span.open).pop();
  if (
    !verb ||
    verb.capital ||
    !SPEECH_VERBS.has(verb.bare) ||
    masked.slice(verb.end, span.open).trim() !== ''
  )
    return null;
  const subject = readSubjectBefore(text, masked, verb.start, floor);
  if (!subject || !('np' in subject)) return null;
  const act = makeAct('colon', subject.np, verb.bare, subject.np.start, verb.end, null, subject.role);
  act.spans.push(index);
  return act;
}
