// Where a quote comes from beyond its speaker: who it was said to ("told Axios", "told the paper" → the
// paper named before, "in an interview with X") and when the text says it was said ("said Friday",
// "in a 2023 … interview"). Dates are read only from the attribution — never from the quoted or
// reported words, which talk about their own times ("the line will open in 2030").
import { TELL_VERBS } from './lexicon.js';
import { readNounPhrase } from './noun-phrase.js';
import { isQuestionCue } from './question-acts.js';
import type { Speaker, SpeakerResolver } from './speaker-resolver.js';
import type { Sentence, SpeechAct } from './speech-act.js';
import type { SaidWhen } from './types.js';

/** Who the words were addressed to, when the text names an outlet, an organisation or a person. */
const ADDRESSEE_KINDS = new Set(['publication', 'org', 'person']);
/** "said in an interview with X", "said in a phone interview with X", "speaking to X". */
const INTERVIEW_WITH =
  /^\s*,?\s*(?:in\s+an?\s+(?:[\p{L}-]+\s+){0,2}?interview\s+with|speaking\s+to|in\s+remarks\s+to)\s+/iu;

export function saidToOf(
  text: string,
  act: SpeechAct,
  resolver: SpeakerResolver,
  where: { pos: number; paragraph: number },
): string | null {
  const verb = act.cue.split(/\s/)[0] ?? '';
  // "asked Whitfield whether …": a question is put to the one asked, as a statement is told to someone.
  let at = TELL_VERBS.has(verb) || isQuestionCue(act.cue) ? tellObjectStart(text, act, verb) : -1;
  const interview = INTERVIEW_WITH.exec(text.slice(act.cueEnd, act.cueEnd + 60));
  if (at < 0 && interview) at = act.cueEnd + interview[0].length;
  if (at < 0) return null;
  const np = readNounPhrase(text, at);
  if (!np || np.kind === 'pronoun' || np.kind === 'group') return null;
  const addressee = resolver.resolve(np, where);
  return addressee && ADDRESSEE_KINDS.has(addressee.kind) && !addressee.unnamed ? addressee.name : null;
}

/** `"…," he told the paper`, `…, Meyer told Axios.`: the addressee follows the verb inside the cue. */
function tellObjectStart(text: string, act: SpeechAct, verb: string): number {
  const found = new RegExp(String.raw`\b${verb}\s+`).exec(text.slice(act.cueStart, act.cueEnd + 1));
  if (found) return act.cueStart + found.index + found[0].length;
  return text[act.cueEnd] === ' ' ? act.cueEnd + 1 : -1;
}

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const FULL_DATE = new RegExp(String.raw`\b${MONTH}\s+\d{1,2}(?:,\s+\d{4})?\b`, 'u');
const WEEKDAY = /\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
/**
 * The year of the event in which the words were said: "in a 2023 interview", "in a 2019 letter". The
 * nouns are the kinds of occasion speech is reported from; a bare year elsewhere dates something else.
 */
const OCCASION_YEAR =
  /\b(?:in|during|at)\s+(?:an?|the|his|her|their|its)\s+((?:19|20)\d{2})\s+(?:[\p{L}.'’-]+\s+){0,4}?(?:interview|speech|statement|letter|podcast|post|memo|op-ed|essay|book|testimony|hearing|briefing|remarks|address|press\s+conference|appearance)\b/iu;

/** The attribution's own words: the sentence with quotes and the reported clause blanked. */
function attributionText(masked: string, sentence: Sentence, act: SpeechAct): string {
  const words = masked.slice(sentence.start, sentence.end).split('');
  const c = act.complement;
  if (c)
    for (let i = Math.max(c.start, sentence.start); i < Math.min(c.end, sentence.end); i++)
      words[i - sentence.start] = '\u2591';
  return words.join('');
}

/** When the text says the words were said: in the attribution, or an occasion the previous sentence gives. */
export function saidWhenOf(
  masked: string,
  sentences: readonly Sentence[],
  act: SpeechAct,
  previousSubject: (sentence: Sentence) => Speaker | null,
  speaker: Speaker | null,
): SaidWhen | null {
  const index = sentences.findIndex((s) => act.cueStart >= s.start && act.cueStart < s.end);
  const sentence = sentences[index];
  if (!sentence) return null;
  const own = attributionText(masked, sentence, act);
  const found = OCCASION_YEAR.exec(own)?.[1] ?? FULL_DATE.exec(own)?.[0] ?? WEEKDAY.exec(own)?.[1] ?? null;
  if (found) return { text: found, source: 'text' };
  // "Isaacson … in a 2023 New York Times interview. "…," he told the paper": the occasion is named in
  // the sentence before, about the same speaker.
  const before = sentences[index - 1];
  if (!before || !speaker || previousSubject(before)?.name !== speaker.name) return null;
  const previous = masked.slice(before.start, before.end);
  const occasion = OCCASION_YEAR.exec(previous)?.[1] ?? FULL_DATE.exec(previous)?.[0] ?? null;
  return occasion ? { text: occasion, source: 'text' } : null;
}
