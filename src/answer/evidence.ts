import { findSpeakersInText } from '../quotes/find-speakers-in-text.js';
import { SPEECH_VERBS, TELL_VERBS } from '../quotes/lexicon.js';
import { matchSpeaker } from '../quotes/match-speaker.js';
import { readNameRun } from '../quotes/name-runs.js';
import { isRoleNoun } from '../quotes/noun-lexicon.js';
import { datelineSkip } from '../quotes/paragraph-layout.js';
import { expandBlend } from '../text/blends.js';
import { clausesDatedBy, clausesOf } from '../text/clauses.js';
import { irregularBase } from '../text/irregular-verbs.js';
import { NAME_JOINERS } from '../text/proper-names.js';
import { sentencesOf } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import { stateNames } from '../text/us-states.js';
import { isClauseWord, isCommonWord } from '../text/word-lexicon.js';
import type { Wordnet } from '../text/wordnet.js';
import { type ExpectedKind, type KeyTerm, nameStemsOf, type QuestionAnalysis } from './analyze-question.js';
import { corpusNameRuns } from './corpus-names.js';
import { type Counted, countedOf, countPhrase } from './count-phrase.js';
import { DAY, DAY_OR_TODAY, DEADLINE, EXPRESSIONS } from './expressions.js';
import { newNames, newPeople, reportsSpeech } from './lead-line.js';
import type { SearchContext } from './search-context.js';
import { speakerByDescription } from './speaker-descriptions.js';
import { isEmptyFilter, quoteMatches, type SpeakerFilter } from './speaker-filter.js';
import type { Passage } from './types.js';

/** Only the passages a reader sees first count as support. */
const SUPPORT_DEPTH = 3;

/**
 * What the retrieved passages say about whether the question can be answered: a handful of general
 * features, each in [0, 1], weighed by the answerability model (answerability.ts). None of them is a
 * veto on its own: a score alone cannot tell an unanswerable question from an answerable one, so the
 * decision combines coverage of what is asked with whether the kind of thing asked for is there.
 */
export interface Evidence {
  /** Best share of the question's key terms (IDF-weighted, unknown words discounted) a top passage covers. */
  coverage: number;
  /** Best share of the question's words other than its names that a top passage covers. */
  conceptCoverage: number;
  /** Share of the key terms the corpus never uses. */
  unknownTerms: number;
  /** Share of the question's names (people, organisations) the documents never mention. */
  missingNames: number;
  /** The question asks what someone said whom the documents name but never quote. */
  unquotedSubject: number;
  /** It asks for an amount or a time, and no top passage holds one. */
  missingKind: number;
  /**
   * It asks for an attribute ("the population of …") no top passage mentions, or for a name ("which
   * firm …") no top passage gives.
   */
  missingFocus: number;
  /** The question has no key terms at all. */
  noTerms: number;
  /**
   * It asks what a known speaker said ("What did Nelson say about …") and the passages quoting that
   * speaker cover less of the rest of the question than the best passage does: the difference of the
   * two shares. A near miss names a real speaker but asks about something others spoke of; a question
   * in words no passage uses is no more off the speaker's topic than anyone's. 0 when the question
   * asks no one's words.
   */
  speakerOffTopic: number;
}

export type Feature = keyof Evidence;

export interface AnswerabilityModel {
  /** Logistic regression: P(answerable) = σ(bias + Σ weight·feature). */
  bias: number;
  weights: Record<Feature, number>;
  /** Answer when P(answerable) reaches it. */
  threshold: number;
  /** Provenance, written by scripts/train-answerability.ts. */
  trainedOn: string;
}

