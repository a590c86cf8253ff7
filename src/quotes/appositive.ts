// Appositives after a name: "Dan Meyer, a national security attorney, told …" gives the role; party
// tags "(D-RI)" or ", R-Ky.," and ages ("Ellen Park, 45,") are skipped. A clause between commas ("…, the
// city has spent …,") is not an appositive.
import { splitSentences } from '../text/sentences.js';
import { partyOfTag, stateNames } from '../text/us-states.js';
import { lexiconTags } from '../text/word-lexicon.js';
import { TITLE_WORDS } from './lexicon.js';
import { readNameRun } from './name-runs.js';
import { ROLE_NOUNS } from './noun-lexicon.js';

/** "the average household will pay …" is a clause, not an appositive ("who has …" inside one is fine). */
const CLAUSE_LIKE =
  /^(?:(?!\b(?:who|that|which)\b).)*\b(?:will|would|can|could|should|must|is|are|was|were|has|have|had|did|does)\b/i;
/**
 * Party tags and ages, in figures or (in features and profiles) in words: "Mateo Ortiz, twenty-six,".
 */
/** A legislator's tag: a party and a home town of up to three words ("R-Olathe", "D-Kansas City"). */
export const PARTY_TAG = String.raw`[DRI]-[A-Z][\p{L}.]*(?:\s[A-Z][\p{L}.]*){0,2}`;
const PARTY_TAG_AFTER = new RegExp(String.raw`^(?:,\s+|\s*\()(${PARTY_TAG})(?=[,)]|\.?$)`, 'u');

/**
 * The role a legislator's party tag gives ("Sen. Carol Ostrander, R-Colby," → "Republican from Colby";
 * "(D-MA)" → "Democrat from Massachusetts"): US news style (AP, the Congressional Record) writes a member's
 * party as its initial and then the state or home town, which is how people then refer to them ("the
 * senator from Colby", "the Massachusetts Democrat").
 */
export function partyTagRole(text: string, pos: number): string | null {
  const tag = PARTY_TAG_AFTER.exec(text.slice(pos, pos + 40))?.[1];
  const party = tag ? partyOfTag(tag)[0] : undefined;
  if (!tag || !party) return null;
  const place = tag.slice(2).replace(/\.$/, '');
  const state = /^\p{Lu}{2}$/u.test(place) ? stateNames(place)[0] : undefined;
  return `${party.charAt(0).toUpperCase()}${party.slice(1)} from ${state ?? place}`;
}

/**
 * A street address set off after a name, as minutes and letters pages place a speaker ("Teodora Vasquez,
 * Sycamore Lane, a teacher …"; "Ray Hale, 41 Elm St., said"): a house number, a street's name and one of
 * the thoroughfare nouns of postal addressing. It says where the person lives, never who speaks.
 */
export const ADDRESS = String.raw`(?:\d{1,5}\s)?(?:\p{Lu}[\p{L}'’.-]*\s){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Ln\.|Drive|Dr\.|Boulevard|Blvd\.|Court|Ct\.|Place|Pl\.|Way|Terrace|Circle|Parkway|Pkwy\.|Highway|Hwy\.|Trail|Row)`;

