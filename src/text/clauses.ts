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

/** Conjunctions that open an adverbial clause, which modifies the clause before it. */
const ADVERBIAL = /^(?:when|after|before|because|while|whereas|although)\b/i;

/**
 * The clauses a time standing in clause `i` dates: its own, and — when that clause is adverbial
 * ("Musk acknowledged | while campaigning earlier this month") — the clauses it modifies before it. A
 * complement or relative clause ("| that Musk restricted Starlink in 2022") dates only itself.
 */
export function clausesDatedBy(clauses: readonly { text: string }[], i: number): number[] {
  const dated = [i];
  for (let at = i; at > 0 && ADVERBIAL.test((clauses[at]?.text ?? '').trimStart()); at--) dated.push(at - 1);
  return dated;
}
