/**
 * Clipped compounds: "SecDef" for Secretary of Defense, "CentCom" for Central Command — short forms
 * made of the first letters of each word of a name, written with a capital per word. English forms
 * them the same way whatever the topic, so a name the documents write in full is found from its parts.
 */

/** Shorter pieces than this match too many words to say which name is meant. */
const MIN_PIECE = 3;
const JOINERS = new Set(['of', 'the', 'for', 'on', 'and']);

/** "SecDef" → ["sec", "def"]; null unless the word is two or more capitalised pieces of MIN_PIECE letters. */
function piecesOf(token: string): string[] | null {
  const pieces = token.match(/\p{Lu}\p{Ll}+/gu);
  if (!pieces || pieces.length < 2 || pieces.join('') !== token) return null;
  return pieces.every((piece) => piece.length >= MIN_PIECE) ? pieces.map((p) => p.toLowerCase()) : null;
}

/**
 * The name among `names` (capitalised runs of the documents, each with how many times they write it)
 * that `token` clips, as the documents write it ("Secretary of Defense" out of "Secretary of Defense
 * Lloyd Austin"), or null: the phrase written most often, the first met on a tie.
 */
export function expandBlend(token: string, names: ReadonlyMap<string, number>): string | null {
  const pieces = piecesOf(token);
  if (pieces) return expandPieces(pieces, names);
  return /^\p{Ll}+$/u.test(token) ? expandLowercaseBlend(token, names) : null;
}

/**
 * "secdef", "natsec": a blend typed in lower case hides where its pieces meet. Each cut into two
 * pieces of MIN_PIECE letters or more is tried; the blend stands for a name only when the cuts that
 * match one all give the same phrase — two different names mean the word is no blend anyone could read.
 */
function expandLowercaseBlend(token: string, names: ReadonlyMap<string, number>): string | null {
  const found = new Set<string>();
  for (let cut = MIN_PIECE; cut <= token.length - MIN_PIECE; cut++) {
    const phrase = expandPieces([token.slice(0, cut), token.slice(cut)], names);
    if (phrase) found.add(phrase);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * "AF Sec", "the AF secretary" for Air Force Secretary: a name typed as an initialism and a word or a
 * clipped word, each standing
 * for the start of the name's words in order, as in a blend. Only with both (an initialism's letters
 * alone are what the corpus's own aliases read) and three pieces or more, one of MIN_PIECE letters:
 * fewer match too many names by chance.
 */
export function expandAbbreviatedRun(run: string, names: ReadonlyMap<string, number>): string | null {
  const tokens = run.split(/\s+/);
  const initialisms = tokens.filter((token) => /^\p{Lu}{2,5}$/u.test(token));
  // A clipped or whole word, capitalised as in a name or typed in lower case ("the AF secretary").
  const clipped = tokens.filter((token) => /^\p{L}\p{Ll}{2,}\.?$/u.test(token));
  if (initialisms.length === 0 || clipped.length === 0 || initialisms.length + clipped.length < tokens.length)
    return null;
  const pieces = tokens.flatMap((token) =>
    initialisms.includes(token) ? [...token.toLowerCase()] : [token.replace(/\.$/, '').toLowerCase()],
  );
  return pieces.length >= 3 ? expandPieces(pieces, names) : null;
}

function expandPieces(pieces: string[], names: ReadonlyMap<string, number>): string | null {
  const counts = new Map<string, number>();
  for (const [name, occurrences] of names) {
    const words = name.split(/\s+/);
    for (let start = 0; start < words.length; start++) {
      const end = matchFrom(words, start, pieces);
      if (end === null) continue;
      const phrase = words.slice(start, end).join(' ');
      counts.set(phrase, (counts.get(phrase) ?? 0) + occurrences);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Where the words clipped by `pieces` end when they start at `start` (joiners between may be skipped). */
function matchFrom(words: string[], start: number, pieces: string[]): number | null {
  let at = start;
  for (const [i, piece] of pieces.entries()) {
    if (i > 0) while (at < words.length && JOINERS.has((words[at] ?? '').toLowerCase())) at++;
    const word = (words[at] ?? '').toLowerCase();
    if (!word.startsWith(piece)) return null;
    at++;
  }
  return at;
}
