// "… and Tessa just said, ‘Go sit down’" two paragraphs before "Tessa Okonjo, a sophomore, ran …":
// features and sports stories sometimes call someone by a first name (or surname) before the sentence
// that gives the full name. While reading in order the speaker can only be the word itself; once the
// whole document is read, the full name is known.
import type { EntityTable } from './entity-table.js';
import type { Draft } from './quote-drafts.js';
import { PEOPLE } from './resolve-name.js';
import { entitySpeaker } from './speaker.js';

/**
 * Gives a one-word person speaker the full name of the one person whose name contains that word, when
 * exactly one does (two Okonjos, or a Tessa and a Tess Tessaro, leave the word as it was: a wrong
 * speaker is worse than a short one). A `via` of the same word is completed too.
 */
export function completeShortNames(drafts: readonly Draft[], table: EntityTable): void {
  const full = new Map<string, ReturnType<typeof entitySpeaker> | null>();
  const lookUp = (word: string) => {
    const key = word.toLowerCase();
    if (!full.has(key)) {
      const owners = table.entities.filter(
        (e) => PEOPLE.has(e.kind) && e.words.length >= 2 && e.words.includes(key),
      );
      const only = owners.length === 1 ? owners[0] : undefined;
      full.set(key, only ? entitySpeaker(only, null) : null);
    }
    return full.get(key) ?? null;
  };
  const oneWord = (name: string) => /^\p{Lu}[\p{L}'’-]+$/u.test(name);
  for (const draft of drafts) {
    const speaker = draft.speaker;
    if (speaker && speaker.kind === 'person' && oneWord(speaker.name)) {
      const found = lookUp(speaker.name);
      if (found) draft.speaker = { ...found, role: speaker.role ?? found.role };
    }
    if (draft.via && oneWord(draft.via)) draft.via = lookUp(draft.via)?.name ?? draft.via;
  }
}