export interface EvidenceDetail {
  evidence: Evidence;
  /** A person or organisation the question names that the documents never mention. */
  absentPerson: string | null;
  /** Names behind `missingNames` and `unquotedSubject`, for the reason shown to the user. */
  missing: string[];
  unquoted: string | null;
  /** The word for what is asked about ("population", "bill"), for the reason shown. */
  focus: string | null;
  /** The noun a name was asked with ("firm", "city") when no top passage names one, for the reason shown. */
  unnamed: string | null;
  /** The one spoken to ("told the Wall Street Journal") when no top passage names them, for the reason shown. */
  unaddressed: string | null;
}

export async function gatherEvidence(
  analysis: QuestionAnalysis,
  passages: Passage[],
  context: SearchContext,
  asked: SpeakerFilter,
): Promise<EvidenceDetail> {
  const top = passages.slice(0, SUPPORT_DEPTH);
  const concepts = conceptStems(analysis);
  // A single capitalised word counts as a name when neither the documents nor the lexicon know it
  // ("the Fed"): a sentence's first word or a common word in capitals is no evidence of a topic.
  const names = analysis.entities.filter(
    (entity) =>
      entity.kind !== 'other' ||
      entity.name.includes(' ') ||
      (context.index.lexical.documentFrequency(entity.name) === 0 && !isCommonWord(entity.name)),
  );
  const absent = await Promise.all(names.map((entity) => isMissing(entity, context)));
  const missing = names.filter((_, i) => absent[i]).map((entity) => entity.name);
  const unquoted = await unquotedSubject(analysis, context);
  const { focus, expects } = analysis;
  // A word the documents write otherwise ("Rhode Island" as "RI", "WSJ" in full) is known to them.
  const known = analysis.keyTerms.filter(
    (term) => context.index.lexical.documentFrequency(term.word) > 0 || term.equivalentStems.length > 0,
  );
  const flag = (value: boolean) => (value ? 1 : 0);
  const counted = countedOf(analysis);
  // Near-certain: a person or organisation the documents never mention, or a name of several words none
  // of which the documents use ("Blue Origin") and that matches no speaker even with a typo.
  const absentPerson =
    names.find(
      (entity) =>
        missing.includes(entity.name) &&
        // A short form ("SASC", "SecDef") may stand for a name the documents write in full in a way
        // no rule expands: its absence is weighed, never certain.
        !isShortForm(entity.name) &&
        // "the Tesla boss", "the Kremlin leader": a name before a noun for a person describes that
        // person, who may well be in the documents; the question is not about the name.
        !describesPerson(entity.name, analysis.text, context) &&
        // A single unknown word may be a figure of speech ("the Kremlin" for its leader): only weighed.
        (entity.kind !== 'other' || (entity.name.includes(' ') && unknownToCorpus(entity.name, context))),
    )?.name ?? null;
  // "Which firm…", "which city…": a name answers, and no top passage gives one the question lacks.
  const unnamed =
    analysis.namedBy !== null &&
    !analysis.asksAddressee &&
    !top.some((passage) => holdsNewName(passage, analysis, concepts, context.wordnet))
      ? analysis.namedBy.word
      : unnamedPersonAt(analysis, top);
  const unaddressed = unaddressedOf(analysis, top);
  return {
    absentPerson,
    evidence: {
      coverage: Math.max(0, ...top.map((passage) => passage.coverage)),
      conceptCoverage: Math.max(0, ...top.map((passage) => passage.conceptCoverage)),
      unknownTerms: analysis.keyTerms.length === 0 ? 0 : 1 - known.length / analysis.keyTerms.length,
      missingNames: names.length === 0 ? 0 : missing.length / names.length,
      unquotedSubject: flag(unquoted !== null),
      missingKind: flag(
        expects !== null &&
          !top.some(
            (passage) =>
              holdsKindNear(
                passage,
                kindAsked(analysis, passage, expects),
                concepts,
                analysis.asksForWords,
              ) ||
              (expects === 'count' && listsCounted(passage, counted)),
          ),
      ),
      missingFocus: flag(
        (focus !== null && !top.some((passage) => holdsFocus(passage, focus, analysis))) ||
          unnamed !== null ||
          unaddressed !== null,
      ),
      noTerms: flag(analysis.keyTerms.length === 0),
      speakerOffTopic: speakerOffTopicOf(analysis, passages, asked),
    },
    missing,
    unquoted,
    focus: analysis.focus?.word ?? null,
    unnamed,
    unaddressed,
  };
}

