// Mid-sentence attribution: "The plan, Pike said, will close the gap." / "The board, said the
// treasurer, will vote in May." / "The deficit, according to Pike, is $4 million." An attribution set
// off by two commas inside a sentence makes the whole sentence the speaker's reported words; the act's
// clause spans the sentence, and attribute-paragraph.ts reports the words on either side of the
// attribution as two parts (like a split quote). A quote inside it is the speaker's too.

import { lexiconTags } from '../text/word-lexicon.js';
import { readAttribution } from './final-act.js';
import { SPEECH_PARTICIPLES, SPEECH_VERBS } from './lexicon.js';
import { isRoleNoun } from './noun-lexicon.js';
import { readWord, readWords } from './read-word.js';
import { attributionTailEnd, makeAct, type Sentence, type SpeechAct, trimClause } from './speech-act.js';

/** Marks (or masked quote text) right before the first comma: the quote's own attribution handles it. */
const AFTER_QUOTE = /["“”„«»」\u2591]\s*$/;

/** Words that open an appositive or relative clause, not the rest of a predicate. */
const AFTERTHOUGHT_STARTS = new Set(['a', 'an', 'the', 'which', 'who', 'whose']);

/**
 * "…, the company said on Monday, weeks before the heating season": a stretch of time before or after
 * an event dates the announcement; it is no part of what was said.
 */
const TIME_AFTERTHOUGHT =
  /^\s*(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|some)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:before|after|ago|earlier|later)\b/i;

/** A coordinating conjunction right before the attribution's comma, opening the sentence or a conjunct. */
const COORDINATOR_BEFORE = /(?:^|[,;\u2014\u2013]\s*|\s)(?:but|and|yet|so|or)\s*$/i;

/** Characters read after an attribution's closing comma to tell a clause from an afterthought. */
const AFTERTHOUGHT_WINDOW = 120;

/** Words before a clause's own verb: a subject noun phrase is short. */
const SUBJECT_WORDS = 5;

/**
 * "Because the grant is uncertain, Okoro said, the authority could not build a budget": a noun phrase
 * after the attribution that goes on to a finite verb of its own (a modal, a copula, an auxiliary or a
 * past tense, as the lexicon tags them) is the reported clause's main clause, not an afterthought
 * like "a move that drew criticism" or "a move she said was unavoidable" (whose verb is a relative
 * clause's) or "the first in years".
 */
