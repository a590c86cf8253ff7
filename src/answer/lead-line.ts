import { isPlantedInstruction } from '../llm/instruction-like.js';
import { SPEECH_VERBS } from '../quotes/lexicon.js';
import { readNameRun } from '../quotes/name-runs.js';
import { isRoleNoun } from '../quotes/noun-lexicon.js';
import type { Quote } from '../quotes/types.js';
import { isHeadlineWord } from '../text/aliases.js';
import { clausesDatedBy, clausesOf } from '../text/clauses.js';
import { findProperNames } from '../text/proper-names.js';
import { sentencesOf } from '../text/sentences.js';
import { contentTerms, words } from '../text/terms.js';
import { type KeyTerm, nameStemsOf, type QuestionAnalysis } from './analyze-question.js';
import { countedOf, countPhrase } from './count-phrase.js';
import { capitalize, credit } from './credit.js';
import { DAY, DEADLINE, EXPRESSIONS } from './expressions.js';
import { partialDate, resolveRelativeDate, spokenDate } from './relative-date.js';
import type { Passage } from './types.js';

/**
 * The first line of an extractive answer: the answer to the kind of question asked, taken verbatim
 * from the first cited passage — the person for "who", the speaker for "who said", the amount for "how
 * many", the date for "when", yes or no when the passage settles it — or null when the passage gives no
 * such thing plainly (the evidence lines then speak for themselves). Never invented: every word shown
 * after the label is the document's.
 */
export function leadLine(analysis: QuestionAnalysis, passage: Passage, quote: Quote | null): string | null {
  const sentence = answeringSentence(analysis, passage, quote);
  switch (analysis.kind) {
    case 'who-said':
      return quote?.speaker ? `${capitalize(credit(quote)).replace(/,$/, '')}. [1]` : null;
    case 'who': {
      // "Who is Dan Meyer?" asks what he is; another name is no answer to it.
      const name = askedName(analysis);
      if (name) return roleOf(name, passage);
      const addressee = addresseeLine(analysis, passage);
      if (addressee) return addressee;
      // Names are the answer only from a sentence about what is asked: "Who paid for the terminals?"
      // is not answered by the senators a sentence about a letter lists.
      if (conceptShare(analysis, sentence) < WHO_CONCEPT_SHARE) return null;
      return namesLine(analysis, sentence, conceptStems(analysis), 'people');
    }
    case 'how-many':
      return quantityLine(analysis, sentence);
    case 'when':
      return whenLine(analysis, sentence, passage, /^\s*(?:since\s+when|how\s+long)\b/i.test(analysis.text));
    case 'yes-no': {
      // The sentence that settles it may not be the one sharing most words with the question: any
      // sentence of the passage holding all it asks settles it, the chosen one first.
      const first = yesNoLine(analysis, sentence, passage);
      if (!first.startsWith(UNSETTLED_LINE)) return first;
      for (const other of sentencesOf(passage.text)) {
        if (other === sentence || isPlantedInstruction(other)) continue;
        const line = yesNoLine(analysis, other, passage);
        if (!line.startsWith(UNSETTLED_LINE)) return line;
      }
      return first;
    }
    default: {
      // "Which outlet did Nelson talk to?", "which senators signed…": a name answers, as for "who";
      // the noun asked with is the name's own word when the text gives it one ("Attorney General …").
      const noun = analysis.namedBy;
      const addressee = noun ? addresseeLine(analysis, passage) : null;
      if (addressee) return addressee;
      if (!noun || conceptShare(analysis, sentence, noun) < WHO_CONCEPT_SHARE) return null;
      const preferred = new Set([noun.stem, ...noun.equivalentStems]);
      return namesLine(analysis, sentence, preferred, isRoleNoun(noun.word) ? 'persons' : 'any');
    }
  }
}

/**
 * The names of the sentence the question does not give, those holding one of `preferred` (the title
 * or noun asked about: "NASA Administrator Bill Nelson" for "who is the NASA administrator") first
 * and alone when there are such. `people` keeps people and organisations the lexicon knows; `any`
 * also names it cannot place ("Semafor"), of a name's length.
 */