/**
 * The one the question says was told ("the Wall Street Journal") when no top passage names both them
 * and the ones telling, named before them; null otherwise. Shown in the reason with the question's
 * article.
 */
function unaddressedOf(analysis: QuestionAnalysis, top: readonly Passage[]): string | null {
  const addressee = askedAddressee(analysis);
  if (addressee === null) return null;
  const at = analysis.text.indexOf(addressee);
  const tellers = analysis.entities
    .filter((entity) => entity.kind !== 'other' && analysis.text.indexOf(entity.name) < at)
    .map((entity) => entity.name);
  const told = top.some((passage) =>
    [addressee, ...tellers].every((name) => mentionsName(passage, name, analysis)),
  );
  if (told) return null;
  return `${/\bthe\s+$/i.test(analysis.text.slice(0, at)) ? 'the ' : ''}${addressee}`;
}

/**
 * "What did Nelson tell the Wall Street Journal": the one spoken to, when the question names them
 * after a verb of telling or speaking to. A passage answers only if it names them too — his words to
 * another outlet are not what he told this one.
 */
function askedAddressee(analysis: QuestionAnalysis): string | null {
  for (const entity of analysis.entities) {
    const at = analysis.text.indexOf(entity.name);
    if (at < 0) continue;
    if (ADDRESSED_BEFORE.test(analysis.text.slice(Math.max(0, at - 24), at))) return entity.name;
  }
  return null;
}

/** A verb of telling (its object is the addressee) or of speaking to someone, right before a name. */
const ADDRESSED_BEFORE =
  /\b(?:tell|tells|told|telling|(?:say|said|says|speak|spoke|speaks|talk|talked|talks|write|wrote|writes)\s+to)\s+(?:the\s+)?$/i;

/** The passage (with its document's title) holds every word of the name, or a word standing for it. */
function mentionsName(passage: Passage, name: string, analysis: QuestionAnalysis): boolean {
  const present = new Set(contentTerms([passage.text, passage.title].join(' ')));
  const terms = new Map(analysis.keyTerms.map((term) => [term.stem, term]));
  return contentTerms(name).every((stem) => {
    const term = terms.get(stem);
    return [stem, ...(term?.equivalentStems ?? []), ...(term?.synonymStems ?? [])].some((other) =>
      present.has(other),
    );
  });
}

/** The stems of the question's key terms that are not part of a name it mentions. */
function conceptStems(analysis: QuestionAnalysis): string[][] {
  const nameStems = nameStemsOf(analysis);
  // "How many years…": the unit counted is the answer's own word ("since 2022" answers it), not a topic.
  const unit =
    analysis.expects === 'duration' ? /^\s*how\s+many\s+(\p{L}+)/iu.exec(analysis.text)?.[1] : undefined;
  return analysis.keyTerms
    .filter((term) => !nameStems.has(term.stem) && term.word !== unit?.toLowerCase())
    .map((term) => [term.stem, ...term.equivalentStems, ...term.synonymStems]);
}

/**
 * The expression that answers: for a time limit a phrase of limit ("by Oct. 6"), for a day a day —
 * or "today"/"yesterday" in a document dated to the day; otherwise any expression of the kind.
 */
function kindAsked(analysis: QuestionAnalysis, passage: Passage, expects: ExpectedKind): RegExp {
  if (expects !== 'time' || analysis.timePrecision === null) return EXPRESSIONS[expects];
  if (analysis.timePrecision === 'deadline') return DEADLINE;
  return /^\d{4}-\d{2}-\d{2}/.test(passage.date ?? '') ? DAY_OR_TODAY : DAY;
}

