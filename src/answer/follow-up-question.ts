import { findSpeechSubject } from './analyze-question.js';

/** A passage an earlier answer cited, as its message records it. */
export interface CitedSource {
  doc: string;
  paragraph: number;
}

/** One earlier message of the conversation: the asker's question or the bot's answer. */
export interface ConversationTurn {
  from: 'asker' | 'bot';
  text: string;
  /** For an answer: the passages it cited (kept with its message), so "which letter was that?" can be read. */
  sources?: readonly CitedSource[];
}

export interface FollowUp {
  /** The question to answer: the follow-up with what it refers to written out, or as asked. */
  question: string;
  /** Who a pronoun or an elliptical "and …?" was read as, when the question was rewritten. */
  readAs: string | null;
}

/** The people a text names, as the documents name them, in order of appearance. */
export type PeopleIn = (text: string) => string[];
/** A person's gender where the name tells it (a known first name), else null. */
export type GenderOf = (name: string) => 'm' | 'f' | null;

/** He, she, him, his, her: the singular third-person pronouns a follow-up uses for the person asked about. */
const PRONOUN = /\b(he|she|him|his|her|hers)\b/gi;
/** "and the senators?", "what about Reed?", "how about on the budget?": a follow-up that is only a new part. */
const ELLIPSIS = /^\s*(?:(?:and|but)\s+)?(?:(?:what|how)\s+about\s+)?(.+?)\s*\?*\s*$/i;
/** A new part is a short phrase (a name, a group, a topic), not a question of its own. */
const MAX_ELLIPSIS_WORDS = 6;
const QUESTION_WORD =
  /^(?:who|what|when|where|why|how|which|did|does|do|is|are|was|were|can|could|will|would|has|have)\b/i;
const TOPIC_LEAD = /^(?:about|on|regarding|concerning)\s+/i;

/**
 * Reads a follow-up against the conversation before it, so "and what did he say about X?" after a
 * question about Meyer is answered as "and what did Dan Meyer say about X?". Only two general readings,
 * each made only when what it refers to is unambiguous — a wrong speaker is worse than none, so a
 * question stays as asked when the conversation names no one or several people:
 * - a singular pronoun (he/she/him/his/her) in a question that names nobody is the one person the
 *   conversation is about: the person the latest question naming anyone named, or else the one person
 *   the latest answer quotes;
 * - a follow-up that is only a new part ("and the senators?", "what about on the budget?") is the
 *   previous question with that part in place of its speaker (or of its topic, for "about …").
 * Plural pronouns are left alone: "they" may be any group the answer mentions. Where a first name tells
 * a person's gender, the pronoun must agree with it.
 */
export function resolveFollowUp(
  question: string,
  turns: readonly ConversationTurn[],
  peopleIn: PeopleIn,
  genderOf: GenderOf = () => null,
): FollowUp {
  const unchanged = { question, readAs: null };
  const previous = [...turns].reverse().find((turn) => turn.from === 'asker')?.text;
  if (!previous) return unchanged;
  const ellipsis = ellipticalPart(question);
  if (ellipsis) return withNewPart(previous, ellipsis, peopleIn) ?? unchanged;
  if (peopleIn(question).length > 0 || !hasPronoun(question)) return unchanged;
  const gender = pronounGender(question);
  // "did he ask her …" is about two people: no one reading can write both out.
  if (gender === 'both') return unchanged;
  const person = focusPerson(turns, peopleIn, (name) => agrees(genderOf(name), gender));
  if (!person) return unchanged;
  return {
    question: question.replace(PRONOUN, (pronoun, _word, at: number) =>
      isPossessive(pronoun, question.slice(at + pronoun.length)) ? `${person}'s` : person,
    ),
    readAs: person,
  };
}

function hasPronoun(text: string): boolean {
  return new RegExp(PRONOUN.source, 'i').test(text);
}

/** "his", "hers", and "her" before a word ("her plan"), as against "her" as an object ("told her."). */
function isPossessive(pronoun: string, after: string): boolean {
  const word = pronoun.toLowerCase();
  if (word === 'his' || word === 'hers') return true;
  return (
    word === 'her' &&
    /^\s+(?!(?:about|on|to|in|at|for|with|from|that|and|or|if|when|after|before)\b)[\p{L}]/u.test(after)
  );
}

/** The gender the question's pronouns give: he/him/his, she/her/hers, both, or none. */
function pronounGender(question: string): 'm' | 'f' | 'both' {
  const words = [...question.matchAll(PRONOUN)].map((match) => (match[1] ?? '').toLowerCase());
  const male = words.some((word) => word === 'he' || word === 'him' || word === 'his');
  const female = words.some((word) => word === 'she' || word === 'her' || word === 'hers');
  return male && female ? 'both' : male ? 'm' : 'f';
}

/**
 * Whether a person may be the pronoun: a known gender must agree; an unknown one may (so it still
 * counts as a candidate, and makes a choice between two people ambiguous rather than forced).
 */
function agrees(known: 'm' | 'f' | null, pronoun: 'm' | 'f'): boolean {
  return known === null || known === pronoun;
}

/**
 * The one person the conversation is about, walking back from the latest turn that names anyone; null
 * when unclear. Of the people that turn names, those the pronoun cannot be (a known other gender) are
 * left out: "she" after a question about Jane Roe and Dan Meyer is Jane Roe.
 */
function focusPerson(
  turns: readonly ConversationTurn[],
  peopleIn: PeopleIn,
  mayBe: (name: string) => boolean,
): string | null {
  for (const from of ['asker', 'bot'] as const) {
    const latest = [...turns].reverse().find((turn) => turn.from === from && peopleIn(turn.text).length > 0);
    if (!latest) continue;
    const people = [...new Set(peopleIn(latest.text))].filter(mayBe);
    return people.length === 1 ? (people[0] ?? null) : null;
  }
  return null;
}

/** The new part of an elliptical follow-up, or null when the follow-up is a question of its own. */
function ellipticalPart(question: string): string | null {
  const trimmed = question.trim();
  if (!/^(?:and|but|what about|how about)\b/i.test(trimmed)) return null;
  const part = ELLIPSIS.exec(trimmed)?.[1]?.trim() ?? '';
  if (!part || QUESTION_WORD.test(part) || part.split(/\s+/).length > MAX_ELLIPSIS_WORDS) return null;
  return part;
}

/** The previous question with `part` as its speaker or its topic; null when it has no place for it. */
function withNewPart(previous: string, part: string, peopleIn: PeopleIn): FollowUp | null {
  if (TOPIC_LEAD.test(part)) {
    const about = previous.search(/\s(?:about|on|regarding|concerning)\s/i);
    if (about < 0) return null;
    return { question: `${previous.slice(0, about)} ${part}?`, readAs: null };
  }
  const subject = findSpeechSubject(previous);
  if (!subject) return null;
  return { question: previous.replace(subject, part), readAs: peopleIn(part)[0] ?? part };
}
