// Names with a role written around them: "Council member Marcus Hill", "SpaceX spokesperson Jane Doe",
// "former President Trump", "national security attorney Dan Meyer", and bare groups ("federal prosecutors").

import { type NameRun, readNameRun } from './name-runs.js';
import { GROUP_NOUNS, ROLE_NOUNS } from './noun-lexicon.js';
import { type NounPhrase, phrase, STOP_WORDS } from './noun-phrase-shape.js';
import { readWord, type Word } from './read-word.js';

/** "Council member Marcus Hill", "SpaceX spokesperson Jane Doe": a role with lowercase words, then a name. */
export function readLowercaseTitle(text: string, run: NameRun): NounPhrase | null {
  if (run.possessive || text[run.end] !== ' ') return null;
  const words: Word[] = [];
  let p = run.end + 1;
  for (let word = readWord(text, p); word && !word.capital && words.length < 2; word = readWord(text, p)) {
    words.push(word);
    if (text[word.end] !== ' ') break;
    p = word.end + 1;
  }
  const last = words[words.length - 1];
  if (!last || !ROLE_NOUNS.has(last.bare) || text[last.end] !== ' ') return null;
  const name = readNameRun(text, last.end + 1);
  if (!name || name.kind === 'org' || name.kind === 'publication' || name.possessive) return null;
  return phrase(text, 'name', run.start, name.end, {
    run: name,
    role: text.slice(run.start, name.title ? name.nameWords[0]?.start : name.start).trim(),
  });
}

/** "former President Trump", "national security attorney Dan Meyer", "federal prosecutors". */
export function readLowercaseLed(text: string, start: number): NounPhrase | null {
  const words: Word[] = [];
  let p = start;
  while (words.length < 4) {
    const word = readWord(text, p);
    if (!word || word.capital || STOP_WORDS.has(word.bare)) break;
    words.push(word);
    if (text[word.end] !== ' ') break;
    p = word.end + 1;
  }
  const last = words[words.length - 1];
  if (!last) return null;
  if (GROUP_NOUNS.has(last.bare))
    return phrase(text, 'group', start, last.end, { head: last.bare, definite: false });
  const run = text[last.end] === ' ' ? readNameRun(text, last.end + 1) : null;
  // "critic Jane Doe", "longtime resident Bob Jones": lowercase words before a name are its role.
  const leads =
    ROLE_NOUNS.has(last.bare) ||
    ['former', 'then', 'acting', 'interim', 'late'].includes(last.bare) ||
    run?.kind === 'person' ||
    (run?.kind === 'unknown' && run.nameWords.length >= 2);
  if (run && leads && (run.kind === 'person' || run.kind === 'unknown') && !run.possessive) {
    return phrase(text, 'name', start, run.end, {
      run,
      role: text.slice(start, run.title ? run.nameWords[0]?.start : run.start).trim(),
    });
  }
  return null;
}
