// `…, Meyer said.` / `…, said Meyer.` / `…, the Journal reported Friday.`: an attribution closing the
// sentence makes the words before it (after any bullet or label) the speaker's reported clause.
import { readAppositive } from './appositive.js';
import { CLAUSE_VERBS } from './lexicon.js';
import { type NounPhrase, readNounPhrase } from './noun-phrase.js';
import type { Word } from './read-word.js';
import {
  attributionTailEnd,
  makeAct,
  readVerb,
  type Sentence,
  type SpeechAct,
  skipAdverbs,
  trimClause,
} from './speech-act.js';

const FINAL_VERBS = new Set([...CLAUSE_VERBS, 'continued', 'explained', 'added']);

/** `…, Meyer said.` / `…, said Meyer.` / `…, the Journal reported Friday.` closing the sentence. */
export function findFinalAct(text: string, masked: string, s: Sentence): SpeechAct | null {
  let tried = 0;
  for (let c = s.end - 1; c > s.contentStart && tried < 4; c--) {
    if (masked[c] !== ',') continue;
    tried++;
    const np = readNounPhrase(text, c + 1);
    let verb: Word | null = null;
    let speaker: NounPhrase | null = null;
    let role: string | null = null;
    if (np) {
      const appositive = readAppositive(text, np.end);
      verb = readVerb(text, skipAdverbs(text, appositive.end), FINAL_VERBS);
      speaker = verb ? np : null;
      role = appositive.role;
    }
    if (!speaker) {
      verb = readVerb(text, c + 1, FINAL_VERBS);
      speaker = verb && text[verb.end] === ' ' ? readNounPhrase(text, verb.end + 1) : null;
      if (speaker) role = readAppositive(text, speaker.end, true).role;
      if (speaker && verb) verb = { ...verb, end: speaker.end };
    }
    if (!speaker || !verb) continue;
    const tail = attributionTailEnd(text, masked, verb.end, s.end, verb);
    if (tail === null) continue;
    const complement = trimClause(text, s.contentStart, c);
    return makeAct(
      'final',
      speaker,
      verb.bare,
      c + 1,
      tail,
      complement.end > complement.start ? complement : null,
      role,
    );
  }
  return null;
}