/**
 * An amount or a time that answers sits in the sentence that speaks of what is asked: a date anywhere
 * in a passage about the same people is not the date of the thing asked about.
 */
function holdsKindNear(passage: Passage, kind: RegExp, concepts: string[][], saying = false): boolean {
  // A time dates the clause it stands in, and the one an adverbial clause modifies: "Musk acknowledged
  // while campaigning earlier this month that he has a clearance" dates the acknowledging, not the
  // clearance of the that-clause after it (clausesDatedBy). Asked when someone said something, the
  // time of the saying answers: a dated clause with a verb of speech, what was said anywhere after it.
  const spans = [EXPRESSIONS.time, DEADLINE, DAY, DAY_OR_TODAY].includes(kind)
    ? clausesOf
    : (sentence: string) => [{ text: sentence }];
  return sentencesOf(passage.text).some((sentence) => {
    const clauses = spans(sentence);
    return clauses.some(({ text }, i) => {
      if (!kind.test(text)) return false;
      if (concepts.length === 0) return true;
      const dated = clausesDatedBy(clauses, i).map((at) => clauses[at]?.text ?? '');
      const said = saying && reportsSpeech(dated.join(' '));
      const present = new Set(contentTerms(said ? sentence : dated.join(' ')));
      return concepts.some((stems) => stems.some((stem) => present.has(stem)));
    });
  });
}

/** "Who at SpaceX …", "who from the ministry …": someone at the organisation is asked for. */
const WHO_AT = /^\s*who\s+(?:at|from)\s+(?:the\s+)?/i;

/**
 * "Who at SpaceX put out the statement?" asks for a person at SpaceX: when the passages credit words
 * to SpaceX itself, or to an unnamed spokesperson, they name no one. A quote whose speaker's role
 * places them there does ("Gwynne Shotwell, SpaceX's president"). The description for the reason, or null.
 */
function unnamedPersonAt(analysis: QuestionAnalysis, top: Passage[]): string | null {
  const rest = analysis.text.replace(WHO_AT, '');
  if (rest === analysis.text) return null;
  const org = analysis.entities.find((entity) => rest.toLowerCase().startsWith(entity.name.toLowerCase()));
  if (!org) return null;
  const name = org.name.toLowerCase();
  // Only when the organisation itself is heard in them: a passage quoting a committee's members
  // ("Senators …, members of the Armed Services Committee") answers "who at the committee".
  const itself = top.some((passage) =>
    passage.quotes.some((quote) => quote.speaker?.toLowerCase().includes(name) === true),
  );
  const placed =
    !itself ||
    top.some((passage) =>
      passage.quotes.some(
        (quote) =>
          quote.speaker !== null &&
          !quote.speaker.toLowerCase().includes(name) &&
          (quote.role ?? '').toLowerCase().includes(name),
      ),
    );
  return placed ? null : `person at ${org.name}`;
}

/**
 * "Which law firm does Meyer work at": the answer is a name the question does not give, in a sentence
 * about what is asked — as an amount or a time is (holdsKindNear).
 */
function holdsNewName(
  passage: Passage,
  analysis: QuestionAnalysis,
  concepts: string[][],
  wordnet: Wordnet,
): boolean {
  // "Which reporter …", "which official …": a noun for a person is answered by a person's name, not by
  // the outlet or the agency a sentence names.
  const person = analysis.namedBy !== null && isRoleNoun(analysis.namedBy.word);
  // "Which city", "which county", "which country": WordNet files them under administrative and
  // territorial divisions ("district"); "position" or "side" are places of another kind.
  const place =
    analysis.namedBy !== null && wordnet.isKindOf(analysis.namedBy.word, 'district', true) === true;
  const kind = analysis.namedBy?.word ?? '';
  // A dateline ("WASHINGTON, D.C. – ") says where a story was filed, not what it reports: its place
  // answers no "which city…" about the events.
  return sentencesOf(passage.text.slice(datelineSkip(passage.text))).some((sentence) => {
    const names = (person ? newPeople(analysis, sentence) : newNames(analysis, sentence, 'any')).filter(
      (name) => !place || answersPlace(name, sentence, kind, wordnet),
    );
    if (names.length === 0) return false;
    if (concepts.length === 0) return true;
    const present = new Set(contentTerms(sentence));
    return concepts.some((stems) => stems.some((stem) => present.has(stem)));
  });
}

