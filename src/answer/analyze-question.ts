import { TELL_VERBS } from '../quotes/lexicon.js';
import { expandAbbreviation } from '../text/abbreviations.js';
import { isGenericWord, isShellNoun } from '../text/generic-words.js';
import { findProperNames } from '../text/proper-names.js';
import { contentTerms, isStopword, stem, words } from '../text/terms.js';
import { stateNames } from '../text/us-states.js';
import { isClauseWord, isCommonWord } from '../text/word-lexicon.js';
import type { Wordnet } from '../text/wordnet.js';
import { mainClause, type QuestionKind, questionKind } from './question-kind.js';

/** A word of the question that a supporting passage is expected to contain (or a synonym of it). */
export interface KeyTerm {
  word: string;
  stem: string;
  /** Synonyms from the word's two most frequent senses per part of speech. */
  synonymStems: string[];
  /**
   * Synonyms from its rarer senses that the corpus uses: the corpus's own word for the idea, perhaps,
   * or a word of another sense ("based" for "founded"): they count less, and never as evidence that a
   * passage holds the specific thing asked for.
   */
  relatedStems: string[];
  /**
   * Stems that mean the same as the word and count in full: the words of the name a short form stands
   * for ("wsj" → wall, street, journal), or the word an abbreviation abbreviates ("sen" → senator).
   */
  equivalentStems: string[];
  /**
   * Words WordNet gives as its antonyms ("southern" for "northern"): a sentence that says the opposite
   * of what a yes/no question asks, in the same place, answers "no".
   */
  antonymStems: string[];
  /**
   * Mainly an adverb ("actually", "really"): it qualifies the question and names nothing an
   * answering sentence must contain.
   */
  qualifier: boolean;
}

/** What the question is read with: WordNet, and the corpus's own short forms and vocabulary. */
export interface QuestionResources {
  wordnet: Wordnet;
  /** Lower-cased short form → the names it stands for (see src/text/aliases.ts). */
  aliases?: ReadonlyMap<string, readonly string[]>;
  /** The name a clipped compound ("SecDef") stands for in the corpus, if any (src/text/blends.ts). */
  expandBlend?: (token: string) => string | null;
  /** Whether the corpus uses the word at all. */
  inCorpus?: (word: string) => boolean;
}

export interface QuestionAnalysis {
  text: string;
  /** The kind of answer asked for (question-kind.ts). */
  kind: QuestionKind;
  /** The question with the names its short forms stand for added: what retrieval and speaker finding read. */
  searchText: string;
  /**
   * The people its descriptions fit ("the Michigan senator" → Gary Peters, described-people.ts):
   * retrieval reads them too, but they are not given by the question — "Who is the NASA
   * administrator?" is answered by the name.
   */
  described?: string[];
  keyTerms: KeyTerm[];
  /** Proper names in the question ("Jeff Bezos", "Blue Origin"), with whether they name a person or organisation. */
  entities: { name: string; kind: 'person' | 'organization' | 'other' }[];
  /** "What did X say…", "Who said…": the answer should rest on someone's words. */
  asksForWords: boolean;
  /** All synonym words, for query expansion. */
  expansions: string[];
  /**
   * The attribute a "what is the N of …" / "what is X's N" question asks for: a passage that lacks it
   * cannot answer, however much else it shares with the question ("population" of a town it mentions).
   */
  focus: KeyTerm | null;
  /** The wh-phrase's noun when a name answers it ("which reporter", "which AG"): see readWhPhrase. */
  namedBy: KeyTerm | null;
  /** It asks whom someone spoke or wrote to ("which outlet did Nelson talk to"). */
  asksAddressee: boolean;
  /** What kind of expression the answer must contain: a quantity ("how many/much") or a time ("when"). */
  expects: ExpectedKind | null;
  /**
   * How precise the time asked for must be: a time limit ("by what date", "what deadline") or a day
   * ("on what exact day", "what date"); null when any time answers ("when").
   */
  timePrecision: TimePrecision | null;
  /** Whose words are asked for: "SpaceX" in "How did SpaceX respond to the Journal's report?". */
  speechSubject: string | null;
}