const SKIPPED = new RegExp(
  String.raw`^(?:${PARTY_TAG}|${ADDRESS}|\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|(?:eigh|nine)teen)$`,
  'u',
);
const START = /^(?:a|an|the|\p{Ll}[\p{L}-]*|\p{Lu}[\p{L}.-]*['’]s?)\s/u;
const NOT_APPOSITIVE =
  /^(?:who|whom|whose|which|that|and|but|or|nor|so|yet|said|says|told|adding|saying|according|if|when|while|because|although|as|in|on|at)\b/i;

export interface Appositive {
  role: string | null;
  end: number;
}

/**
 * What the words between two commas after a name are: a role ("a national security attorney", "CEO of
 * Acme", "Musk's biographer"), something to skip (a party tag or an age), or not an appositive (null).
 */
export function appositiveKind(body: string, maxWords = 16): 'role' | 'skip' | null {
  if (SKIPPED.test(body)) return 'skip';
  if (NOT_APPOSITIVE.test(body) || body.split(/\s+/).length > maxWords) return null;
  if (/\b(?:said|says|told|wrote|added)\b/.test(body) || CLAUSE_LIKE.test(body)) return null;
  // "Vincent Castellane, opened the store in 1972,": a past-tense verb with its object is a predicate
  // (of a clause around the name), never a description of the person.
  const verbPhrase = /^(\p{Ll}+)\s+(?:the|a|an|his|her|their|its)\s/u.exec(body);
  if (verbPhrase?.[1] && lexiconTags(verbPhrase[1]).includes('PastTense')) return null;
  if (hasFiniteVerb(body)) return null;
  // "Mayor Ann Cole, Councilor Ben Ortiz, Clerk Dana Fry": a titled name after a name is the next one
  // of a list, never the first one's role.
  const named = readNameRun(body, 0, true);
  if (named && named.end === body.length && named.kind === 'person' && named.nameWords.length >= 2)
    return null;
  const first = body.split(/\s+/)[0] ?? '';
  const titled =
    TITLE_WORDS.has(first.toLowerCase()) ||
    ROLE_NOUNS.has(first.toLowerCase()) ||
    /^\p{Lu}{2,5}$/u.test(first);
  return START.test(`${body} `) || titled ? 'role' : null;
}

/**
 * "the line carried 2.31 million trips in 2019": a subject, then a past-tense verb with its object (a
 * determiner or a figure after it), is a clause. An appositive has a verb only inside a relative
 * clause ("a lawyer who represented the family"), and a participle before a noun ("a retired
 * teacher") is followed by that noun, not by a determiner.
 */
function hasFiniteVerb(body: string): boolean {
  const words = body.split(/\s+/);
  for (let i = 1; i + 1 < words.length; i++) {
    const word = words[i] ?? '';
    if (/^(?:who|whom|whose|which|that)$/i.test(word)) return false;
    if (
      /^(?:the|a|an|his|her|their|its|\$?\d[\d.,]*)$/.test(words[i + 1] ?? '') &&
      lexiconTags(word).includes('PastTense')
    )
      return true;
  }
  return false;
}

export function roleText(body: string): string {
  return body.replace(/^(?:a|an|the)\s+/i, '').trim();
}

/**
 * A party tag "(D-RI)" and/or an appositive ", a national security attorney," after a name. With
 * `allowFinal` the appositive may end the sentence: `said Jane Roe, the commissioner.`
 */
export function readAppositive(text: string, pos: number, allowFinal = false): Appositive {
  let p = pos;
  const tag = /^\s*\([^()]{1,40}\)/.exec(text.slice(p));
  if (tag) p += tag[0].length;
  const m = /^,\s+([^,;:"“”\u2591]{2,160}?)(,(?=\s)|[.!?]?\s*$)/u.exec(text.slice(p, p + 200));
  const body = m?.[1];
  const bodyStart = m && body ? p + m[0].indexOf(body) : -1;
  // "said John Doe, the mayor. He declined to elaborate.": an appositive ends with its sentence.
  const sentence = body ? splitSentences(text, bodyStart, bodyStart + body.length)[0] : undefined;
  if (m && body && sentence && sentence.end < bodyStart + body.length)
    return allowFinal ? finalAppositive(text, p, bodyStart, sentence.end) : { role: null, end: p };
  if (m && body && m[2] === ',') return appositiveOf(body, 16, p, p + m[0].length);
  // `said Jane Roe, the commissioner.` closing the paragraph, or its sentence when more follows.
  if (!allowFinal) return { role: null, end: p };
  const lead = /^,\s+/.exec(text.slice(p, p + 8));
  if (!lead) return { role: null, end: p };
  const from = p + lead[0].length;
  const first = splitSentences(text, from, Math.min(text.length, from + 200))[0];
  return first ? finalAppositive(text, p, from, first.end) : { role: null, end: p };
}

/** An appositive that ends its sentence at `end` (after its final punctuation, if any). */
function finalAppositive(text: string, p: number, from: number, end: number): Appositive {
  const body = text.slice(from, end).replace(/[.!?]+$/, '');
  const ends = end >= text.trimEnd().length || /[.!?]$/.test(text.slice(from, end));
  if (!ends || !/^[^,;:"“”\u2591]{2,160}$/u.test(body)) return { role: null, end: p };
  return appositiveOf(body, 8, p, from + body.length);
}

function appositiveOf(body: string, maxWords: number, p: number, end: number): Appositive {
  const kind = appositiveKind(body, maxWords);
  if (kind === null) return { role: null, end: p };
  return { role: kind === 'role' ? roleText(body) : null, end };
}
