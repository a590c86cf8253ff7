import { findSpeakersInText } from '../quotes/find-speakers-in-text.js';
import { expandBlend } from '../text/blends.js';
import { spellCurrencySigns } from '../text/currency-signs.js';
import { stem } from '../text/terms.js';
import { analyzeQuestion, type QuestionAnalysis } from './analyze-question.js';
import { corpusNameRuns } from './corpus-names.js';
import { correctQuestion, restoreNameCase } from './correct-question.js';
import { withDescribedPeople } from './described-people.js';
import { type EvidenceDetail, gatherEvidence } from './evidence.js';
import { withoutRequestFrame } from './question-kind.js';
import { retrieve } from './retrieve.js';
import type { SearchContext } from './search-context.js';
import { speakerByDescription } from './speaker-descriptions.js';
import { type SpeakerFilter, speakerFilter } from './speaker-filter.js';
import type { Passage } from './types.js';

export interface PreparedAnswer {
  analysis: QuestionAnalysis;
  /** The speakers whose words the question asks for. */
  asked: SpeakerFilter;
  passages: Passage[];
  evidence: EvidenceDetail;
  /** Notes for the reader from the stages (e.g. retrieval fell back to keywords). */
  notes: string[];
}

/**
 * The stages before any decision, in one direction: read the question (with the corpus's short forms
 * and vocabulary), resolve the speakers it asks about, retrieve, gather the evidence. `ask` decides and
 * answers from this; the answerability trainer learns from it.
 */
export async function prepareAnswer(
  context: SearchContext,
  question: string,
  k: number,
  options: {
    unknownWordsCount?: boolean;
    /** Orders and filters the retrieved passages before the evidence is read (the dates a question asks about). */
    arrange?: (passages: Passage[]) => Passage[];
  } = {},
): Promise<PreparedAnswer> {
  // Typos are read as the corpus words they most likely stand for, and the reader is told so. A
  // polite frame ("can you tell me what …") is left off: the embedded question is the one asked.
  const corrected = correctQuestion(spellCurrencySigns(withoutRequestFrame(question)), context);
  const notes: string[] = corrected.corrections.map(({ from, to }) => `Read “${from}” as “${to}”.`);
  const read = analyzeQuestion(restoreNameCase(corrected.text, context), {
    wordnet: context.wordnet,
    aliases: context.aliases,
    inCorpus: (word) => context.index.lexical.documentFrequency(word) > 0,
    expandBlend: (token) => expandBlend(token, corpusNameRuns(context)),
  });
  const analysis = withDescribedPeople(read, context);
  const asked = askedSpeakers(analysis, context);
  const retrieved = await retrieve(context, {
    analysis,
    k,
    speakers: asked,
    unknownWordsCount: options.unknownWordsCount,
    notes,
  });
  const passages = options.arrange ? options.arrange(retrieved) : retrieved;
  const evidence = await gatherEvidence(analysis, passages, context, asked);
  return { analysis, asked, passages, evidence, notes };
}

/**
 * The speakers whose words the question asks for: those named as the subject of its speech verb
 * ("How did SpaceX respond to the Journal's report?" → SpaceX, not the Journal), else all it names.
 */
function askedSpeakers(analysis: QuestionAnalysis, context: SearchContext): SpeakerFilter {
  // "Who said SpaceX is essential?": the speaker is what is asked; a name in what was said is its
  // topic, not who said it ("who at SpaceX said …" names where to look, and is kept).
  if (analysis.kind === 'who-said' && !/^\s*who\s+(?:at|from|in|of)\s/i.test(analysis.text))
    return speakerFilter([], () => []);
  const subjectText = analysis.speechSubject;
  const subject = subjectText ? resolveSubject(subjectText, context) : null;
  // A subject that names no known speaker ("what did the plumber say") asks for no one's words: the
  // other names of the question ("… about Musk") are what it is about, not who speaks.
  if (subjectText && !subject) return speakerFilter([], () => []);
  const text = subject?.text ?? analysis.searchText;
  const named = new Set(subject?.names ?? findSpeakersInText(text, context.speakers));
  const matches = context.speakers.filter((entry) => named.has(entry.name));
  return speakerFilter(matches, (entries) => findSpeakersInText(text, entries));
}

/**
 * The known speakers a speech verb's subject names: as written, or with one of its words replaced by
 * a WordNet synonym ("the national security lawyer" → "… attorney"), since people describe a speaker
 * in their own words, not the document's.
 */
function resolveSubject(subject: string, context: SearchContext): { text: string; names: string[] } | null {
  // A description that fits one person ("the Rhode Island senator") is more specific than the group
  // its common noun also matches ("the Senators").
  const described = speakerByDescription(subject, context);
  // A member of a group that speaks is asked through the group's statements.
  if (described)
    return {
      text: described.name,
      names: context.speakers.some((entry) => entry.name === described.name)
        ? [described.name]
        : findSpeakersInText(described.name, context.speakers),
    };
  const direct = findSpeakersInText(subject, context.speakers);
  if (direct.length > 0) return { text: subject, names: direct };
  const tokens = subject.split(/\s+/);
  for (const [i, token] of tokens.entries()) {
    if (token.length < 4 || !/^\p{Ll}/u.test(token)) continue;
    for (const synonym of context.wordnet.synonyms(token)) {
      const variant = [...tokens.slice(0, i), synonym, ...tokens.slice(i + 1)].join(' ');
      const names = findSpeakersInText(variant, context.speakers);
      if (names.length > 0) return { text: variant, names };
    }
  }
  return roleHeadSpeaker(subject, context);
}

/**
 * "the lawyer" for the one person the documents call a "national security attorney": English refers
 * back to a described person by the description's head noun (or a synonym of it). Only when exactly
 * one person's role has that head — "the senator" among several senators names none of them.
 */
function roleHeadSpeaker(subject: string, context: SearchContext): { text: string; names: string[] } | null {
  // "the lawyer", or "the lawyer Axios talked to": a noun for a person right after the article heads
  // the phrase, and what follows it is a clause about that person.
  const match = /^(?:the|a|an)\s+(\p{Ll}+)(\s.*)?$/u.exec(subject.trim());
  const head = match?.[1];
  if (!head || (match?.[2] && !context.wordnet.isPersonNoun(head))) return null;
  const heads = new Set([head, ...context.wordnet.synonyms(head)].map(stem));
  const fitting = context.speakers.filter(
    (entry) => entry.members.length === 0 && entry.roles.some((role) => heads.has(stem(roleHead(role)))),
  );
  const only = fitting.length === 1 ? fitting[0] : undefined;
  return only ? { text: only.name, names: [only.name] } : null;
}

/**
 * The noun a role is built on: its last word ("national security attorney" → attorney), or the noun
 * before its "of" complement ("Chairman of the Senate Armed Services Committee" → chairman).
 */
function roleHead(role: string): string {
  const [before = ''] = role.split(/\s+of\s+/i);
  return before.split(/\s+/).at(-1)?.toLowerCase() ?? '';
}
