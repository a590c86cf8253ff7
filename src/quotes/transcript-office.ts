// "MODERATOR:" in a transcript whose introduction says "City Clerk Ruth Albers moderated" (or "moderated
// by Ruth Albers"): a label that names what someone does at the event is the person the introduction
// says did it. English makes such agent nouns from the verb (moderate → moderator, host → host,
// interview → interviewer), so the verb is found from the label by that morphology, whatever the office.
import { readNameRun } from './name-runs.js';

/**
 * The past tenses the agent noun may come from: "moderator" → "moderated" (-ator from -ate), "interviewer"
 * → "interviewed" (-er or -or added to the verb), "host" / "chair" / "anchor" → "hosted" / "chaired" /
 * "anchored" (the noun used as the verb).
 */
function pastTensesOf(noun: string): string[] {
  const forms = new Set<string>([`${noun}ed`]);
  if (noun.endsWith('ator')) forms.add(`${noun.slice(0, -2)}ed`);
  if (/[^aeiou](?:er|or)$/.test(noun)) forms.add(`${noun.slice(0, -2)}ed`);
  return [...forms];
}

/** A name of two to four capitalised words, maybe with a title before it. */
const NAME = String.raw`((?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Lu}[\p{L}'’-]*)`;

/**
 * The name the introduction gives the one who did what the single-word label names ("Ruth Albers" for
 * MODERATOR), or null: no such sentence, or two people said to do it.
 */
export function officeHolderInIntroduction(label: string, introduction: readonly string[]): string | null {
  if (!/^\p{L}+$/u.test(label)) return null;
  const found = new Set<string>();
  for (const past of pastTensesOf(label.toLowerCase())) {
    const before = new RegExp(String.raw`${NAME}\s+${past}\b`, 'gu');
    const after = new RegExp(String.raw`\b${past}\s+by\s+${NAME}`, 'giu');
    for (const text of introduction) {
      for (const match of [...text.matchAll(before), ...text.matchAll(after)]) {
        const written = match[1] ?? '';
        const run = readNameRun(written, 0, true);
        if (run && run.nameWords.length >= 2) found.add(run.name);
      }
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}
