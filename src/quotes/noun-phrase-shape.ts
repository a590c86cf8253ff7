// The noun phrase shape shared by the speaker readers, and the words that end a noun phrase.
import { CLAUSE_VERBS, LABEL_VERBS, NON_NAME_WORDS, SPEECH_VERBS, VERB_ADVERBS } from './lexicon.js';
import type { NameRun } from './name-runs.js';

export type NounPhraseKind = 'pronoun' | 'name' | 'list' | 'group' | 'org' | 'publication' | 'role' | 'owned';

export interface NounPhrase {
  kind: NounPhraseKind;
  start: number;
  end: number;
  text: string;
  /** name/org/publication: the run of capitals; list: the first name. */
  run?: NameRun;
  runs?: NameRun[];
  /** Lowercase head noun of a common noun phrase. */
  head?: string;
  definite?: boolean;
  /** Whose statement/spokesperson: `a spokesperson for X`, `X's statement`. */
  owner?: NounPhrase;
  ownerPronoun?: string;
  /** Role written before the name: "national security attorney Dan Meyer", "former President Trump". */
  role?: string;
  /** "the mother of one of the players": a relative of someone the text does not name, unnamed too. */
  unnamedOwner?: boolean;
  /** "the elder Halloran", "the younger Bush": which of several people sharing the surname. */
  seniority?: 'older' | 'younger';
}

export const STOP_WORDS = new Set([
  ...NON_NAME_WORDS,
  ...SPEECH_VERBS,
  ...CLAUSE_VERBS,
  ...LABEL_VERBS,
  ...VERB_ADVERBS,
]);
export function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ') pos++;
  return pos;
}

export function phrase(
  text: string,
  kind: NounPhraseKind,
  start: number,
  end: number,
  extra: Partial<NounPhrase> = {},
) {
  return { kind, start, end, text: text.slice(start, end), ...extra } satisfies NounPhrase;
}
