/**
 * The sentence cut where a subordinate clause starts: a relative pronoun or a conjunction that opens a
 * clause with a verb of its own. ("since" is left out: "since 2022" is a time, not a clause.)
 */
const CLAUSE_START =
  /\b(?:that|which|who|whom|whose|where|when|after|before|because|while|whereas|although)\b/giu;

export function clausesOf(sentence: string): { text: string; start: number; end: number }[] {
  const cuts = [0, ...[...sentence.matchAll(CLAUSE_START)].map((match) => match.index ?? 0), sentence.length];
  return cuts.slice(0, -1).map((start, i) => {
    const end = cuts[i + 1] ?? sentence.length;
    return { text: sentence.slice(start, end), start, end };
  });
}