function namesLine(
  analysis: QuestionAnalysis,
  sentence: string,
  preferred: ReadonlySet<string>,
  kinds: 'people' | 'any' | 'persons',
): string | null {
  const names = kinds === 'persons' ? newPeople(analysis, sentence) : newNames(analysis, sentence, kinds);
  const titled = names.filter((found) => contentTerms(found).some((stem) => preferred.has(stem)));
  // Whom someone told or wrote to stands right after the verb: "Nelson told Semafor Friday …".
  const addressed = analysis.asksAddressee ? names.filter((found) => addressedIn(sentence, found)) : [];
  const shown = addressed.length > 0 ? addressed : titled.length > 0 ? titled : names;
  return shown.length > 0 ? `${shown.join(', ')}. [1]` : null;
}

/** The passage's sentence that holds the chosen quote, or else shares most of the question's words. */
function answeringSentence(analysis: QuestionAnalysis, passage: Passage, quote: Quote | null): string {
  const sentences = sentencesOf(passage.text).filter((sentence) => !isPlantedInstruction(sentence));
  const terms = new Set(
    analysis.keyTerms.flatMap((term) => [term.stem, ...term.equivalentStems, ...term.synonymStems]),
  );
  const score = (sentence: string) => contentTerms(sentence).filter((term) => terms.has(term)).length;
  const ranked = [...sentences].sort((a, b) => score(b) - score(a));
  const holding =
    quote && analysis.kind === 'who-said' ? sentences.find((s) => s.includes(quote.text)) : undefined;
  return holding ?? ranked[0] ?? '';
}

/**
 * "Who is Dan Meyer?", "who's bill nelson": a copula and a name asks what the person is. With a
 * determiner ("Who is the NASA administrator?") the copula asks for the name of whoever fits the
 * description instead — English marks a description, not a name, with the article.
 */
function askedName(analysis: QuestionAnalysis): string | null {
  const subject = /^\s*(?:who|whom)(?:'s|\s+(?:is|was|are|were))\s+(.+?)[?.!\s]*$/i.exec(analysis.text)?.[1];
  if (!subject || /^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your)\b/i.test(subject))
    return null;
  const qualifiers = new Set(analysis.keyTerms.filter((term) => term.qualifier).map((term) => term.stem));
  const name = contentTerms(subject).filter((stem) => !qualifiers.has(stem));
  return name.length > 0 && name.length <= MAX_NAME_WORDS ? name.join(' ') : null;
}

/** Words of a name asked about ("Walter Isaacson"): more is a clause, not a name. */
const MAX_NAME_WORDS = 4;

/** The role the passage gives the person it quotes ("Dan Meyer: national security attorney."). */
function roleOf(name: string, passage: Passage): string | null {
  const asked = name.split(' ');
  const quote = passage.quotes.find((candidate) => {
    if (!candidate.speaker || !candidate.role) return false;
    const speaker = new Set(contentTerms(candidate.speaker));
    return asked.every((stem) => speaker.has(stem));
  });
  return quote?.speaker && quote.role ? `${quote.speaker}: ${quote.role}. [1]` : null;
}

/** All of what the question asks beyond its names: only then is the sentence about the same act. */
const WHO_CONCEPT_SHARE = 1;

/** Share of the question's words beyond its names (and qualifiers) that the sentence holds. */
function conceptShare(analysis: QuestionAnalysis, sentence: string, except?: KeyTerm): number {
  const present = new Set(contentTerms(sentence));
  const nameStems = nameStemsOf(analysis);
  const concepts = analysis.keyTerms.filter(
    (term) => !nameStems.has(term.stem) && !term.qualifier && term !== except,
  );
  if (concepts.length === 0) return 1;
  const held = concepts.filter((term) =>
    [term.stem, ...term.equivalentStems, ...term.synonymStems, ...term.relatedStems].some((stem) =>
      present.has(stem),
    ),
  );
  return held.length / concepts.length;
}

/**
 * "Who did Isaacson talk to?": whom the passage's quote of the person asked about was said to, as
 * attribution read it ("he told the paper" → The New York Times, named before).
 */
