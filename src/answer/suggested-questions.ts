import { isGenericWord } from '../text/generic-words.js';
import { isStopword, stem, words } from '../text/terms.js';

/** A question to offer someone who has not asked yet: a short label and the question it sends. */
export interface SuggestedQuestion {
  title: string;
  message: string;
}

/** What the suggestions are drawn from: the documents and, per speaker, their quotes and where they appear. */
export interface CorpusOutline {
  documents: readonly { title: string; date: string | null }[];
  speakers: readonly { name: string; quotes: readonly { text: string; title: string }[] }[];
}

const SPEAKERS = 2;
const MAX_TITLE = 60;

/**
 * Up to four questions the documents can answer, made from what they hold rather than written for one
 * article: what the two most-quoted speakers said (about the topic they speak to most), a summary of the
 * newest document, and the list of documents. Kinds of question the core answers from the documents alone.
 */
export function suggestedQuestions(outline: CorpusOutline): SuggestedQuestion[] {
  const suggestions: SuggestedQuestion[] = [];
  const byName = new Map(outline.speakers.map((speaker) => [speaker.name, speaker]));
  const chosen = suggestedSpeakers(outline.speakers.map((speaker) => [speaker.name, speaker.quotes.length]));
  for (const speaker of chosen.flatMap((name) => byName.get(name) ?? [])) {
    const topic = topicOf(speaker);
    suggestions.push({
      title: clip(topic ? `What did ${speaker.name} say about ${topic}?` : `What did ${speaker.name} say?`),
      message: topic ? `What did ${speaker.name} say about ${topic}?` : `What did ${speaker.name} say?`,
    });
  }
  const newest = newestDocument(outline.documents);
  if (newest)
    suggestions.push({ title: clip(`Summarize “${newest.title}”`), message: `Summarize “${newest.title}”` });
  if (outline.documents.length > 0)
    suggestions.push({ title: 'What documents do you have?', message: 'What documents do you have?' });
  return suggestions;
}

/**
 * The speakers suggestions are made for, from how many quotes each has: the most quoted, ties by
 * name. An outline need hold the quotes of these only.
 */
export function suggestedSpeakers(counts: Iterable<readonly [string, number]>): string[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, SPEAKERS)
    .map(([name]) => name);
}

/**
 * The word a speaker's quotes share most with the headlines of the documents quoting them. A headline
 * names what its article is about, so a headline word the speaker keeps using is a subject they spoke
 * to — in the headline's own spelling ("SpaceX", "Starlink"). Their own name, stopwords and generic words
 * ("said", "new") are not topics.
 */
function topicOf(speaker: CorpusOutline['speakers'][number]): string | null {
  const own = new Set(words(speaker.name).map(stem));
  const headline = new Map<string, string>();
  for (const quote of speaker.quotes)
    for (const match of quote.title.matchAll(/[\p{L}\p{N}]+/gu)) {
      const [word] = words(match[0]);
      if (!word || word.length < 3 || isStopword(word)) continue;
      const key = stem(word);
      if (!own.has(key) && !isGenericWord(key) && !headline.has(key)) headline.set(key, match[0]);
    }
  const counts = new Map<string, number>();
  for (const quote of speaker.quotes)
    for (const word of new Set(words(quote.text).map(stem)))
      if (headline.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best ? (headline.get(best[0]) ?? null) : null;
}

function newestDocument<D extends { date: string | null }>(documents: readonly D[]): D | undefined {
  // ISO dates ("2024-11-15", "2023-09") sort as text; undated documents come last.
  return [...documents].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
}

function clip(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1).trimEnd()}…`;
}
