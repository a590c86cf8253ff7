// "The court rejected Castellan's argument that …": a noun that names a speech act (argument, claim,
// contention, assertion, allegation, insistence, warning) with a "that" clause reports what its
// possessor said, as "Castellan argued that …" would. The possessor must be named, or be an
// organisation noun the resolver reads back to a body the text named ("the city's argument"): "the
// tenants' claim" or "his argument" rest on a reference the clause itself cannot check.
import { readNameRun } from './name-runs.js';
import { ORG_NOUNS } from './noun-lexicon.js';
import { phrase } from './noun-phrase-shape.js';
import { readWords } from './read-word.js';
import { makeAct, type Sentence, type SpeechAct, trimClause } from './speech-act.js';

const CLAIM =
  /['’]s?\s+(argument|arguments|claim|claims|contention|assertion|allegation|allegations|insistence|warning)\s+that\s+/g;
/** "the city's", "the company’s" right before the noun: a definite organisation noun as possessor. */
const OWNED_BY_BODY = /\b[Tt]he\s+(\p{Ll}+)['’]s?$/u;
/** How many words a possessor's name may have: "Castellan Property Group's". */
const MAX_OWNER_WORDS = 6;

export function findClaimActs(text: string, masked: string, s: Sentence): SpeechAct[] {
  const acts: SpeechAct[] = [];
  CLAIM.lastIndex = s.contentStart;
  for (let m = CLAIM.exec(masked); m && m.index < s.end; m = CLAIM.exec(masked)) {
    const ownerEnd = m.index;
    const words = readWords(text, Math.max(s.contentStart, ownerEnd - 80), ownerEnd + 2)
      .filter((w) => w.start < ownerEnd)
      .slice(-MAX_OWNER_WORDS);
    const run = words
      .map((w) => readNameRun(text, w.start, w.start === s.contentStart))
      .find((r) => r?.possessive && r.end >= ownerEnd);
    const body = run
      ? null
      : OWNED_BY_BODY.exec(text.slice(Math.max(s.contentStart, ownerEnd - 40), ownerEnd + 2));
    if (body?.[1] && ORG_NOUNS.has(body[1].toLowerCase())) {
      // "the city's argument that …": an organisation noun the resolver reads back to the body named.
      const start = Math.max(s.contentStart, ownerEnd - 40) + body.index;
      const end = start + body[0].replace(/['’]s?$/, '').length;
      const np = phrase(text, 'org', start, end, { head: body[1].toLowerCase(), definite: true });
      const clauseStart = m.index + m[0].length;
      acts.push(
        makeAct('clause', np, `${m[1]} that`, start, clauseStart, trimClause(text, clauseStart, s.end)),
      );
      continue;
    }
    if (!run || run.kind === 'publication') continue;
    const np = phrase(text, run.kind === 'org' ? 'org' : 'name', run.start, run.end, { run });
    const clauseStart = m.index + m[0].length;
    const clause = trimClause(text, clauseStart, s.end);
    acts.push(makeAct('clause', np, `${m[1]} that`, run.start, clauseStart, clause));
  }
  return acts;
}