function addresseeLine(analysis: QuestionAnalysis, passage: Passage): string | null {
  if (!analysis.asksAddressee) return null;
  const asked = new Set(analysis.entities.map((entity) => contentTerms(entity.name).at(-1) ?? ''));
  const quote = passage.quotes.find(
    (candidate) => candidate.saidTo && asked.has(contentTerms(candidate.speaker ?? '').at(-1) ?? ''),
  );
  return quote?.saidTo ? `${quote.saidTo}. [1]` : null;
}

/** Whether the text holds a verb of speech ("acknowledged", "said"): it reports someone's words. */
export function reportsSpeech(text: string): boolean {
  return words(text).some((word) => SPEECH_VERBS.has(word));
}

/** "told Semafor", "wrote to Secretary Austin", "spoke with Axios": the name follows the telling. */
function addressedIn(sentence: string, name: string): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  return /\b(?:told|tells|tell|telling|wrote\s+to|writes\s+to|written\s+to|spoke\s+(?:to|with)|talked\s+(?:to|with)|said\s+to|(?:sent|sends)\s+(?:\p{L}+\s+){1,3}to)\s+(?:the\s+)?$/iu.test(
    sentence.slice(Math.max(0, at - 40), at),
  );
}

/** The stems of the question's words beyond its names. */
function conceptStems(analysis: QuestionAnalysis): Set<string> {
  const nameStems = nameStemsOf(analysis);
  return new Set(analysis.keyTerms.map((term) => term.stem).filter((stem) => !nameStems.has(stem)));
}

/** Names in the sentence that the question does not already name: who it asks about. */
export function newNames(analysis: QuestionAnalysis, sentence: string, kinds: 'people' | 'any'): string[] {
  const asked = new Set(contentTerms([analysis.text, analysis.searchText].join(' ')));
  // "NASA Administrator Bill Nelson" is the question's own Bill Nelson, with his title.
  const people = analysis.entities
    .filter((entity) => entity.kind === 'person')
    .map((entity) => contentTerms(entity.name));
  // "Who did Isaacson talk to?": "Walter Isaacson" is the question's Isaacson, named in full — a
  // person goes by their surname, the last word of the name.
  const surnames = new Set(analysis.entities.map((entity) => contentTerms(entity.name).at(-1) ?? ''));
  const own = (name: string) => {
    const stems = contentTerms(name);
    const found = new Set(stems);
    return (
      people.some((person) => person.every((stem) => found.has(stem))) ||
      (stems.length > 1 && surnames.has(stems.at(-1) ?? ''))
    );
  };
  return (
    findProperNames(sentence)
      .map((name) => ({ ...name, name: withoutHeadlineWords(name.name) }))
      .filter((name) => name.name !== '' && !own(name.name))
      // People and organisations only: a capitalised headline run is no one's name.
      .filter(
        (name) => name.kind !== 'other' || (kinds === 'any' && name.name.split(' ').length <= MAX_NAME_WORDS),
      )
      .filter((name) => !contentTerms(name.name).every((stem) => asked.has(stem)))
      .map((name) => name.name)
  );
}

/**
 * The new names of a sentence that are people's ("which reporter", "which official" ask for one): the
 * names `newNames` keeps as people's or organisations', less the organisations.
 */
export function newPeople(analysis: QuestionAnalysis, sentence: string): string[] {
  return newNames(analysis, sentence, 'any').filter((name) => {
    // Read as the quote extractor reads a name: a title or a given name makes a person, and a run of
    // two or more plain name words may be one; an organisation's or an outlet's words never are.
    const run = readNameRun(name, 0, true);
    return run?.kind === 'person' || (run?.kind === 'unknown' && run.nameWords.length >= 2);
  });
}

/**
 * "Secretary Austin Requesting Information" in a headline: title case runs a name into the verbs and
 * words around it; the name is the part before the first of them (the lexicon says which they are).
 */
function withoutHeadlineWords(name: string): string {
  const words = name.split(/\s+/);
  let start = 0;
  while (start < words.length && isHeadlineWord(words[start] ?? '')) start++;
  const end = words.findIndex((word, i) => i > start && isHeadlineWord(word));
  return words.slice(start, end < 0 ? undefined : end).join(' ');
}