const SPEECH =
  /\b(?:say|said|says|tell|told|think|thinks|thought|claim(?:ed)?|warn(?:ed)?|argue[ds]?|quote[ds]?|describe[ds]?|comment(?:ed)?|according to|respond(?:ed)?|statement)\b/i;

/** The particles of English phrasal verbs ("look into", "push back", "turn down"). */
const PARTICLES = new Set([
  'into',
  'back',
  'up',
  'out',
  'off',
  'on',
  'over',
  'down',
  'away',
  'around',
  'through',
]);

export function analyzeQuestion(question: string, resources: QuestionResources): QuestionAnalysis {
  const { wordnet } = resources;
  const shortForms = findShortForms(question, resources);
  // "Gov't contracts: …", "Dept. of …" at the start of a sentence: a standard abbreviation of a common
  // word is capitalised there as any first word is, and names no one.
  const entities = findProperNames(question).filter(
    (entity) => entity.name.includes(' ') || expandAbbreviation(entity.name.replace(/\.$/, '')) === null,
  );
  // Other names WordNet gives a name of several words ("RI" for "Rhode Island"), when the corpus uses
  // them: each word of the name then counts as present where the other name is.
  const otherNames = new Map<string, string[]>();
  for (const entity of entities) {
    const others = [
      ...wordnet.phraseSynonyms(entity.name),
      ...abbreviationNames(entity.name, question, wordnet),
    ].filter((other) => words(other).every((word) => resources.inCorpus?.(word) ?? false));
    for (const word of words(entity.name)) otherNames.set(word, [...(otherNames.get(word) ?? []), ...others]);
  }
  const nameSynonyms = [...new Set([...otherNames.values()].flat())];
  const seen = new Set<string>();
  const nouns = nounsByPosition(question);
  const keyTerms: KeyTerm[] = [];
  const typedWords = words(question);
  for (const [at, typed] of typedWords.entries()) {
    const expanded = expandAbbreviation(typed);
    const word = expanded ?? typed;
    const named = [...(shortForms.get(typed) ?? []), ...(otherNames.get(typed) ?? [])];
    const wordStem = stem(word);
    // A single letter or a small number carries no topic; WordNet would still offer "ten" for "x".
    const generic = isGenericWord(wordStem) && !nouns.has(word);
    if (isStopword(word) || generic || word.length < 2 || /^\d{1,2}$/.test(word)) continue;
    if (seen.has(wordStem)) continue;
    seen.add(wordStem);
    // "reportedly" should meet "reported": the stemmer keeps the -ly, so the base word counts as a synonym.
    const base = word.length > 5 && word.endsWith('ly') ? [word.slice(0, -2)] : [];
    // Synonyms of very short words are mostly abbreviations ("us" → "US", "ok" → "Oklahoma"): none.
    const usable = (synonym: string) => !isStopword(synonym);
    // "looking into", "push back": a verb and its particle are one verb, with synonyms of its own.
    const particle = typedWords[at + 1];
    const phrasal = particle && PARTICLES.has(particle) ? wordnet.phrasalSynonyms(word, particle) : [];
    const synonyms = [...base, ...(word.length > 2 ? wordnet.synonyms(word) : []), ...phrasal].filter(usable);
    const related = (word.length > 2 ? rareSynonymsInCorpus(word, resources) : []).filter(usable);
    const equivalents = [...new Set(contentTerms(named.join(' ')))].filter((s) => s !== wordStem);
    keyTerms.push({
      word,
      stem: wordStem,
      synonymStems: [...new Set(synonyms.map(stem))].filter(
        (s) => s !== wordStem && !equivalents.includes(s),
      ),
      relatedStems: [...new Set(related.map(stem))].filter(
        (s) => s !== wordStem && !equivalents.includes(s) && !synonyms.map(stem).includes(s),
      ),
      equivalentStems: equivalents,
      antonymStems: word.length > 2 ? [...new Set(wordnet.antonyms(word).map(stem))] : [],
      qualifier: wordnet.isMainlyAdverb(word),
    });
  }
  const names = [...new Set([...shortForms.values()].flat())];
  // "When Axios reached out, what did SpaceX point them to?": the question proper follows the clause.
  const main = mainClause(question);
  const whPhrase = readWhPhrase(main, wordnet);
  const kind = questionKind(main, (word) => wordnet.isCommunicationVerb(word));
  return {
    text: question,
    kind,
    searchText: names.length > 0 ? `${question} (${names.join('; ')})` : question,
    keyTerms,
    focus: keyTerms.find((term) => term.word === whPhrase.focus) ?? null,
    namedBy: keyTerms.find((term) => term.word === whPhrase.named) ?? null,
    asksAddressee: whPhrase.addressee === true || (kind === 'who' && endsWithSpeakingTo(main, wordnet)),
    speechSubject: findSpeechSubject(main) ?? expressionSubject(main, wordnet),
    expects: expectedKind(main),
    timePrecision: timePrecisionOf(main),
    entities,
    // "Who said …" asks for words; "who did they ask to investigate" asks for the addressee, not quotes.
    asksForWords: kind === 'who-said' || (kind !== 'who' && SPEECH.test(question)),
    expansions: [
      ...new Set([
        ...nameSynonyms.flatMap(words),
        ...keyTerms.flatMap((term) =>
          term.word.length > 2
            ? [...wordnet.synonyms(term.word), ...rareSynonymsInCorpus(term.word, resources)]
            : [],
        ),
      ]),
    ],
  };
}

