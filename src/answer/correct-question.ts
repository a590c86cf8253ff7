import { runNow, type Steps, stepCounter } from '../run-in-slices.js';
import { expandAbbreviatedRun, expandBlend } from '../text/blends.js';
import { Vocabulary } from '../text/spelling.js';
import { isStopword, words } from '../text/terms.js';
import { isCommonWord, lexiconTags } from '../text/word-lexicon.js';
import { corpusNameRunSteps, corpusNameRuns } from './corpus-names.js';
import type { CorpusView, SearchContext } from './search-context.js';

export interface CorrectedQuestion {
  /** The question with its typos replaced by the corpus words they most likely stand for. */
  text: string;
  /** What was read otherwise, for a note to the reader. */
  corrections: { from: string; to: string }[];
}

/** Built once per index: the corpus's words and how often each occurs. */
const vocabularies = new WeakMap<CorpusView, Vocabulary>();

function vocabularyOf(context: CorpusView): Vocabulary {
  return vocabularies.get(context) ?? runNow(vocabularySteps(context));
}

/** Paragraphs (or titles, or name runs) read between two yields. */
const STEP_ITEMS = 200;

function* vocabularySteps(context: CorpusView): Steps<Vocabulary> {
  const precomputed = context.index.tables?.vocabulary;
  const vocabulary = new Vocabulary(precomputed ? new Map(precomputed) : yield* wordCountSteps(context));
  vocabularies.set(context, vocabulary);
  return vocabulary;
}

/** Each word of the paragraphs and titles, stopwords aside, with its occurrences, first met first. */
export function* wordCountSteps(context: CorpusView): Steps<Map<string, number>> {
  const counts = new Map<string, number>();
  const texts = [
    ...[...context.paragraphs.values()].map((chunk) => chunk.text),
    ...context.index.documents.map((document) => document.meta.title ?? ''),
  ];
  const tick = stepCounter(STEP_ITEMS);
  for (const text of texts) {
    addWordCounts(counts, text);
    if (tick()) yield;
  }
  return counts;
}

/**
 * Counts the words of `text` (stopwords aside) into `counts`: the vocabulary's one counting rule, which
 * a writer streaming documents one at a time (stream-postgres-ingest.ts) applies in the same order.
 */