/**
 * "Which city…": a place answers, never a person ("Lloyd Austin") or an organisation ("Ukrainian Armed
 * Forces"); a place WordNet's geography files under another kind ("Ukraine" is a country) is not the
 * city asked for. One it does not know is read as English writes a place: after a locative preposition
 * ("in Kherson", "near Sevastopol"), not as a clause's subject or a party label ("(D-Mass)").
 */
function answersPlace(name: string, sentence: string, kind: string, wordnet: Wordnet): boolean {
  const run = readNameRun(name, 0, true);
  if (run && run.kind !== 'unknown') return false;
  const known = wordnet.isKindOf(name, kind);
  if (known !== null) return known;
  const at = sentence.indexOf(name);
  return at > 0 && LOCATIVE_BEFORE.test(sentence.slice(Math.max(0, at - 12), at));
}

/** A locative preposition right before a name: "in", "near", "outside", "at", "from", "of" ("the city of"). */
const LOCATIVE_BEFORE = /\b(?:in|near|outside|at|from|of|around|toward|towards|into)\s+(?:the\s+)?$/i;

/**
 * "How many senators signed": the names a sentence lists after "senators" count them as well as a
 * number does — English enumerates a group's members that way (count-phrase.ts).
 */
function listsCounted(passage: Passage, counted: Counted | null): boolean {
  return (
    counted !== null && sentencesOf(passage.text).some((sentence) => countPhrase(sentence, counted) !== null)
  );
}

/**
 * "The population of Lancaster": the attribute and what it belongs to are in one sentence. The word
 * alone elsewhere ("population centers" in another story) says nothing about Lancaster.
 */
function holdsFocus(passage: Passage, focus: KeyTerm, analysis: QuestionAnalysis): boolean {
  // An owner is written as the documents write it ("AG" as "Attorney General"); a name that is itself
  // the focus ("what does the AG have to do with this") owns nothing.
  const equivalents = new Map(analysis.keyTerms.map((term) => [term.stem, term.equivalentStems]));
  const owners = analysis.entities
    .map((entity) => contentTerms(entity.name))
    .filter((owner) => !owner.includes(focus.stem))
    .map((owner) => owner.flatMap((stem) => [stem, ...(equivalents.get(stem) ?? [])]));
  const stems = [focus.stem, ...focus.synonymStems, ...focus.equivalentStems, ...focus.relatedStems];
  return sentencesOf(passage.text).some((sentence) => {
    const present = new Set(contentTerms(sentence));
    if (!stems.some((stem) => present.has(stem))) return false;
    return owners.length === 0 || owners.some((owner) => owner.some((stem) => present.has(stem)));
  });
}

function speakerOffTopicOf(analysis: QuestionAnalysis, passages: Passage[], asked: SpeakerFilter): number {
  // Only when the words are what is asked: "Who did the senators write to?" asks for the addressee,
  // "Why did they write?" for a reason, and neither needs a quote of theirs.
  if (!analysis.speechSubject || !analysis.asksForWords || isEmptyFilter(asked)) return 0;
  const quoting = passages.filter((passage) => passage.quotes.some((quote) => quoteMatches(quote, asked)));
  const best = Math.max(0, ...passages.map((passage) => passage.conceptCoverage));
  return Math.max(0, best - Math.max(0, ...quoting.map((passage) => passage.conceptCoverage)));
}

