import { expandAbbreviation } from '../text/abbreviations.js';
import { contentTerms } from '../text/terms.js';
import { LOWERCASE_STATE_NAME } from '../text/us-states.js';
import type { QuestionAnalysis } from './analyze-question.js';
import type { SearchContext } from './search-context.js';
import { speakerByDescription } from './speaker-descriptions.js';

/** "the Michigan senator", "the NASA boss", "the RI sen": the article, up to three capitalised words, a noun. */
const DESCRIPTION = /\bthe\s+((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(\p{Ll}+))\b/gu;
/** …and as a headline writes one, the noun capitalised too: "the Rhode Island Democrat". */
const CAPITALISED_DESCRIPTION = /\bthe\s+((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}?(\p{Lu}\p{Ll}+))\b(?!\s+\p{Lu})/gu;
/** "the senator from Rhode Island", "the democrat from massachusetts": the noun, then where from. */
const DESCRIPTION_FROM = /\bthe\s+((\p{Ll}+)\s+from\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})/gu;

/**
 * The question read with the people it describes: "the Michigan senator" is Gary Peters when the
 * documents describe exactly one person so (speaker-descriptions.ts). English refers to people by
 * place and office as often as by name; the documents may write the place otherwise ("D-MI"), so the
 * description's words count as present where the person's name is, as a short form's do, and the
 * name joins what retrieval reads (retrievalText).
 */
export function withDescribedPeople(analysis: QuestionAnalysis, context: SearchContext): QuestionAnalysis {
  const found: { words: string[]; name: string }[] = [];
  // "the massachusetts democrat": a state typed in lower case is read as the capitalised one.
  const text = analysis.text.replace(LOWERCASE_STATE_NAME, (name) =>
    name.replace(/\b\p{Ll}/gu, (letter) => letter.toUpperCase()),
  );
  const matches = [DESCRIPTION, CAPITALISED_DESCRIPTION, DESCRIPTION_FROM].flatMap((pattern) => [
    ...text.matchAll(pattern),
  ]);
  for (const match of matches) {
    const noun = (match[2] ?? '').toLowerCase();
    if (!context.wordnet.isPersonNoun(expandAbbreviation(noun) ?? noun)) continue;
    const person = speakerByDescription(`the ${match[1]}`, context);
    if (person) found.push({ words: (match[1] ?? '').toLowerCase().split(/\s+/), name: person.name });
  }
  if (found.length === 0) return analysis;
  const keyTerms = analysis.keyTerms.map((term) => {
    const named = found.filter((description) => description.words.includes(term.word));
    if (named.length === 0) return term;
    const stems = named.flatMap((description) => contentTerms(description.name));
    return { ...term, equivalentStems: [...new Set([...term.equivalentStems, ...stems])] };
  });
  const names = [...new Set(found.map((description) => description.name))];
  return { ...analysis, keyTerms, described: names };
}

/** What retrieval searches with: the question, its short forms' names and the people it describes. */
export function retrievalText(analysis: QuestionAnalysis): string {
  const described = analysis.described ?? [];
  return described.length > 0 ? `${analysis.searchText} (${described.join('; ')})` : analysis.searchText;
}
