import { isStopword } from './terms.js';
import { lexiconTags } from './word-lexicon.js';

export interface ProperName {
  name: string;
  kind: 'person' | 'organization' | 'other';
}

/** A token of a name: a capitalised word, an initialism ("U.S.", "DoD"), or a title with its period ("Sen."). */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu;
/**
 * Lower-case words that join the parts of one name: "Department of Defense", "Bank of the West".
 * Not "and": "Shaheen and Reed" is two names far more often than one.
 */
/** The longest names ("Chairman of the Senate Armed Services Committee") run to about seven words. */
const MAX_NAME_WORDS = 8;

export const NAME_JOINERS = new Set(['of', 'the', 'de', 'van', 'von', 'for']);

function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token);
}

/**
 * Proper names in a short text such as a question: runs of capitalised words, joined by "of"/"the"
 * inside a name. Capitals are the one signal English spelling gives for names, so the rule holds for
 * any topic; what it must not take is a capital that only starts the sentence ("Did", "What"), which
 * the lexicon knows as an ordinary word. `kind` comes from the same lexicon: a known first name or an
 * honorific makes a person, a word tagged as an organisation makes one; otherwise "other".
 */
export function findProperNames(text: string): ProperName[] {
  const tokens = [...text.matchAll(TOKEN)].map((match) => {
    const raw = match[0].replace(/['’]s$/, '');
    // "U.S." and "Sen." keep their periods; any other trailing punctuation ends the sentence, not the word.
    const keepsPeriod = /^(?:\p{L}\.)+$/u.test(raw) || isTitle(raw);
    return {
      text: keepsPeriod ? raw : raw.replace(/[.'’-]+$/, ''),
      start: match.index ?? 0,
      length: keepsPeriod ? match[0].length : match[0].replace(/[.'’-]+$/, '').length,
      possessive: raw !== match[0],
    };
  });
  const names: ProperName[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && NAME_JOINERS.has(run.at(-1) ?? '')) run.pop();
    // A run longer than any name ("Meyer Nelson Reed Shaheen …") is a list of names, or none: cut it
    // into name-sized pieces, which also bounds what matching a name against speakers can cost.
    while (run.length > MAX_NAME_WORDS) {
      names.push(classify(run.slice(0, MAX_NAME_WORDS)));
      run = run.slice(MAX_NAME_WORDS);
    }
    if (run.length > 0) names.push(classify(run));
    run = [];
  };
  tokens.forEach((token, position) => {
    const word = token.text;
    if (!word) return;
    // Punctuation between two words ends a name: "Lancaster, Pennsylvania" is two.
    const previous = tokens[position - 1];
    if (previous && /[^\s]/.test(text.slice(previous.start + previous.length, token.start))) flush();
    // After a title ("Sen. Reed") the period ends the abbreviation, not a sentence.
    const afterTitle = isTitle(tokens[position - 1]?.text ?? '');
    const startsSentence = !afterTitle && isSentenceStart(text, token.start);
    if (isCapitalised(word) && !(startsSentence && isOrdinaryWord(word)) && !isDateWord(word)) {
      run.push(word);
      // A possessive ends a name: in "Merrick Garland's DOJ" the DOJ is a second name, his.
      if (token.possessive) flush();
      return;
    }
    const next = tokens[position + 1]?.text ?? '';
    // An initialism is a whole name by itself: "CEO of Blue Origin" is two names, not one.
    const last = run.at(-1) ?? '';
    if (run.length > 0 && !isInitialism(last) && NAME_JOINERS.has(word) && isCapitalised(next)) {
      run.push(word);
      return;
    }
    flush();
  });
  flush();
  return dedupe(names.filter((name) => name.name.length > 1 && !isStopword(name.name.toLowerCase())));
}

/** At the start of the text or after a sentence end: the capital there says nothing about a name. */
function isSentenceStart(text: string, offset: number): boolean {
  return /(?:^|[.!?:]\s+|["“(]\s*)$/u.test(text.slice(Math.max(0, offset - 3), offset)) || offset === 0;
}

/** A word the lexicon knows only as something other than a name ("What", "Did", "Senators"). */
function isOrdinaryWord(word: string): boolean {
  const tags = lexiconTags(word.replace(/\.$/, ''));
  if (tags === '') return isStopword(word.toLowerCase());
  return !/Name|Person|Organization|Place|ProperNoun|Country|City|Region|Honorific|Acronym/.test(tags);
}

/** "September", "Sept.", "Friday": a date, not a name (unless the lexicon also knows it as one, "May"). */
function isDateWord(word: string): boolean {
  const tags = lexiconTags(word.replace(/\.$/, ''));
  return /Month|WeekDay/.test(tags) && !/Name|Person/.test(tags);
}

function isInitialism(word: string): boolean {
  return /^[\p{Lu}.]{2,}$/u.test(word);
}

function isTitle(word: string): boolean {
  return /Honorific|Abbreviation/.test(lexiconTags(word.replace(/\.$/, '')));
}

function classify(run: string[]): ProperName {
  const name = run.join(' ');
  const tags = run.map((word) => lexiconTags(word.replace(/\.$/, '')));
  const person =
    tags.some((tag) => /Honorific|Person/.test(tag)) ||
    (run.length >= 2 && /MaleName|FemaleName|FirstName/.test(tags[0] ?? '')) ||
    (run.length === 1 && /LastName|MaleName|FemaleName/.test(tags[0] ?? '')) ||
    // "Merrick Garland": a given name the lexicon lacks, then a name it knows as one.
    (run.length >= 2 &&
      /LastName|MaleName|FemaleName/.test(tags.at(-1) ?? '') &&
      !tags.some((tag) => /Organization|Place/.test(tag)));
  if (person) return { name, kind: 'person' };
  if (tags.some((tag) => /Organization/.test(tag))) return { name, kind: 'organization' };
  return { name, kind: 'other' };
}

function dedupe(names: ProperName[]): ProperName[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.name) && seen.add(name.name));
}