/** The name stands before a noun WordNet files under people ("boss", "leader", "founder"). */
function describesPerson(name: string, question: string, context: SearchContext): boolean {
  const at = question.indexOf(name);
  if (at < 0) return false;
  const next = /^(?:['’]s)?\s+(\p{Ll}+)/u.exec(question.slice(at + name.length))?.[1];
  return next !== undefined && context.wordnet.isPersonNoun(next);
}

/** One word with two capitals or more: an initialism or a clipped compound. */
function isShortForm(name: string): boolean {
  return !name.includes(' ') && (name.match(/\p{Lu}/gu) ?? []).length >= 2;
}

function unknownToCorpus(name: string, context: SearchContext): boolean {
  const parts = name.split(/\s+/).filter((part) => !NAME_JOINERS.has(part.toLowerCase()));
  return (
    parts.every((part) => context.index.lexical.documentFrequency(part) === 0 && !isCommonWord(part)) &&
    matchSpeaker(name, context.speakers).matches.length === 0
  );
}

/**
 * A person or organisation the documents never mention: neither its words together, nor a speaker it
 * matches, nor a short form the documents use for it.
 */
async function isMissing(
  entity: QuestionAnalysis['entities'][number],
  context: SearchContext,
): Promise<boolean> {
  const { lexical } = context.index;
  if (context.aliases.has(entity.name.toLowerCase())) return false;
  // "the Massachusetts Democrat": a description in capitals, as headlines write one, of one person
  // the documents describe so.
  if (entity.name.includes(' ') && speakerByDescription(`the ${entity.name}`, context)) return false;
  if (expandBlend(entity.name, corpusNameRuns(context))) return false;
  // "SecDef Austin": the short forms the documents write in full stand for their names; the rest of
  // the name must be there as written.
  const words = entity.name.split(/\s+/);
  const shortForms = words.filter(
    (word) =>
      isShortForm(word) &&
      (context.aliases.has(word.toLowerCase()) || expandBlend(word, corpusNameRuns(context)) !== null),
  );
  if (shortForms.length > 0 && shortForms.length < words.length) {
    const rest = words.filter((word) => !shortForms.includes(word)).join(' ');
    if (await lexical.containsAll(rest)) return false;
  }
  // "Rhode Island" where the documents write "(D-RI)": a name WordNet (or the table of states) knows by
  // another name.
  const synonyms = [
    ...context.wordnet.phraseSynonyms(entity.name),
    ...stateNames(entity.name).map((other) => other.replace(/\.$/, '')),
  ];
  if ((await Promise.all(synonyms.map((other) => lexical.containsAll(other)))).some(Boolean)) return false;
  const parts = entity.name.split(/\s+/).filter((part) => !NAME_JOINERS.has(part));
  // Other names count only when none of their words occur: an event or place may be spelled otherwise
  // in the text ("World War II" and "World War 2").
  if (entity.kind === 'other')
    return (await Promise.all(parts.map((part) => lexical.containsAll(part)))).every((found) => !found);
  return (
    matchSpeaker(entity.name, context.speakers).matches.length === 0 &&
    !(await lexical.containsAll(entity.name))
  );
}

/**
 * "What did Putin say…" about someone the documents name but never quote: answering from passages
 * that merely mention them would put words in their mouth.
 */
async function unquotedSubject(analysis: QuestionAnalysis, context: SearchContext): Promise<string | null> {
  const asked = yesNoExpressionSubject(analysis.text, context.wordnet);
  const subject = analysis.speechSubject ?? asked;
  if (!subject) return null;
  // The speaker is the head of the phrase: in "the letter to Austin" Austin is whom it was sent to.
  const head =
    subject.split(/\s+(?:to|about|on|for|with|against|from|regarding|over|into|at)\s+/i)[0] ?? subject;
  const bare = head.replace(/['’]s\b/g, '');
  const named = analysis.entities.find((entity) => bare.includes(entity.name));
  if (!named || !(await context.index.lexical.containsAll(named.name))) return null;
  // "Does the SASC letter ask …": in a yes/no question the name must be the subject itself, not a word
  // describing a letter or release that does the asking.
  if (asked !== null && !analysis.speechSubject && !bare.trim().endsWith(named.name)) return null;
  const shown = new RegExp(`\\bthe\\s+${named.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i').test(
    bare.trim(),
  )
    ? `the ${named.name}`
    : named.name;
  // "the lawyer Axios spoke with": a name followed by a finite verb starts a relative clause inside
  // the phrase; its head, the one speaking, is the noun before it.
  const after =
    bare
      .slice(bare.indexOf(named.name) + named.name.length)
      .trim()
      .split(/\s+/)[0] ?? '';
  if (after && isClauseWord(after)) return null;
  if (findSpeakersInText(subject, context.speakers).length > 0) return null;
  // "the RI senator", "the SASC chair": a name inside a description of a person; when the description
  // fits one quoted person, they are the one asked about, not the name.
  if (speakerByDescription(subject, context)) return null;
  // "according to Axios" where Axios published a document: a publication speaks through its own
  // text, every sentence of its article is what it says.
  if (publishes(named.name, context)) return null;
  if (matchSpeaker(named.name, context.speakers).matches.length > 0) return null;
  // A person speaks through quotes. An organisation (or a name the lexicon cannot place) may answer
  // in a sentence that is a fact, not a quote — "the Pentagon did not respond": unquoted only when
  // no passage has it as the subject of a verb of communication.
  // "Did Austin agree to …" asks whether they expressed something, which the text may report without a
  // quote ("Austin agreed to …"): whoever is the subject of such a verb there has been heard.
  if ((named.kind !== 'person' || asked !== null) && (await speaksInCorpus(named.name, context))) return null;
  // "What does SATCOM refer to / stand for / mean?" asks what a term denotes, not what anyone said.
  if (named.kind !== 'person' && DEFINITION_FRAME.test(analysis.text)) return null;
  return shown;
}

/**
 * "Did Austin agree to hand over the terms?", "Has the ministry confirmed …": a yes/no question whose
 * verb WordNet files under communication or thought asks whether the subject expressed something —
 * which only a passage with their words, or one reporting them speaking, can settle.
 */
const YES_NO_OPENING = /^\s*(?:did|does|do|has|have|had|will|would)\s+/i;
/** Adverbs that may stand between the subject and its verb ("did Austin ever agree"). */
const SUBJECT_VERB_ADVERBS = new Set([
  'ever',
  'actually',
  'already',
  'really',
  'also',
  'finally',
  'officially',
]);

/** The subject is the words before the first verb of expression (at most five: a noun phrase). */
function yesNoExpressionSubject(question: string, wordnet: Wordnet): string | null {
  const opening = YES_NO_OPENING.exec(question);
  if (!opening) return null;
  const words = question.slice(opening[0].length).split(/\s+/);
  for (let k = 1; k < Math.min(words.length, 6); k++) {
    const word = (words[k] ?? '').replace(/[^\p{L}]/gu, '');
    if (SUBJECT_VERB_ADVERBS.has(word.toLowerCase())) continue;
    // "the report", "its statement": a word after a determiner is a noun, whatever else it can be.
    if (DETERMINERS.has((words[k - 1] ?? '').toLowerCase()) || !wordnet.isExpressionVerb(word)) continue;
    const subject = words
      .slice(0, k)
      .filter((w) => !SUBJECT_VERB_ADVERBS.has(w.toLowerCase()))
      .join(' ');
    return CLAUSE_WORD.test(subject) ? null : subject;
  }
  return null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'any']);
const CLAUSE_WORD = /\b(?:that|who|which|when|where|if|whether)\b/i;

const DEFINITION_FRAME = /\b(?:mean|means|meant|stands?\s+for|refers?\s+to)\b/i;

/** Passages read for a name's own statements: far more than any name's mentions in a news archive. */
const SPEAKING_DEPTH = 50;

async function speaksInCorpus(name: string, context: SearchContext): Promise<boolean> {
  // An organisation speaks under any of its names: "DoD" through "the Department of Defense …".
  const names = new Set([
    name,
    ...context.wordnet.phraseSynonyms(name),
    ...(context.aliases.get(name.toLowerCase()) ?? []),
  ]);
  for (const other of names) {
    const hits = await context.index.lexical.search({ text: other, limit: SPEAKING_DEPTH });
    const chunks = await context.store.byLabel(hits.map((hit) => hit.label));
    const speaks = hits.some((hit) => {
      const text = chunks.get(hit.label)?.text ?? '';
      // The reporting verbs attribution knows, and any verb WordNet files under communication or thought.
      return speaksIn(
        text,
        other,
        (word) => SPEECH_VERBS.has(word) || context.wordnet.isExpressionVerb(word),
      );
    });
    if (speaks) return true;
  }
  return false;
}

/**
 * Whether `text` has `name` next to a verb of communication with nothing but words between: "SpaceX
 * did not respond", "said the Pentagon", "according to the agency". A comma or a quote mark between
 * the two breaks the link ("a letter to Frank Kendall, the senators wrote": Kendall wrote nothing).
 */
export function speaksIn(
  text: string,
  name: string,
  isCommunicationVerb: (word: string) => boolean,
  isReportingVerb: (word: string) => boolean = (word) => SPEECH_VERBS.has(word) && !TELL_VERBS.has(word),
): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const match of text.matchAll(new RegExp(escaped, 'g'))) {
    const at = match.index ?? 0;
    const after = /^(?:['’]s)?((?:\s+[\p{L}’'-]+){1,4})/u.exec(text.slice(at + name.length))?.[1] ?? '';
    const preceding = text.slice(Math.max(0, at - 40), at);
    if (/\baccording\s+to\s+(?:the\s+)?$/i.test(preceding)) return true;
    // Inverted attribution ("…," said the Pentagon) puts only a reporting verb right before the
    // speaker; after other verbs the name is their object ("endorsed Trump", "told Trump").
    const inverted = /([\p{L}]+)\s+(?:the\s+)?$/u.exec(preceding)?.[1]?.toLowerCase();
    if (inverted && isReportingVerb(inverted)) return true;
    // "a letter to Secretary Austin requesting …": a name after a preposition (and its title) is the
    // preposition's object, and the verb after it is someone else's.
    if (OBJECT_OF_PREPOSITION.test(preceding)) continue;
    if (verbAfter(after, isCommunicationVerb)) return true;
  }
  return false;
}

/**
 * A verb of communication among the few words after the name. Right after a name a verb is finite, so a
 * bare base form there is a noun the name modifies ("a second Trump term"), not the name speaking.
 */
function verbAfter(after: string, isCommunicationVerb: (word: string) => boolean): boolean {
  return after
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .some((raw, k) => {
      const word = raw.toLowerCase();
      const finite = k > 0 || /(?:s|ed)$/.test(word) || irregularBase(word) !== null;
      return finite && isCommunicationVerb(word);
    });
}

/** A preposition that takes an object, then any title in capitals ("to Secretary of Defense "). */
const OBJECT_OF_PREPOSITION =
  /\b(?:to|with|for|about|against|toward|towards|into|at|on)\s+(?:(?:\p{Lu}[\p{L}.'’-]*|of|the)\s+)*$/u;

/** Whether a document names `name` as its publisher or source ("Axios", "Office of U.S. Senator Jack Reed"). */
function publishes(name: string, context: SearchContext): boolean {
  const wanted = name.toLowerCase();
  return [...context.documents.values()].some(({ meta }) =>
    [meta.publisher, meta.source].some(
      (who) => who?.toLowerCase() === wanted || who?.toLowerCase().startsWith(`${wanted} `),
    ),
  );
}
