// How organisation names are referred to again: by their head noun ("the Department of Environmental
// Quality" → "the department", "the Hollins Institute for Public Policy" → "the institute") and by their
// initials ("the Federal Aviation Administration" → "FAA").
import type { Entity } from './entity-table.js';
import { NAME_PARTICLES } from './lexicon.js';

/** Words that start an organisation name's complement: "Department of …", "Institute for …", "Committee on …". */
const COMPLEMENT_WORDS = new Set(['of', 'for', 'on']);

/**
 * The head noun of an organisation name: English noun phrases are right-headed, except that the head
 * comes before an "of"/"for"/"on" complement.
 */
export function orgHead(words: readonly string[]): string {
  const complement = words.findIndex((w, i) => i > 0 && COMPLEMENT_WORDS.has(w));
  const head = complement > 0 ? words[complement - 1] : words[words.length - 1];
  return (head ?? '').replace(/['’]s?$/, '');
}

/** "Federal Aviation Administration" → "faa": the initials of the name's words, particles skipped. */
function initials(entity: Entity): string {
  return entity.words
    .filter((w) => !NAME_PARTICLES.has(w) && w !== 'the' && w !== 'and' && w !== 'for')
    .map((w) => w.charAt(0))
    .join('');
}

/**
 * The organisation an acronym stands for, when the document names it in full: an acronym of three or
 * more letters rarely matches the initials of another multi-word name in the same article.
 */
export function acronymOwner(entities: readonly Entity[], name: string): Entity | undefined {
  if (!/^\p{Lu}{3,}$/u.test(name)) return undefined;
  const key = name.toLowerCase();
  return entities.find((e) => e.kind === 'org' && e.words.length >= 3 && initials(e) === key);
}
