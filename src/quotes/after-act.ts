// Sieve 1: the attribution right after a quote. `"…," Meyer said` / `"…," said Commissioner Alan
// Whitfield` / `"…," according to a statement from the tribe`, and split quotes `"…," he told the
// paper, "…"` whose second half belongs to the same speaker.
import { readAppositive } from './appositive.js';
import { SPEECH_PARTICIPLES, SPEECH_VERBS, TELL_VERBS } from './lexicon.js';
import { STATEMENT_NOUNS } from './noun-lexicon.js';
import { readNounPhrase } from './noun-phrase.js';
import { DIALOGUE_DASH, type QuoteSpan, spanStart, withoutInnerClose } from './quote-marks.js';
import {
  makeAct,
  readObject,
  readSpeechVerb,
  type SpeechAct,
  skipAdverbs,
  writtenSpeaker,
} from './speech-act.js';

function tellObjectEnd(text: string, verbBare: string, end: number): number {
  if (!TELL_VERBS.has(verbBare)) return end;
  return readObject(text, end) ?? end;
}

/** Sieve 1: the attribution right after quote `index`. */
/** ", who faces re-election, ": a relative clause of a few words, without quotes, closed by its comma. */
const RELATIVE_AFTER_NAME = /^,\s+(?:who|whose)\s+[^,;:"“”«»\u2014\u2013]{1,80},\s+/u;

export function findAfterAct(text: string, spans: readonly QuoteSpan[], index: number): SpeechAct | null {
  const span = spans[index];
  if (!span || span.close < 0) return null;
  const next = spans[index + 1];
  const limit = next ? spanStart(next) : text.length;
  const from = span.close + 1;
  // "“…” — says Ruben Castellanos, who owns the hardware store — “…”": magazines set the attribution
  // between dashes, which close the quote as a comma would.
  const lead = /^\s*(?:,|[\u2014\u2013])?\s*/.exec(text.slice(from, limit))?.[0] ?? '';
  const dashLead = /[\u2014\u2013]/.test(lead);
  const at = from + lead.length;
  const inner = withoutInnerClose(text.slice(span.innerStart, span.innerEnd));
  // Only a quote that ends like an utterance ("…," / "…?") is followed by its attribution.
  // A dialogue dash closing the speech ends it as a comma would ("—No water to give —the minister said").
  const dashClosed =
    text[span.close] === DIALOGUE_DASH && span.open >= 0 && text[span.open] === DIALOGUE_DASH;
  if (!/[,.!?…\u2014\u2013-]$/.test(inner) && !lead.includes(',') && !dashClosed && !dashLead) return null;
  let act: SpeechAct | null = null;
  const np = readNounPhrase(text, at);
  if (np && np.end <= limit) {
    const appositive = readAppositive(text, np.end);
    // "the coach, Tom Brady, said": the name in apposition is closed by a comma before the verb.
    const closing = np.text.includes(',') ? (/^,\s+/.exec(text.slice(appositive.end))?.[0].length ?? 0) : 0;
    // "“…,” Roe, who faces re-election, said": a relative clause set off by commas describes the
    // speaker and stands between the name and the verb, as an appositive does.
    const relative =
      appositive.end === np.end ? (RELATIVE_AFTER_NAME.exec(text.slice(np.end, limit))?.[0].length ?? 0) : 0;
    const verb = readSpeechVerb(text, skipAdverbs(text, appositive.end + closing + relative));
    if (verb && verb.end <= limit) {
      act = {
        frame: 'after',
        np,
        role: appositive.role,
        cue: verb.bare,
        cueStart: at,
        cueEnd: verb.end,
        complement: null,
        spans: [index],
      };
    }
  }
  if (!act) {
    const verb = readSpeechVerb(text, at);
    const subject = verb && text[verb.end] === ' ' ? readNounPhrase(text, verb.end + 1) : null;
    if (verb && subject && subject.end <= limit) {
      const appositive = readAppositive(text, subject.end, true);
      act = {
        frame: 'after',
        np: subject,
        role: appositive.role,
        cue: verb.bare,
        cueStart: at,
        cueEnd: subject.end,
        complement: null,
        spans: [index],
      };
    }
  }
  if (!act) act = accordingAfter(text, at, limit, index);
  if (!act) act = howPutAfter(text, from, limit, index);
  if (!act) act = whoseWordsAfter(text, from, limit, index);
  if (!act) act = presentedAfter(text, from, limit, index);
  if (!act) return null;
  // Split quote: `"No other company," he told the paper, "been able to …"` — the next span is the same speech.
  const afterCue = tellObjectEnd(text, act.cue, act.cueEnd);
  if (next && next.open >= 0 && /^[^.!?"“”]{0,60}?,\s*$/.test(text.slice(afterCue, limit)))
    act.spans.push(index + 1);
  // The dash that closes an attribution set between dashes reopens the same speech.
  else if (
    dashLead &&
    next &&
    next.open >= 0 &&
    /^[^.!?"“”\u2014\u2013]{0,160}?\s[\u2014\u2013]\s*$/.test(text.slice(afterCue, limit))
  )
    act.spans.push(index + 1);
  // A dialogue tag interrupts one speaker's turn: the speech after its closing dash goes on
  // ("—…—said Quilmes, beside the tractors—. The minister has water…").
  else if (dashClosed && next && text[next.open] === DIALOGUE_DASH) act.spans.push(index + 1);
  return act;
}

/** `"…." That is how Ortiz puts it`: the next sentence hands the quote to the one it names. */
const HOW_PUT =
  /^\s*(?:That|This)(?:['’]s|\s+is|\s+was)\s+how\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}?\p{Lu}[\p{L}.'’-]*|he|she|they)\s+(?:puts|put|says|said|tells|told|describes|described)\s+it\b/u;

/**
 * `"…." That was Achterberg's reply`: the next sentence names the quote as someone's utterance — a
 * noun for a statement, or the noun of a speech verb ("reply", "answer", "warning").
 */
const WHOSE_WORDS =
  /^\s*(?:That|This)(?:['’]s|\s+is|\s+was)\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}?\p{Lu}[\p{L}.-]*?)['’]s?\s+(\p{L}+)(?:\s+(\p{L}+))?/u;

/** "reply" from "replied", "answer" from "answered", "warning" from "warned": a speech verb's noun. */
function isSpeechNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (STATEMENT_NOUNS.has(lower)) return true;
  const forms = [lower, `${lower}ed`, lower.replace(/y$/, 'ied'), lower.replace(/ing$/, 'ed')];
  return forms.some((form) => form !== lower && SPEECH_VERBS.has(form));
}

function whoseWordsAfter(text: string, from: number, limit: number, index: number): SpeechAct | null {
  const m = WHOSE_WORDS.exec(text.slice(from, limit));
  // The noun may follow an adjective: "That was Achterberg's curt reply".
  const noun = [m?.[2], m?.[3]].find((word) => word !== undefined && isSpeechNoun(word));
  if (!m?.[1] || !noun) return null;
  const start = from + m[0].indexOf(m[1]);
  const np = writtenSpeaker(text, start, m[1]);
  if (!np) return null;
  const act = makeAct('after', np, noun.toLowerCase(), start, start + m[1].length, null);
  act.spans.push(index);
  return act;
}

function howPutAfter(text: string, from: number, limit: number, index: number): SpeechAct | null {
  const m = HOW_PUT.exec(text.slice(from, limit));
  if (!m?.[1]) return null;
  const start = from + m[0].lastIndexOf(m[1], m[0].length - m[1].length);
  const np = writtenSpeaker(text, start, m[1]);
  if (!np) return null;
  const act = makeAct('after', np, 'how … puts it', start, from + m[0].length, null);
  act.spans.push(index);
  return act;
}

/** `"…," according to a statement from the tribe.` */
function accordingAfter(text: string, at: number, limit: number, index: number): SpeechAct | null {
  const according = /^according to\s+/i.exec(text.slice(at, limit));
  const np = according ? readNounPhrase(text, at + according[0].length) : null;
  if (!np || np.kind === 'pronoun' || np.end > limit || (np.kind === 'owned' && !np.owner)) return null;
  return {
    frame: 'after',
    np,
    role: null,
    cue: 'according to',
    cueStart: at,
    cueEnd: np.end,
    complement: null,
    spans: [index],
  };
}

/**
 * `"…." That was Lena Marsh, the town clerk, recalling the winter of 2019`: the next sentence presents
 * the one who spoke, doing it — a name (and its appositive) before a participle of a speech verb.
 */
const PRESENTED = /^\s*(?:That|This)(?:['’]s|\s+is|\s+was)\s+/u;

/** "recalling", "explaining", "admitting": the participle of a verb of speech ("recalled", …). */
function isSpeechParticiple(word: string): boolean {
  if (SPEECH_PARTICIPLES.has(word)) return true;
  const stem = word.replace(/ing$/, '');
  return stem !== word && [`${stem}ed`, `${stem}d`, `${stem}ied`].some((form) => SPEECH_VERBS.has(form));
}

function presentedAfter(text: string, from: number, limit: number, index: number): SpeechAct | null {
  const m = PRESENTED.exec(text.slice(from, limit));
  if (!m) return null;
  const np = readNounPhrase(text, from + m[0].length);
  if (np?.kind !== 'name' || np.end > limit) return null;
  const appositive = readAppositive(text, np.end);
  const participle = /^,?\s+(\p{Ll}+ing)\b/u.exec(text.slice(appositive.end, limit));
  if (!participle?.[1] || !isSpeechParticiple(participle[1])) return null;
  const act = makeAct('after', np, participle[1], np.start, np.end, null, appositive.role);
  act.spans.push(index);
  return act;
}