export function addWordCounts(counts: Map<string, number>, text: string): void {
  for (const word of words(text)) if (!isStopword(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/**
 * The tables correctQuestion and restoreNameCase read, built as steps (run-in-slices.ts) for a
 * generation the bot is about to serve, so no asker's first question pays for them.
 */
export function* correctionTableSteps(context: CorpusView): Steps<void> {
  if (!vocabularies.has(context)) yield* vocabularySteps(context);
  if (!nameForms.has(context)) yield* nameFormSteps(context);
}

const TOKEN = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * "what did meyr say about relience on spacex" → "what did meyer say about reliance on spacex": a
 * word is corrected only when the documents never use it, no dictionary knows it and it is no short
 * form the documents define (src/text/spelling.ts says why that leaves correct words alone).
 */
export function correctQuestion(question: string, context: SearchContext): CorrectedQuestion {
  const corrections: CorrectedQuestion['corrections'] = [];
  const known = (word: string) =>
    isStopword(word) ||
    context.index.lexical.documentFrequency(word) > 0 ||
    context.aliases.has(word) ||
    lexiconTags(word) !== '' ||
    context.wordnet.knows(word);
  const text = question.replace(TOKEN, (token) => {
    const [word = ''] = words(token);
    // A capital inside a word ("SecDef", "SpaceX") or a word in capitals ("SASC") is a coined short
    // form or a name, written that way on purpose: typing slips do not add capitals.
    if (word === '' || /.\p{Lu}/u.test(token) || known(word)) return token;
    // "secdef", "natsec": a blend typed in lower case is a short form of a name, not a typo.
    if (token === word && expandBlend(word, corpusNameRuns(context)) !== null) return token;
    const vocabulary = vocabularyOf(context);
    // A clipped form is read only when typed in lower case: a capitalised one ("Dem", "Ops") is a
    // name's or a party's own short form, which aliases and the lexicon handle.
    const closest = vocabulary.closest(word) ?? (token === word ? vocabulary.expansion(word) : null);
    if (!closest) return token;
    const replaced = caseLike(token, closest) + token.slice(word.length);
    corrections.push({ from: token, to: replaced });
    return replaced;
  });
  const named = expandClippedNames(text, context, known, corrections);
  return { text: expandInitialismsBeforeWords(named, context, corrections), corrections };
}

/** An initialism and the lower-case words after it, as typed ("AF secretary"). */
const INITIALISM_THEN_WORDS = /(?<![\p{L}.])\p{Lu}{2,5}(?:\s+\p{Ll}{3,}){1,2}\b/gu;

/**
 * "the AF secretary" → "the Air Force Secretary": an initialism with the word it qualifies may spell a
 * name the documents write in full (expandAbbreviatedRun), the shortest such reading first.
 */
function expandInitialismsBeforeWords(
  text: string,
  context: SearchContext,
  corrections: CorrectedQuestion['corrections'],
): string {
  return text.replace(INITIALISM_THEN_WORDS, (run) => {
    const parts = run.split(/\s+/);
    for (let end = 2; end <= parts.length; end++) {
      const typed = parts.slice(0, end).join(' ');
      const written = expandAbbreviatedRun(typed, corpusNameRuns(context));
      if (!written) continue;
      corrections.push({ from: typed, to: written });
      return [written, ...parts.slice(end)].join(' ');
    }
    return run;
  });
}

/** Capitalised words in a row: a name as typed ("Senate Armed Svcs Cmte"). */
const CAPITALISED_RUN = /\p{Lu}[\p{L}'’.]*(?:\s+\p{Lu}[\p{L}'’.]*)+/gu;

/**
 * "the Senate Armed Svcs Cmte" → "the Senate Armed Services Committee": inside a name people shorten
 * its words as they shorten any word (src/text/spelling.ts), capitals kept. A capitalised clipped word
 * is read so only when, expanded, the run is a name the documents write: alone, a capitalised short
 * form ("Dem", "Ops") may be a name's own.
 */
function expandClippedNames(
  text: string,
  context: SearchContext,
  known: (word: string) => boolean,
  corrections: CorrectedQuestion['corrections'],
): string {
  const forms = nameFormsOf(context);
  const vocabulary = vocabularyOf(context);
  return text.replace(CAPITALISED_RUN, (run) => {
    const parts = run.split(/\s+/);
    const expanded = parts.map((part) => {
      const bare = part.replace(/\.$/, '');
      const word = bare.toLowerCase();
      if (known(word) || /.\p{Lu}/u.test(bare)) return part;
      const full = vocabulary.expansion(word);
      return full ? caseLike(part, full) : part;
    });
    // A question's first word is capitalised too ("Has Senate Armed Svcs …"): the name may start after it.
    for (const start of isStopword((parts[0] ?? '').toLowerCase()) ? [0, 1] : [0]) {
      const clipped = expanded.some((part, i) => part !== parts[i]);
      const written =
        (clipped ? forms.get(expanded.slice(start).join(' ').toLowerCase()) : undefined) ??
        expandAbbreviatedRun(parts.slice(start).join(' '), corpusNameRuns(context));
      if (!written || written === parts.slice(start).join(' ')) continue;
      const from = parts.slice(start).join(' ');
      corrections.push({ from, to: written });
      return [...parts.slice(0, start), written].join(' ');
    }
    return run;
  });
}

/** Lower-cased name (one to four words of a capitalised run of the documents) → as the documents write it. */
const nameForms = new WeakMap<CorpusView, Map<string, string>>();
const MAX_NAME_WORDS = 4;
const JOINERS = new Set(['of', 'the', 'for', 'on', 'and']);

function nameFormsOf(context: CorpusView): Map<string, string> {
  return nameForms.get(context) ?? runNow(nameFormSteps(context));
}

function* nameFormSteps(context: CorpusView): Steps<Map<string, string>> {
  const forms = new Map<string, string>();
  const tick = stepCounter(STEP_ITEMS);
  for (const run of (yield* corpusNameRunSteps(context)).keys()) {
    if (tick()) yield;
    const parts = run.split(/\s+/).map((part) => part.replace(/['’]s$|[.,'’]+$/u, ''));
    for (let start = 0; start < parts.length; start++)
      for (let end = start + 1; end <= Math.min(parts.length, start + MAX_NAME_WORDS); end++) {
        const slice = parts.slice(start, end);
        if (JOINERS.has((slice[0] ?? '').toLowerCase()) || JOINERS.has((slice.at(-1) ?? '').toLowerCase()))
          continue;
        const phrase = slice.join(' ');
        if (!forms.has(phrase.toLowerCase())) forms.set(phrase.toLowerCase(), phrase);
      }
  }
  nameForms.set(context, forms);
  return forms;
}

/**
 * "what did frank kendall say" → "what did Frank Kendall say": people type names in lower case, and
 * capitals are how names are found. A lower-case run is given the documents' capitals when it is a
 * name they write (two words or more), or one word no dictionary knows ("putin", "spacex"); a single
 * word that is also an English word ("musk", "reed") stays as typed.
 */
export function restoreNameCase(question: string, context: SearchContext): string {
  const forms = nameFormsOf(context);
  const tokens = [...question.matchAll(/\p{L}[\p{L}'’-]*/gu)];
  let result = '';
  let last = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as RegExpMatchArray;
    let matched = 0;
    let cased = '';
    for (let n = Math.min(MAX_NAME_WORDS, tokens.length - i); n >= 1 && matched === 0; n--) {
      const group = tokens.slice(i, i + n);
      if (group.some((part) => part[0] !== part[0].toLowerCase())) continue;
      const first = group[0]?.index ?? 0;
      const end = (group.at(-1)?.index ?? 0) + (group.at(-1)?.[0].length ?? 0);
      const span = question.slice(first, end);
      // Only spaces between the words of a name.
      if (!/^[\p{L}'’-]+(?:\s+[\p{L}'’-]+)*$/u.test(span)) continue;
      const phrase = forms.get(span.replace(/\s+/g, ' '));
      if (!phrase) continue;
      if (n === 1 && !isLoneName(span, context)) continue;
      matched = n;
      cased = phrase;
    }
    if (matched === 0) {
      i++;
      continue;
    }
    const start = token.index ?? 0;
    const endToken = tokens[i + matched - 1] as RegExpMatchArray;
    result += question.slice(last, start) + cased;
    last = (endToken.index ?? 0) + endToken[0].length;
    i += matched;
  }
  return result + question.slice(last);
}

/** One word that can only be a name: the lexicon knows it as one, or no dictionary knows it at all. */
function isLoneName(word: string, context: SearchContext): boolean {
  if (isStopword(word) || isCommonWord(word)) return false;
  return /Name|Person/.test(lexiconTags(word)) || !context.wordnet.knows(word);
}

/**
 * The correction written in the case the user typed: "Meyr" → "Meyer". (Words with a capital past
 * their first letter are never corrected, so there is no all-caps case to keep.)
 */
function caseLike(typed: string, word: string): string {
  return /^\p{Lu}/u.test(typed) ? (word[0]?.toUpperCase() ?? '') + word.slice(1) : word;
}
