// Family relations the text states in apposition ("His wife, Grace Mbeki, …", "Her son, Mateo Ortiz,
// …", "Ellen Castellane, whose father, Vincent Castellane, …"), and what follows from them: the person's
// gender (a wife is a woman whatever her first name), and who "her husband" or "his mother" is later.
// Only relations the text states are used; a kin noun whose holder the text never named resolves to no
// one, since a wrong speaker is worse than none.

export type KinGender = 'm' | 'f';

/** Kin nouns with the gender they give the person they name. */
const KIN_GENDER: Record<string, KinGender> = {
  wife: 'f',
  husband: 'm',
  widow: 'f',
  widower: 'm',
  mother: 'f',
  father: 'm',
  mom: 'f',
  mum: 'f',
  dad: 'm',
  son: 'm',
  daughter: 'f',
  brother: 'm',
  sister: 'f',
  grandmother: 'f',
  grandfather: 'm',
  grandson: 'm',
  granddaughter: 'f',
  aunt: 'f',
  uncle: 'm',
  niece: 'f',
  nephew: 'm',
  stepson: 'm',
  stepdaughter: 'f',
  stepmother: 'f',
  stepfather: 'm',
};

/** What each relation is seen from the other side: a wife's holder is her husband or wife. */
const INVERSE: Record<string, readonly string[]> = {
  wife: ['husband', 'wife'],
  husband: ['wife', 'husband'],
  widow: ['husband'],
  widower: ['wife'],
  mother: ['son', 'daughter'],
  mom: ['son', 'daughter'],
  mum: ['son', 'daughter'],
  father: ['son', 'daughter'],
  dad: ['son', 'daughter'],
  son: ['mother', 'father', 'mom', 'dad'],
  daughter: ['mother', 'father', 'mom', 'dad'],
  brother: ['brother', 'sister'],
  sister: ['brother', 'sister'],
  grandson: ['grandmother', 'grandfather'],
  granddaughter: ['grandmother', 'grandfather'],
  grandmother: ['grandson', 'granddaughter'],
  grandfather: ['grandson', 'granddaughter'],
};

/** Familiar words for the same relation: "my dad" is the father the text named. */
const SAME_RELATION: Record<string, string> = { mom: 'mother', mum: 'mother', dad: 'father' };

/** The relation a kin noun names, in one spelling ("dad" → "father"). */
export function kinRelation(noun: string): string {
  return SAME_RELATION[noun] ?? noun;
}

export function kinGender(noun: string): KinGender | null {
  return KIN_GENDER[noun] ?? null;
}

export function isKinNoun(noun: string): boolean {
  return noun in KIN_GENDER;
}

/** The holder's relation to someone of relation `noun` to them: son → mother or father. */
export function inverseKin(noun: string): readonly string[] {
  return INVERSE[noun] ?? [];
}

/** A relation the text states: `person` is the `noun` ("wife") of `holder`. */
export interface KinLink {
  noun: string;
  person: string;
  holder: string;
}

/**
 * "His wife, ", "Her son, ", "whose father, ", "Ortiz’s father, ", "My uncle, " right before a name: the
 * kin noun and its possessor (a pronoun, "whose", or a name), or null.
 */
const KIN_BEFORE =
  /(?:^|[\s(—–])([Hh]is|[Hh]er|[Tt]heir|[Ww]hose|[Mm]y|[Oo]ur|\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)?['’]s?)\s+(?:(?:late|eldest|oldest|youngest|younger|older|elder)\s+)?([a-z]+),\s+$/u;

export function kinBefore(text: string, start: number): { owner: string; noun: string } | null {
  const m = KIN_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
  if (!m?.[1] || !m[2] || !isKinNoun(m[2])) return null;
  return { owner: m[1], noun: m[2] };
}