/**
 * "How many senators…": the phrase that counts what is asked for ("five senators"), not the first
 * number in the sentence ("two years"); "how much" and "how long": the first amount or duration, read
 * on to the end of its phrase. Null when the sentence has none: no number beats a wrong one.
 */
function quantityLine(analysis: QuestionAnalysis, sentence: string): string | null {
  const { expects } = analysis;
  if (expects === 'amount' || expects === 'duration') {
    const at = EXPRESSIONS[expects].exec(sentence)?.index;
    if (at === undefined) return null;
    const phrase = /^[^,.;:()\u2013\u2014]+/u.exec(sentence.slice(at))?.[0] ?? '';
    const shown = phrase.split(/\s+/).slice(0, MAX_PHRASE_WORDS).join(' ');
    return shown ? `${capitalize(shown.trim())}. [1]` : null;
  }
  const count = countPhrase(sentence, countedOf(analysis));
  return count ? `${capitalize(count)}. [1]` : null;
}

/** An amount's phrase shown as the answer runs to a few words ("billions of dollars in taxpayer funding"). */
const MAX_PHRASE_WORDS = 7;

const TIME_PHRASE =
  /\b(?:(?:since|in|on|by|until|from)\s+)?(?:(?:early|mid|late)\s+)?(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2}(?:,\s*\d{4})?|\s+\d{4})?\b|\b(?:(?:since|in)\s+)?(?:(?:early|mid|late)\s+)?(?:19|20)\d\d\b|\b(?:today|yesterday|this\s+week|last\s+week|(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:month|year)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/iu;

/**
 * The sentence's time, with a relative one ("Today", "on Friday") read against the document's date.
 * "Today" alone answers nothing: when the document's date cannot date it, the next time phrase is
 * tried, and with none the line is left out.
 */
function whenLine(
  analysis: QuestionAnalysis,
  sentence: string,
  passage: Passage,
  asksStart: boolean,
): string | null {
  // "By what date …": only a phrase of limit answers ("by Oct. 6"); the document's date never does.
  if (analysis.timePrecision === 'deadline') {
    const limit = DEADLINE.exec(sentence)?.[0];
    return limit && !/^deadlines?$/i.test(limit) ? `${capitalize(limit.trim())}. [1]` : null;
  }
  // "On what exact day …": a month alone does not answer.
  const dayAsked = analysis.timePrecision === 'day';
  const all = [...sentence.matchAll(new RegExp(TIME_PHRASE.source, 'giu'))];
  const clauses = clausesOf(sentence);
  const terms = new Set(
    analysis.keyTerms.flatMap((term) => [term.stem, ...term.equivalentStems, ...term.synonymStems]),
  );
  const heldIn = (clause: { text: string }) =>
    contentTerms(clause.text).filter((stem) => terms.has(stem)).length;
  const clauseAt = (at: number) => clauses.find((clause) => at >= clause.start && at < clause.end);
  // A time dates the verb of its own clause: in "… wrote to Austin about the incident that Musk
  // restricted Starlink in 2022", 2022 is when Starlink was restricted, not when they wrote. The times
  // of the clause that holds most of what is asked answer; when that clause has none, the act asked
  // about is dated by the document, whose own act it is.
  const best = Math.max(0, ...clauses.map(heldIn));
  const datedBy = (match: RegExpMatchArray) => {
    const at = clauses.findIndex((clause) => clauseAt(match.index ?? 0) === clause);
    return at < 0 ? [] : clausesDatedBy(clauses, at).map((dated) => clauses[dated] ?? { text: '' });
  };
  // "When did Musk say he had a clearance?": the time of the saying answers, whatever clause holds
  // what was said.
  const ofSaying = analysis.asksForWords
    ? all.filter((match) => datedBy(match).some((clause) => reportsSpeech(clause.text)))
    : [];
  const matches =
    ofSaying.length > 0
      ? ofSaying
      : all.filter((match) => datedBy(match).some((clause) => heldIn(clause) === best));
  if (all.length > 0 && matches.length === 0 && best > 0) {
    const day = spokenDate(passage.date) ?? (dayAsked ? null : partialDate(passage.date));
    if (day) return `${day} (the document's date; the times in its text date other events). [1]`;
  }
  // "When did the Journal report it?" asks for a point in time; "since 2022" dates the start of a
  // stretch of time (the answer to "since when"), so a point, when the sentence has one, comes first.
  const ordered = asksStart
    ? matches
    : [...matches.filter((m) => !/^since\b/i.test(m[0])), ...matches.filter((m) => /^since\b/i.test(m[0]))];
  for (const match of ordered) {
    const phrase = capitalize(match[0].trim());
    if (!RELATIVE_TIME.test(phrase)) {
      if (dayAsked && !DAY.test(phrase)) continue;
      return `${phrase}. [1]`;
    }
    const resolved = resolveRelativeDate(phrase, passage.date);
    // "Friday" read as "Friday, October 25, 2024" needs no "Friday —" before it.
    const day = phrase.replace(/^on\s+/i, '').toLowerCase();
    if (resolved)
      return resolved.toLowerCase().startsWith(day) ? `${resolved}. [1]` : `${phrase} — ${resolved}. [1]`;
    const month = dayAsked ? null : partialDate(passage.date);
    if (month) return `${phrase} — ${month} (the document's date, which gives no day). [1]`;
  }
  // A headline tells what the document itself reports, dated by the document ("… Send Letter to
  // Secretary Austin …" happened on the release's date).
  if (all.length === 0 && sentence.trim() === passage.title.trim()) {
    const day = spokenDate(passage.date) ?? (dayAsked ? null : partialDate(passage.date));
    if (day) return `${day} (the document's date; its headline reports this). [1]`;
  }
  return null;
}

const RELATIVE_TIME =
  /^(?:on\s+)?(?:today|yesterday|this\s+week|last\s+week|(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:month|year)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * Exclusivity, not denial: "no other company has" says the one named is the only one, as "only"
 * does — so both count as the same polarity, neither as a "no".
 */
const EXCLUSIVE = /\b(?:no\s+other|no\s+one\s+else|nobody\s+else|nothing\s+else|none\s+other|only)\b/gi;

/** "Not only … but (also) …" adds to what it states: no denial either. */
const ADDITIVE = /\bnot\s+only\b/gi;

function negated(text: string): boolean {
  return NEGATION.test(text.replace(ADDITIVE, ' ').replace(EXCLUSIVE, ' '));
}

const UNSETTLED_LINE = "The documents don't say directly";

/** Two words in lower case joined by "or" ("before or after", "rise or fall"), not "or not" / "or so". */
const ALTERNATIVES = /\b\p{Ll}+\s+or\s+(?!not\b|so\b)\p{Ll}+\b/u;

/**
 * English marks what is supposed rather than asserted with a conditional clause ("if", "unless") or a
 * hypothetical modal ("would", "could", "might"): such a sentence neither confirms nor denies a fact.
 */
function irrealis(text: string): boolean {
  return /\b(?:if|unless|would|could|might)\b|['’]d\s+(?:be|have)\b/i.test(text);
}

/** "say anything about", "comment on", "mention": a question whether someone spoke of a topic at all. */
const SAID_ANYTHING_ABOUT =
  /\b(?:say|said|says|write|wrote|comment(?:ed)?)\s+(?:anything|something)\s+(?:about|on)\b|\bcomment(?:ed)?\s+on\b|\bmention(?:ed|s)?\b/i;

/** Negation in English: the particles and the verbs that deny or refuse. */
const NEGATION = /\b(?:not|no|never|neither|nor|none|without|n't|declined|denied|refused|rejected)\b|n't\b/i;

/**
 * Yes or no only when the passage's answering sentence holds every word the question asks about
 * beyond its names; its polarity against the question's gives the answer. Otherwise the documents
 * "don't say directly", and the evidence follows.
 */
function yesNoLine(analysis: QuestionAnalysis, sentence: string, passage: Passage): string {
  const speaker = speakerOf(sentence, passage);
  const present = new Set([...contentTerms(sentence), ...(passage.referencedAs ?? [])]);
  const nameStems = nameStemsOf(analysis);
  const concepts = analysis.keyTerms.filter((term) => !nameStems.has(term.stem) && !term.qualifier);
  // "Does Reed's statement mention the Pentagon?" is not settled by a passage about his statement
  // that never names the Pentagon: the names asked about are in the passage too (a sentence's pronoun
  // or "no other company" may stand for them, and its document's headline sets its topic), or are whose
  // words it reports (by name or role).
  const credited = passage.quotes.flatMap((quote) => [
    quote.speaker ?? '',
    quote.role ?? '',
    ...quote.members,
  ]);
  const publisher = passage.publisher ?? '';
  const about = new Set([
    ...contentTerms([passage.text, passage.title, publisher, ...credited].join(' ')),
    ...present,
  ]);
  const named = analysis.keyTerms.filter((term) => nameStems.has(term.stem));
  const holds = (term: KeyTerm, within: ReadonlySet<string>) =>
    [term.stem, ...term.equivalentStems, ...term.synonymStems].some((stem) => within.has(stem));
  // "Did the Pentagon respond?": when the verb is all the question asks beyond its names, the verb
  // itself must be in the sentence (key terms leave such light or speech verbs out).
  const verbs = concepts.length > 0 ? [] : contentTerms(analysis.text).filter((stem) => !nameStems.has(stem));
  // "Did the senators' letter ask whether …" against "The letter also asks whether …" in the senators'
  // release: a word of the document's headline (its authors, what it is) is the topic of every one of
  // its paragraphs, as a name there is — so long as the sentence itself holds the rest of what is asked.
  const headline = new Set(contentTerms([passage.title, publisher].join(' ')));
  const inSentence = concepts.filter((term) => holds(term, present));
  const covered =
    concepts.every(
      (term) => holds(term, present) || (holds(term, headline) && inSentence.length * 2 >= concepts.length),
    ) &&
    named.every((term) => holds(term, about)) &&
    verbs.every((stem) => present.has(stem));
  // "Did Reed speak before or after the reports?" offers alternatives: "yes" or "no" answers neither.
  if (ALTERNATIVES.test(analysis.text)) return `${UNSETTLED_LINE}; here is what they say:`;
  // "If Musk has become a concern, NASA will have to isolate …" states what would follow, not what
  // happened: a conditional or hypothetical sentence settles only a question asked the same way.
  // "Did Nelson say anything about the reports?" asks whether he spoke of them: what he said may be
  // a supposition ("if the reports are true, …") and still be said.
  const source = speaker ? `${speaker} [1]` : '[1]';
  // "Is Meyer a lawyer?" against "Dan Meyer, a national security attorney, told Axios that … would
  // … if …": an appositive states what the person is whatever the mood of the clause around it.
  // The apposition is the writer's words, not the quoted speaker's.
  if (covered && !negated(analysis.text) && appositiveSettles(analysis, sentence, holds))
    return 'Yes, according to [1]:';
  const supposed = !SAID_ANYTHING_ABOUT.test(analysis.text) && irrealis(sentence) !== irrealis(analysis.text);
  const same = negated(sentence) === negated(analysis.text);
  // "Was the restriction in northern Ukraine?" against "… restricted … in southern Ukraine": where the
  // sentence holds all the question asks but puts the opposite word (a WordNet antonym) in place of a
  // word asked about, it says the contrary — no. Only with the same polarity: "not southern" is no
  // statement of "northern".
  const missed = concepts.filter((term) => !holds(term, present));
  const contrary =
    !covered &&
    missed.length > 0 &&
    missed.length < concepts.length &&
    missed.every((term) => term.antonymStems.some((antonym) => present.has(antonym))) &&
    named.every((term) => holds(term, about)) &&
    verbs.every((stem) => present.has(stem));
  if (contrary && same && !supposed) return `No, according to ${source}:`;
  if (!covered || concepts.length + verbs.length === 0 || supposed)
    return `${UNSETTLED_LINE}; here is what they say:`;
  // "… would only have violated his clearance if he failed to report them": in English "only if" (or
  // "only when") makes its clause a necessary condition of what the sentence states. Asked without that
  // condition, the answer is neither yes nor no but the condition itself, in the sentence's words.
  const condition = !/\b(?:if|when|unless)\b/i.test(analysis.text) ? onlyIf(sentence) : null;
  if (condition && same) return `Only ${condition}, according to ${source}:`;
  // "… regarding reports that Elon Musk restricted the use of Starlink …": what a content clause of
  // "reports", "claims" or "allegations" holds is relayed, not asserted — the answer says so.
  const relayed = REPORTED_CLAUSE.exec(sentence);
  if (same && relayed && !ASKS_ABOUT_REPORTS.test(analysis.text)) {
    const inside = new Set(contentTerms(sentence.slice(relayed.index + relayed[0].length)));
    if (concepts.every((term) => holds(term, inside))) return `Reportedly, according to ${source}:`;
  }
  return same ? `Yes, according to ${source}:` : `No, according to ${source}:`;
}

/**
 * A noun of hearsay and its content clause ("reports that", "the reported incident that"), or
 * "reportedly".
 */
const REPORTED_CLAUSE =
  /\b(?:(?:reports?|allegations?|claims?|rumou?rs?|accounts?)\s+that|(?:reported|alleged|purported)\s+(?:\p{L}+\s+){1,2}?that|reportedly|allegedly|purportedly)\b/iu;
/** A question about the reports themselves ("was it reported that …") is answered by their existence. */
const ASKS_ABOUT_REPORTS = /\b(?:report|alleg|claim|rumou?r|purport)\w*/i;

/** "Is Meyer a lawyer?": the subject, then the noun phrase asked to describe it. */
const IS_A =
  /^\s*(?:is|was)\s+(\p{L}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,2}?)\s+(?:a|an)\s+([\p{L}\s'’-]+?)\s*\??\s*$/iu;

/**
 * Whether the sentence puts the asked noun in apposition to the asked person ("Dan Meyer, a national
 * security attorney,"): the subject's last word, a comma, an article and the noun phrase.
 */
function appositiveSettles(
  analysis: QuestionAnalysis,
  sentence: string,
  holds: (term: KeyTerm, within: ReadonlySet<string>) => boolean,
): boolean {
  const [, subject, predicate] = IS_A.exec(analysis.text) ?? [];
  const last = subject?.split(/\s+/).at(-1);
  const head = predicate ? contentTerms(predicate).at(-1) : undefined;
  const term = analysis.keyTerms.find((candidate) => candidate.stem === head);
  if (!last || !term) return false;
  const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const appositive = new RegExp(String.raw`\b${escaped},\s+(?:a|an)\s+([^,;:—–]+)`, 'iu').exec(sentence)?.[1];
  return appositive !== undefined && holds(term, new Set(contentTerms(appositive)));
}

/**
 * The condition an "only … if/when" sentence puts on what it states ("if he failed to properly report
 * them to the government"), to the clause's end (a dash, semicolon, comma or the sentence's end); null
 * when it has none.
 */
function onlyIf(sentence: string): string | null {
  // "Only" as a focus adverb on the clause: not "not only … but" (an addition) nor "the only candidate"
  // (an adjective), and no clause boundary between it and "if".
  const match =
    /(?<!\b(?:not|the|an?|my|our|your|his|her|its|their)\s+)\bonly\b(?:\s+[\p{L}'’-]+){0,8}?\s+((?:if|when)\s+[^—–;,.!?]+)/iu.exec(
      sentence,
    );
  return match?.[1]?.trim() ?? null;
}

/** Whose words the sentence reports, when one of the passage's quotes lies in it. */
function speakerOf(sentence: string, passage: Passage): string | null {
  const quote = passage.quotes.find(
    (candidate) => candidate.speaker && sentence.includes(candidate.text.slice(0, QUOTE_PROBE)),
  );
  return quote?.speaker ?? null;
}

/** Enough of a quote's opening words to find it in a sentence. */
const QUOTE_PROBE = 40;
