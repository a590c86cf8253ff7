import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a synthetic news corpus (never committed): `documents` files of `paragraphsPerDocument`
 * one-line paragraphs mixing narrative, direct quotes, indirect speech and bullets, from a seeded
 * generator so every run measures the same text.
 */
export async function generateCorpus(
  dir: string,
  documents: number,
  paragraphsPerDocument: number,
): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const random = seeded(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  for (let d = 0; d < documents; d++) {
    const people = Array.from({ length: 4 }, () => `${pick(FIRST)} ${pick(LAST)}`);
    const lines = [
      `---\ntitle: "${pick(TOPICS)} report ${d + 1}"\npublisher: Bench Times\ndate: 2024-01-01\n---`,
    ];
    for (let p = 0; p < paragraphsPerDocument; p++) {
      const person = pick(people);
      const surname = person.split(' ')[1];
      const topic = pick(TOPICS);
      const clause = `${pick(SUBJECTS)} ${pick(VERBS)} the ${topic} ${pick(OBJECTS)}`;
      lines.push(
        pick([
          `${person}, a ${pick(ROLES)}, told reporters that ${clause}.`,
          `"${capital(clause)}," ${surname} said, adding that the ${topic} plan was "${pick(ADJECTIVES)}."`,
          `- ${capital(clause)} after a ${pick(ADJECTIVES)} vote on ${pick(DAYS)}, ${surname} said.`,
          `The ${topic} ${pick(OBJECTS)} ${pick(VERBS)} the ${pick(TOPICS)} budget on ${pick(DAYS)}, according to ${person}.`,
          `Officials ${pick(VERBS)} the ${topic} proposal, which would ${pick(VERBS)} ${pick(OBJECTS)} across the region.`,
        ]),
      );
    }
    await writeFile(join(dir, `doc-${String(d).padStart(5, '0')}.md`), `${lines.join('\n')}\n`);
  }
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Luis',
] as const;
const LAST = [
  'Ortiz',
  'Meyer',
  'Okafor',
  'Novak',
  'Rivera',
  'Schmidt',
  'Tanaka',
  'Walsh',
  'Yilmaz',
  'Zhou',
] as const;
const ROLES = [
  'city council member',
  'budget analyst',
  'transport official',
  'union leader',
  'school board chair',
] as const;
const TOPICS = [
  'transit',
  'housing',
  'water',
  'school',
  'energy',
  'harbor',
  'library',
  'hospital',
  'bridge',
  'park',
] as const;
const SUBJECTS = [
  'the council',
  'the mayor',
  'the agency',
  'voters',
  'the committee',
  'state regulators',
] as const;
const VERBS = [
  'approved',
  'delayed',
  'rejected',
  'expanded',
  'reviewed',
  'funded',
  'questioned',
  'revised',
] as const;
const OBJECTS = ['contract', 'expansion', 'audit', 'rules', 'upgrade', 'levy', 'timeline', 'study'] as const;
const ADJECTIVES = ['overdue', 'reckless', 'necessary', 'historic', 'costly', 'premature', 'fair'] as const;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