/**
 * The names an abbreviation stands for, from WordNet: a capitalised word written with a period ("the
 * Pa. town hall") is looked up with it, as WordNet lists abbreviations ("Pa." → Pennsylvania, apart
 * from the plain word "pa", a father); an initialism in capitals, by the proper names it is filed under.
 */
function abbreviationNames(name: string, question: string, wordnet: Wordnet): string[] {
  // "the Virginia senator" for Tim Kaine (D-VA): a state and its codes name one place.
  const state = stateNames(name).map((other) => other.replace(/\.$/, ''));
  if (name.includes(' ')) return state;
  if (state.length > 0) return state;
  // "the PA town hall": an initialism's other names are the proper names WordNet files it under.
  if (/^\p{Lu}{2,5}$/u.test(name)) return wordnet.properNameSynonyms(name);
  if (!question.includes(`${name}.`)) return [];
  return wordnet.synonyms(`${name.toLowerCase()}.`, 1);
}

/**
 * Words a determiner or a possessive makes nouns: "Musk's talks with Putin", "the statement". A verb
 * that says only that something was said ("talk", "say") names no topic, but the noun spelled the
 * same ("the talks", "his say") does, and English marks the noun by the word before it.
 */
const NOUN_AFTER =
  /(?:['’]s|\b(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those))\s+(\p{L}+)/giu;

function nounsByPosition(question: string): Set<string> {
  return new Set([...question.matchAll(NOUN_AFTER)].map((match) => (match[1] ?? '').toLowerCase()));
}

/**
 * What the answer to "how many" (a count), "how much" (an amount: money, a share, a measure), "how
 * long" (a duration) or "when" (a time) must contain: English asks for each with its own words.
 */
export type ExpectedKind = 'count' | 'amount' | 'duration' | 'time';

function expectedKind(question: string): ExpectedKind | null {
  const text = question.trim();
  // Counting units of time asks how long: "how many years has he…".
  if (/^how\s+many\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)\b/i.test(text))
    return 'duration';
  if (/^how\s+many\b/i.test(text)) return 'count';
  if (/^(?:by\s+)?how\s+much\b/i.test(text)) return 'amount';
  if (/^how\s+long\b/i.test(text)) return 'duration';
  // "When", and the wh-phrases that ask for a point in time: "by what date", "on which day", "what deadline".
  if (/^(?:since\s+)?when\b/i.test(text)) return 'time';
  if (
    /^(?:(?:by|on|until|in)\s+)?(?:what|which)\s+(?:exact\s+)?(?:date|day|deadline|year|month|time)\b/i.test(
      text,
    )
  )
    return 'time';
  return null;
}

type TimePrecision = 'deadline' | 'day';

/**
 * "By what date…", "what deadline…", "by when…" ask for a time limit; "on what (exact) day", "what
 * date" ask for a day. A month or the year does not answer either, nor does a bare date a deadline.
 */
function timePrecisionOf(question: string): TimePrecision | null {
  if (expectedKind(question) !== 'time') return null;
  const text = question.trim();
  if (/\bdeadlines?\b|^(?:by|until)\s+(?:when|what|which)\b/i.test(text)) return 'deadline';
  if (/^(?:on\s+)?(?:what|which)\s+(?:exact\s+|precise\s+)?(?:date|day)\b/i.test(text)) return 'day';
  return null;
}

const ATTRIBUTE_QUESTION =
  /^\s*(?:what|who|which)(?:\s+(?:is|was|are|were)|['’]s)\s+((?:(?:the|a|an)\s+)?[\w\s-]+?)\s+(?:of|for|in|at)\s/i;
const POSSESSIVE_QUESTION =
  /^\s*(?:what|who|which)(?:\s+(?:is|was|are|were)|['’]s)\s+[\w\s.-]+?['’]s\s+([\w\s-]+?)\s*\??\s*$/i;

/**
 * "What was Musk doing in Lancaster": a subject and a present participle after the copula are the
 * progressive, a verb phrase — no attribute "doing" is asked for. An attribute's phrase is a noun
 * phrase ("the population", "the funding"): its first word is no subject of an -ing form.
 */
function isProgressive(phrase: string): boolean {
  const parts = words(phrase);
  return parts.length >= 2 && !/^(?:the|a|an)$/i.test(parts[0] ?? '') && /ing$/i.test(parts.at(-1) ?? '');
}

/**
 * A prepositional phrase after the wh-phrase's noun ("which city in southern Ukraine", "which officials
 * besides Putin", "which providers to SpaceX") modifies it: the noun before the preposition is the head.
 * English puts a noun's prepositional modifiers after it, so the head is never inside the phrase.
 */
const NOUN_MODIFIER = String.raw`(?:\s+(?:in|of|from|to|besides|near|at|on|for|with|outside|inside|within|beyond)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)?`;

/** "What deadline did…", "what kind of backup plans did…": the wh-phrase's noun, before its auxiliary. */
const AUXILIARY = String.raw`(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could)\b`;
/** "What would Washington do": an auxiliary right after the wh-word ends its phrase — there is no noun. */
const WH_PHRASE = new RegExp(
  String.raw`^\s*(?:what|which)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:(?!${AUXILIARY})[\p{L}-]+\s+){0,2}?(?!${AUXILIARY})([\p{L}-]+)${NOUN_MODIFIER}\s+${AUXILIARY}`,
  'iu',
);

/**
 * The noun of the wh-phrase and what it asks for: a thing the answer must name in so many words
 * (`focus`: "what bill did she introduce" needs a bill), or someone or something a name answers
 * (`named`: "which reporter", "what firm", "which city" — people, groups and places, as WordNet's noun
 * classes file them — and whoever someone spoke or wrote to). Times are asked for by expected kinds.
 */
function readWhPhrase(
  question: string,
  wordnet: Wordnet,
): { focus: string | null; named: string | null; addressee?: boolean } {
  const none = { focus: null, named: null };
  const phrase = ATTRIBUTE_QUESTION.exec(question)?.[1] ?? POSSESSIVE_QUESTION.exec(question)?.[1];
  const attribute = phrase && !isProgressive(phrase) ? words(phrase).at(-1) : undefined;
  // "What's the gist of the letter?": a summary or a meaning is what the text says, not a word in it.
  if (attribute && !wordnet.isSummaryNoun(attribute)) return { focus: attribute, named: null };
  // "Which senators signed the letter?": a subject question has no auxiliary after its wh-phrase.
  const object = WH_PHRASE.exec(question)?.[1];
  // The subject of "which N did…" is only ever read for a name: what it does is the question's topic.
  const subjectHead = object ? undefined : whichSubject(question);
  if (subjectHead) {
    const noun = subjectHead.toLowerCase();
    const named = wordnet.isNameableNoun(noun) && !wordnet.isTimeNoun(noun);
    return { focus: null, named: named ? noun : null };
  }
  const head = object?.toLowerCase();
  // Only a noun names a thing asked for ("what else did he say": "else" is no thing).
  if (!head || isStopword(head) || !wordnet.isNoun(head) || wordnet.isMainlyAdverb(head)) return none;
  // "What stuff / what matter …": a shell noun stands for what the answer says, not for a word in it.
  if (isShellNoun(stem(head))) return none;
  if (wordnet.isNameableNoun(head)) return { focus: null, named: wordnet.isTimeNoun(head) ? null : head };
  // "Which outlet did Nelson talk to?": whom someone spoke or wrote to is a person or a body, named in
  // the answer, whatever noun the question uses for it.
  const verb = /\b(\p{L}+)\s+(?:to|with)\s*[?.!]*\s*$/iu.exec(question)?.[1];
  if (verb && wordnet.isCommunicationVerb(verb)) return { focus: null, named: head, addressee: true };
  // "Which paper did Isaacson tell about SpaceX?": the object of a verb of telling is whom it was told.
  // (The lexicon lists the inflected forms; a question uses the base one after "did".)
  const telling = (word: string) => [word, `${word}s`, `${word}ed`].some((form) => TELL_VERBS.has(form));
  if (words(question).some(telling)) return { focus: null, named: head, addressee: true };
  return { focus: head, named: null };
}

/** "Who did Isaacson talk to?": a verb of communication, then "to" or "with", ends the question. */
function endsWithSpeakingTo(question: string, wordnet: Wordnet): boolean {
  const verb = /\b(\p{L}+)\s+(?:to|with)\s*[?.!]*\s*$/iu.exec(question)?.[1];
  return verb !== undefined && wordnet.isCommunicationVerb(verb);
}

/**
 * "Which senators signed…", "which WSJ reporter broke…", "which city in Ukraine sent…": "which", up to two
 * modifiers, the noun, its prepositional modifier, then the verb — the first reading in which a finite
 * verb follows the noun phrase is the subject's.
 */
function whichSubject(question: string): string | undefined {
  for (let modifiers = 0; modifiers <= 2; modifiers++) {
    const pattern = new RegExp(
      String.raw`^\s*which\s+(?:[\p{L}-]+\s+){${modifiers}}([\p{L}-]+)${NOUN_MODIFIER}\s+(\p{L}+)`,
      'iu',
    );
    const match = pattern.exec(question);
    if (match?.[2] && isClauseWord(match[2])) return match[1];
  }
  return undefined;
}

const SPEECH_SUBJECT =
  /\b(did|does|do|has|have|had|is|was|were|will|would)\s+(.+?)\s+(say|said|tell|told|think|claim|argue|warn|write|wrote|describe|respond|react|reply|replied|answer|comment|call|mean)\b/i;

/**
 * "Is Musk said to have been in contact…", "what was Reed told": a form of "be" before a participle of
 * speech is the passive — its subject is spoken of or spoken to, and says nothing.
 */
function passiveSpeech(auxiliary: string, verb: string): boolean {
  return /^(?:is|was|were)$/i.test(auxiliary) && /^(?:said|told|replied)$/i.test(verb);
}
const ACCORDING_TO = /\baccording to\s+(.+?)\s*(?:[,?.!]|$)/i;

/** "What was Lloyd Austin's response to the letter?" */
const POSSESSIVE_SPEECH =
  /\b([\p{Lu}][\p{L}.'’ -]*?)['’]s\s+(?:response|reply|reaction|answer|statement|comments?|remarks?|view|position|testimony)\b/u;

/**
 * A subject is a noun phrase: one that holds a clause of its own ("SpaceX point Axios to when asked
 * for" before "comment") is the lazy match running past the real verb, not a subject.
 */
const CLAUSE_BOUNDARY =
  /\b(?:when|where|why|how|what|who|whom|which|if|because|after|before|while|whether)\b/i;

/** "(tell me) what Nelson said about …": an embedded question puts the subject before the verb. */
const EMBEDDED_SPEECH_SUBJECT =
  /^\s*(?:what|how)\s+(.+?)\s+(said|says|told|tells|thinks|thought|wrote|writes|claimed|argued|warned|meant)\b/i;

export function findSpeechSubject(question: string): string | null {
  const speech = SPEECH_SUBJECT.exec(question);
  const active = speech && !passiveSpeech(speech[1] ?? '', speech[3] ?? '') ? speech[2] : undefined;
  const embedded = EMBEDDED_SPEECH_SUBJECT.exec(question);
  const [auxiliary = ''] = embedded?.[1]?.split(/\s+/) ?? [];
  const subject =
    active ?? (embedded && !passiveSpeech(auxiliary, embedded[2] ?? '') ? embedded[1] : undefined);
  return (
    (subject && !CLAUSE_BOUNDARY.test(subject) ? subject : undefined) ??
    ACCORDING_TO.exec(question)?.[1] ??
    POSSESSIVE_SPEECH.exec(question)?.[1] ??
    null
  );
}

/**
 * "What did Inspector General Robert Storch conclude?", "How did Trump react?": "what" or "how",
 * auxiliary, subject, main verb — the wh-word asks for what was expressed or how ("How long has he
 * been talking…" asks for a duration, no one's words).
 */
const AUXILIARY_SUBJECT_VERB =
  /^\s*(?:what(?:\s+else)?|how)\s+(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(\p{L}+)\s*(?:[?.!]|$|\s(?:about|on|in|to|after|before|regarding|over)\b)/iu;

/**
 * The subject of a verb of communication or thought the speech-verb patterns do not list ("conclude",
 * "announce", "recommend"): WordNet's verb classes say which verbs report what someone expressed.
 */
function expressionSubject(question: string, wordnet: Wordnet): string | null {
  const match = AUXILIARY_SUBJECT_VERB.exec(question);
  if (!match?.[1] || !match[2]) return null;
  // "What did the inspector general get asked": in the passive the subject is spoken to, not speaking.
  if (/\b(?:get|got|gotten|be|been|being|was|were)$/i.test(match[1])) return null;
  return wordnet.isExpressionVerb(match[2]) ? match[1] : null;
}

/** Senses per part of speech read for the rarer synonyms the corpus itself uses. */
const ALL_SENSES = 12;

/**
 * Synonyms from the word's rarer senses that the corpus uses: a synonym the documents never contain
 * cannot match anything, and one they do contain may be the corpus's own word for the idea ("calls" →
 * "conversations"), whichever sense it comes from.
 */
function rareSynonymsInCorpus(word: string, resources: QuestionResources): string[] {
  const { wordnet, inCorpus } = resources;
  if (!inCorpus) return [];
  const common = new Set(wordnet.synonyms(word));
  return wordnet.synonyms(word, ALL_SENSES).filter((synonym) => !common.has(synonym) && inCorpus(synonym));
}

/**
 * The question's words that are short forms of names the documents write in full, with those names.
 * A word counts when it is written as an initialism ("WSJ", "DoD": two capitals or more), or when it is
 * typed in lower case but is neither a word of the documents nor an English word ("wsj"): then it can
 * only be a short form. Ordinary words ("dad", "map") are never read as one.
 */
function findShortForms(question: string, resources: QuestionResources): Map<string, readonly string[]> {
  const found = new Map<string, readonly string[]>();
  if (!resources.aliases) return found;
  for (const token of question.match(/[\p{L}][\p{L}.&]*/gu) ?? []) {
    const bare = token.replace(/\.$/, '');
    const blend = resources.expandBlend?.(bare);
    const names = resources.aliases.get(bare.toLowerCase()) ?? (blend ? [blend] : undefined);
    if (!names) continue;
    const initialism = (bare.match(/\p{Lu}/gu) ?? []).length >= 2;
    const unknown = !(resources.inCorpus?.(bare) ?? true) && !isCommonWord(bare);
    if (initialism || unknown) found.set(words(bare).join(''), names);
  }
  return found;
}

/** The stems of the names the question mentions: what it is about, as opposed to what it asks. */
export function nameStemsOf(analysis: Pick<QuestionAnalysis, 'entities'>): Set<string> {
  return new Set(contentTerms(analysis.entities.map((entity) => entity.name).join(' ')));
}