function opensClause(text: string, from: number, end: number): boolean {
  // A bounded look ahead: a subject is short, and a long sentence with many commas stays linear.
  const words = text
    .slice(from, Math.min(end, from + AFTERTHOUGHT_WINDOW))
    .split(/[\s,;:]+/)
    .filter(Boolean)
    .slice(0, SUBJECT_WORDS + 1);
  for (const word of words) {
    const bare = word.toLowerCase().replace(/[^\p{L}'’]/gu, '');
    // "a move she said was unavoidable": a relative clause, its pronoun left out, holds the verb.
    if (RELATIVE_STARTS.has(bare) || SPEECH_VERBS.has(bare)) return false;
    const tags = lexiconTags(bare);
    if (/Modal|Copula|Auxiliary|PastTense/.test(tags) || FINITE_AUXILIARIES.has(bare)) return true;
  }
  return false;
}

/**
 * "…, said Paul Lindgren, Northstar’s research director.": words after the attribution with no verb at
 * all, around a noun for a role, are the speaker's appositive, not the second half of a split clause. Any word that may be a finite verb
 * counts as one — a form in -s or -ed as well as what the lexicon tags so ("costs" is also a plural).
 */
function mayHoldVerb(text: string, from: number, end: number): boolean {
  return text
    .slice(from, end)
    .split(/[\s,;:]+/)
    .map((word) => word.toLowerCase().replace(/[^\p{L}'’]/gu, ''))
    .some(
      (word) =>
        word !== '' &&
        !/['’]s$/.test(word) &&
        (/(?:s|ed)$/.test(word) ||
          /Verb|Tense|Modal|Copula|Auxiliary|Infinitive|Gerund|Participle/.test(lexiconTags(word))),
    );
}

/** Whether the words hold a noun for a person's role ("director", "spokeswoman"): an appositive's head. */
function namesRole(text: string, from: number, end: number): boolean {
  return readWords(text, from, end).some((word) => isRoleNoun(word.bare));
}

const RELATIVE_STARTS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where']);
const FINITE_AUXILIARIES = new Set(['has', 'have', 'had', 'does', 'do', 'did']);

/**
 * "Asked after the meeting whether the plan was dead, he said, …", "Reached by phone, she said …": a
 * sentence that opens with a participle opens with an adjunct about the speaker (often the question
 * put to them), not with words of theirs that the attribution interrupts.
 */
function participialOpening(before: string): boolean {
  const first = /^\s*(\p{L}+)/u.exec(before)?.[1]?.toLowerCase() ?? '';
  return (
    SPEECH_VERBS.has(first) ||
    SPEECH_PARTICIPLES.has(first) ||
    (first.length >= 5 && /(?:ed|ing)$/.test(first) && /PastTense|Gerund|Participle/.test(lexiconTags(first)))
  );
}

export function findMiddleAct(text: string, masked: string, s: Sentence): SpeechAct | null {
  const first = masked.indexOf(',', s.contentStart);
  if (first < 0 || first >= s.end || participialOpening(masked.slice(s.contentStart, first))) return null;
  for (let c = first; c >= 0 && c < s.end; c = masked.indexOf(',', c + 1)) {
    const before = masked.slice(s.contentStart, c);
    if (before.trim() === '' || AFTER_QUOTE.test(before)) continue;
    const found = readAttribution(text, c, false);
    if (!found) continue;
    // "…, said Priya Menon, an analyst at Calder, "…"": the appositive belongs to the attribution, so the
    // sentence goes on after the comma that closes it.
    const attributionEnd = Math.max(found.verb.end, (found.appositiveEnd ?? 0) - 1);
    const next = masked.indexOf(',', attributionEnd);
    if (next < 0 || next >= s.end) continue;
    const tail = attributionTailEnd(text, masked, attributionEnd, next, found.verb);
    if (tail === null) continue;
    // "Those differences, she warned, “will swallow …”": the words after the attribution may be quoted.
    const rest = readWord(
      text,
      next + 1 + (/^\s*["“„«「]?\s*/.exec(text.slice(next + 1, next + 6))?.[0].length ?? 0),
    );
    if (!rest) continue;
    // "…, she said, adding that …": the words before the attribution are the reported clause and the
    // participle carries on (paragraph-acts.ts links it to this act). "…, she announced, a move that …":
    // a noun phrase or relative clause after the attribution comments on what was said, so the words
    // before it are the whole reported clause.
    // A participle after the attribution ("…, she said, citing police data") tells how it was said.
    const participle = SPEECH_PARTICIPLES.has(rest.bare) || /\p{L}{3}ing$/u.test(rest.bare);
    const closes =
      participle ||
      (!mayHoldVerb(text, next + 1, s.end) && namesRole(text, next + 1, s.end)) ||
      (AFTERTHOUGHT_STARTS.has(rest.bare) && !opensClause(text, rest.end, s.end)) ||
      TIME_AFTERTHOUGHT.test(text.slice(next + 1, Math.min(s.end, next + 1 + AFTERTHOUGHT_WINDOW)));
    const end = closes ? c : s.end;
    // "…, but, he said, it was the responsible one": after a coordinating conjunction the attribution
    // scopes over the conjunct that follows it; what comes before is the writer's.
    const conjunct = !closes && COORDINATOR_BEFORE.test(before);
    const clause = trimClause(text, conjunct ? next + 1 : s.contentStart, end);
    return makeAct('middle', found.np, found.verb.bare, c + 1, next, clause, found.role);
  }
  return null;
}
